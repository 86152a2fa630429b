package dk.carepath.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.kie.api.io.Resource;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The Drools decisions of a version of a process: the DMN files deployed with it (each region's
 * deployment carries its region's rules, region.ModelDeployments), so that a region's new rules touch
 * neither another region nor the pathways still running on the previous version. A decision file a
 * deployment lacks (a Modeler deployment of the BPMN alone, or of one changed DMN) is the one in force
 * in its tenant when it was deployed, else the shipped one of the classpath ({@link DroolsDecisions},
 * also what is asked where no process instance is at hand). Compiled once per set of files and cached
 * (a compile costs a second or two; a deployment never changes; a region's deployments share one).
 */
@Service
public class DeploymentDecisions {

    private static final Logger log = LoggerFactory.getLogger(DeploymentDecisions.class);

    private final DroolsDecisions shipped;
    private final RepositoryService repository;
    /** the source of Carepath's start-up deployments (region.ModelDeployments), which carry all of a region's DMN files */
    static final String STARTUP = "carepath";

    private final Map<String, byte[]> shippedFiles = classpathFiles();
    /** by deployment id: the digest of the DMN files in force for it */
    private final Map<String, String> rulesOf = new ConcurrentHashMap<>();
    /** by digest: the files, and their runtime compiled once (deployments of one region share their rules) */
    private final Map<String, Map<String, byte[]>> compiledFiles = new ConcurrentHashMap<>();
    private final Map<String, DroolsDecisions> compiled = new ConcurrentHashMap<>();
    private final Map<String, String> deploymentOfDefinition = new ConcurrentHashMap<>();

    private final IdentityService identity;

    /** (tests build one without an engine: it then answers with the shipped rules for a context without deployment) */
    public DeploymentDecisions(DroolsDecisions shipped, RepositoryService repository, IdentityService identity) {
        this.shipped = shipped;
        this.repository = repository;
        this.identity = identity;
    }

    /** the shipped rules of the classpath: for a question that no process version asks */
    public DroolsDecisions shipped() {
        return shipped;
    }

    /** the rules of the version of the process this definition belongs to */
    public DroolsDecisions ofDefinition(String processDefinitionId) {
        if (processDefinitionId == null) {
            return shipped;
        }
        return ofDeployment(deploymentOfDefinition.computeIfAbsent(processDefinitionId,
                id -> asCarepath(() -> repository.getProcessDefinition(id).getDeploymentId())));
    }

    /** the rules deployed with this deployment (null: the shipped rules) */
    public DroolsDecisions ofDeployment(String deploymentId) {
        if (deploymentId == null) {
            return shipped;
        }
        String key = rulesOf.computeIfAbsent(deploymentId, id -> asCarepath(() -> {
            Map<String, byte[]> files = rules(id);
            String digest = digest(files);
            compiledFiles.putIfAbsent(digest, files);
            return digest;
        }));
        return compiled.computeIfAbsent(key, k -> compile(compiledFiles.get(k)));
    }

    /**
     * The DMN files in force for a deployment, by file name: its own; for a decision file it lacks, the newest of
     * its tenant's deployments before it (back to the last start-up deployment, which carries all of the region's
     * files); for one still missing, the shipped file.
     */
    private Map<String, byte[]> rules(String deploymentId) {
        Map<String, byte[]> files = new TreeMap<>();
        addRules(deploymentId, files);
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        if (deployment != null && deployment.getTenantId() != null && !STARTUP.equals(deployment.getSource())) {
            for (Deployment earlier : repository.createDeploymentQuery().tenantIdIn(deployment.getTenantId())
                    .deploymentBefore(deployment.getDeploymentTime()).orderByDeploymentTime().desc().list()) {
                addRules(earlier.getId(), files);
                if (STARTUP.equals(earlier.getSource())) {
                    break;
                }
            }
        }
        shippedFiles.forEach(files::putIfAbsent);
        return files;
    }

    private void addRules(String deploymentId, Map<String, byte[]> files) {
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".dmn") && !files.containsKey(name)) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    files.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new DecisionEvaluationException(name, "cannot read it from deployment " + deploymentId + ": " + e.getMessage());
                }
            }
        }
    }

    private DroolsDecisions compile(Map<String, byte[]> files) {
        if (files.equals(shippedFiles) || files.keySet().equals(shippedFiles.keySet())
                && files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), shippedFiles.get(e.getKey())))) {
            return shipped;
        }
        List<Resource> dmn = new ArrayList<>();
        files.forEach((name, bytes) -> {
            Resource resource = ResourceFactory.newByteArrayResource(bytes);
            resource.setSourcePath("rules/" + name);
            dmn.add(resource);
        });
        long start = System.nanoTime();
        DroolsDecisions decisions = new DroolsDecisions(dmn);
        log.info("Drools decisions {} compiled in {} ms", files.keySet(), (System.nanoTime() - start) / 1_000_000);
        return decisions;
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> classpathFiles() {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (var file : new PathMatchingResourcePatternResolver(DeploymentDecisions.class.getClassLoader()).getResources("classpath*:rules/*.dmn")) {
                files.putIfAbsent(file.getFilename(), file.getContentAsByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/*.dmn", e);
        }
        return files;
    }

    /**
     * Reads the rules as Carepath, not as the user whose task completion runs the decision (Tasklist's
     * REST call is authenticated; a nurse has no right to read deployments, and needs none to be decided for).
     */
    private <T> T asCarepath(java.util.function.Supplier<T> read) {
        return dk.carepath.engine.AsCarepath.read(identity, read);
    }

    /** the deployment whose DMN files are in force for this one, or "" for the shipped rules */
    private String rulesSource(String deploymentId) {
        if (hasRules(deploymentId)) {
            return deploymentId;
        }
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        if (deployment == null || deployment.getTenantId() == null) {
            return "";
        }
        for (Deployment earlier : repository.createDeploymentQuery().tenantIdIn(deployment.getTenantId())
                .deploymentBefore(deployment.getDeploymentTime()).orderByDeploymentTime().desc().list()) {
            if (hasRules(earlier.getId())) {
                return earlier.getId();
            }
        }
        return "";
    }

    private boolean hasRules(String deploymentId) {
        return repository.getDeploymentResourceNames(deploymentId).stream().anyMatch(name -> name.endsWith(".dmn"));
    }

    private DroolsDecisions compile(String deploymentId) {
        List<Resource> dmn = new ArrayList<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (!name.endsWith(".dmn")) {
                continue;
            }
            try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                Resource resource = ResourceFactory.newByteArrayResource(in.readAllBytes());
                resource.setSourcePath("rules/" + name);
                dmn.add(resource);
            } catch (IOException e) {
                throw new DecisionEvaluationException(name, "cannot read it from deployment " + deploymentId + ": " + e.getMessage());
            }
        }
        long start = System.nanoTime();
        DroolsDecisions decisions = new DroolsDecisions(dmn);
        log.info("Drools decisions of deployment {} compiled in {} ms", deploymentId, (System.nanoTime() - start) / 1_000_000);
        return decisions;
    }
}
