package dk.carepath.engine;

import dk.carepath.region.ModelChecker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose models break {@link ModelConventions}, before anything of it is
 * deployed: the engine answers with its own parse error, which the REST API (the Modeler's
 * "Deploy") returns as 400 with each finding's element id. Runs for every new deployment.
 */
@Component
class ModelConventionsPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelConventionsPlugin.class);
    private final ModelChecker checker;

    ModelConventionsPlugin(ModelChecker checker) {
        this.checker = checker;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new Check());
    }

    /** the pre-deployer: runs before the engine parses the models */
    private final class Check implements Deployer {

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return; // a deployment read back from the database was checked when it was made
            }
            Map<String, ResourceEntity> resources = deployment.getResources();
            if (resources == null) {
                return;
            }
            // by name: the engine keeps no order of a deployment's files, and a finding between two files names the later one
            Map<String, byte[]> files = new java.util.TreeMap<>();
            resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
            List<ModelChecker.Finding> findings = checker.check(deployment.getTenantId(), files);
            if (findings.isEmpty()) {
                return;
            }
            findings.forEach(f -> log.warn("deployment '{}' refused: {}", deployment.getName(), f));
            String resource = findings.get(0).resource();
            List<Problem> errors = findings.stream().filter(f -> f.resource().equals(resource)).map(f -> (Problem) new Finding(f)).toList();
            throw new ParseException("Carepath refuses the deployment '" + deployment.getName() + "' (" + findings.size()
                    + " finding(s)): " + findings, resource, errors, List.of());
        }
    }

    /** the "id" of a Camunda form */
    static String formId(byte[] json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(json, StandardCharsets.UTF_8)).path("id").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** a finding as the engine reports a parse problem: its message in both languages, the element id */
    private record Finding(ModelChecker.Finding finding) implements Problem {

        @Override
        public String getMessage() {
            return finding.english() + " / " + finding.danish();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return finding.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return List.of(finding.elementId());
        }
    }
}
