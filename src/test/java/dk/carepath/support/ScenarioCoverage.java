package dk.carepath.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process-test-coverage for the scenario tests (classes named *ScenarioTest): the report goes to
 * target/process-test-coverage, and a scenario class that covers less than {@value #MINIMUM} of its
 * process's flow nodes and sequence flows fails.
 *
 * <p>All Spring tests share one engine, but only scenario classes are measured. Outside a scenario
 * class the coverage listener has no collector and would fail every process step, so the engine
 * starts with a collector that ignores events, and {@link Untracked} restores it after each class.
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
                untracked(configuration);
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

    static void untracked(ProcessEngineConfigurationImpl configuration) {
        configuration.getCustomPostBPMNParseListeners().stream()
                .filter(ElementCoverageParseListener.class::isInstance)
                .forEach(listener -> ((ElementCoverageParseListener) listener).setCoverageState(event -> {
                }));
    }

    /** After every test class: back to ignoring coverage events until the next scenario class. */
    public static class Untracked implements TestExecutionListener {
        @Override
        public void afterTestClass(TestContext context) {
            ProcessEngine engine = context.getApplicationContext().getBean(ProcessEngine.class);
            untracked((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
        }
    }
}
