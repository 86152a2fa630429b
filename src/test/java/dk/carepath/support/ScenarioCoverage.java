package dk.carepath.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process-test-coverage for the scenario tests (classes named *ScenarioTest): the report goes to
 * target/process-test-coverage, and a scenario class that covers less than {@value #MINIMUM} of its
 * process's flow nodes and sequence flows fails.
 *
 * <p>Each scenario class names the process(es) it tests with {@link Measures}, and is measured
 * against those only: a call scenario also drives a pathway to titration and starts fault
 * processes, and the library would otherwise count every process the class touched into one
 * figure, so that no class could reach the gate once processes work together. {@link Measured}
 * excludes every other deployed process from the class's coverage before the class runs.
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

    /** The processes a scenario class tests: its coverage is measured against them and no others. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Measures {
        /** process definition keys */
        String[] value();
    }

    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
        ProcessEngineCoverageProperties built = ProcessEngineCoverageProperties.Companion.builder()
                .addInclusionPatternForTestClasses("*ScenarioTest")
                .assertClassCoverageAtLeast(MINIMUM)
                .build();
        // the same properties with an excluded-keys list that Measured fills in for each scenario class
        return new ProcessEngineCoverageProperties(built.getDetailedCoverageLogging(), built.getHandleTestMethodCoverage(),
                new ArrayList<>(), built.getClassCoverageAssertionConditions(), built.getTestMethodCoverageConditions(),
                built.getInclusionPatternsForTestClasses(), built.getReportDirectory());
    }

    /**
     * Before a scenario class: every deployed process it does not name in {@link Measures} is
     * excluded from its coverage. Runs before the coverage listener (which is last), which reads
     * the excluded keys when the class starts.
     */
    public static class Measured implements TestExecutionListener, Ordered {

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE - 1;
        }

        @Override
        public void beforeTestClass(TestContext context) {
            Class<?> test = context.getTestClass();
            if (!test.getSimpleName().endsWith("ScenarioTest")) {
                return;
            }
            Measures measures = AnnotationUtils.findAnnotation(test, Measures.class);
            if (measures == null) {
                throw new IllegalStateException(test.getSimpleName() + " must name the processes it tests: @ScenarioCoverage.Measures");
            }
            Set<String> measured = Set.of(measures.value());
            List<String> excluded = context.getApplicationContext().getBean(ProcessEngineCoverageProperties.class)
                    .getExcludedProcessDefinitionKeys();
            excluded.clear();
            context.getApplicationContext().getBean(RepositoryService.class).createProcessDefinitionQuery().latestVersion().list()
                    .stream().map(ProcessDefinition::getKey).filter(key -> !measured.contains(key)).distinct()
                    .forEach(excluded::add);
        }
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
