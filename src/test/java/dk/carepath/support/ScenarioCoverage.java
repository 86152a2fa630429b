package dk.carepath.support;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process-test-coverage for the scenario tests (classes named *ScenarioTest): the report goes to
 * target/process-test-coverage, and a scenario class that covers less than
 * {@value #MINIMUM} of its process's flow nodes and sequence flows fails.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScenarioCoverage {

    public static final double MINIMUM = 0.9;

    @Bean
    AbstractCamundaConfiguration processCoverage() {
        return new AbstractCamundaConfiguration() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
            }
        };
    }

    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .addInclusionPatternForTestClasses("*ScenarioTest")
                .assertClassCoverageAtLeast(MINIMUM)
                .build();
    }
}
