package dk.carepath.region;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the shipped models at start-up, for every region pack under the region's own Camunda tenant
 * (tenant id = region id): the shared models of {@code processes/}, {@code rules/*.dmn} and
 * {@code forms/}, where the pack has a file of the same name ({@code regions/<id>/processes/*.bpmn},
 * {@code regions/<id>/rules/*.dmn}, {@code regions/<id>/forms/*.form}) the pack's instead, plus the
 * pack's own models. A region's new version thus touches no other region's pathways, and a referral
 * starts its own region's definition (docs/regions.md).
 *
 * <p>Each BPMN file is a deployment of its own per region, with the forms it names and the region's
 * DMN files: a version of a process carries the rules it is evaluated with ({@code rules.DeploymentDecisions};
 * Camunda's own DMN engine is off, the files are Drools'). One broken or stray file then costs only
 * itself in that region: it is refused (the engine's parse errors and the model check of the
 * engine's pre-deployer, {@link ModelChecker}, with element ids), logged, and listed for the process
 * owners by {@link #refused()}, while every other model deploys and the refused model's last good
 * version stays in use. (Camunda's own auto-deployment puts every file into one deployment, so one
 * bad file stopped start-up for every region.) A model whose files did not change is not deployed
 * again (Camunda's duplicate filtering, by deployment name and tenant).
 */
@Component
class ModelDeployments extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployments.class);
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");
    static final String SOURCE = "carepath";

    /** a model refused at this start-up: the region, its file, why (the engine's words), the elements concerned */
    record Refusal(String region, String resource, String reason, List<String> elementIds) {
    }

    private final List<String> models;
    private final List<String> forms;
    private final List<String> rules;
    private final String packs;
    private volatile List<Refusal> refused = List.of();

    ModelDeployments(@Value("${carepath.models.processes:classpath*:processes/*.bpmn}") List<String> models,
                     @Value("${carepath.models.forms:classpath*:forms/*.form}") List<String> forms,
                     @Value("${carepath.models.rules:classpath*:rules/*.dmn}") List<String> rules,
                     @Value("${carepath.models.packs:" + Regions.PACKS + "}") String packs) {
        this.models = List.copyOf(models);
        this.forms = List.copyOf(forms);
        this.rules = List.copyOf(rules);
        this.packs = packs;
    }

    /** the models this start-up refused to deploy, by region and file; empty when all deployed */
    List<Refusal> refused() {
        return refused;
    }

    /** the models this start-up refused to deploy for one region */
    List<Refusal> refused(String region) {
        return refused.stream().filter(r -> r.region().equals(region)).toList();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        deploy(engine, models);
    }

    /** the region packs' folders (regions/<folder>/region.yaml), by region id (the folder in capitals) */
    static Map<String, String> packFolders(String packs) {
        Map<String, String> folders = new TreeMap<>();
        for (Resource pack : resources(List.of(packs))) {
            try {
                String path = pack.getURL().toString();
                String folder = path.substring(0, path.lastIndexOf('/'));
                folder = folder.substring(folder.lastIndexOf('/') + 1);
                folders.putIfAbsent(folder.toUpperCase(Locale.ROOT), folder);
            } catch (IOException e) {
                throw new IllegalStateException("cannot locate the region pack " + pack.getDescription(), e);
            }
        }
        return folders;
    }

    /**
     * Deploys the models at these locations (and each pack's own) for every region as a start-up does;
     * its refusals replace the last ones.
     */
    void deploy(ProcessEngine engine, List<String> locations) {
        deploy(engine, locations, packs);
    }

    /**
     * @param packs where the region packs are, as {@code <base>/*}{@code /region.yaml}: a pack's own models are in its
     *              folder's processes/, rules/ and forms/
     */
    void deploy(ProcessEngine engine, List<String> locations, String packs) {
        if (!packs.endsWith("*/region.yaml")) {
            throw new IllegalArgumentException("region packs are found as <folder>/*/region.yaml, not " + packs);
        }
        String base = packs.substring(0, packs.length() - "*/region.yaml".length());
        List<Refusal> refusals = new ArrayList<>();
        Map<String, Resource> sharedModels = byName(resources(locations));
        Map<String, Resource> sharedForms = byName(resources(forms));
        Map<String, Resource> sharedRules = byName(resources(rules));
        packFolders(packs).forEach((region, folder) -> {
            String pack = base + folder + "/";
            Map<String, Resource> regionModels = overlay(sharedModels, resources(List.of(pack + "processes/*.bpmn")));
            Map<String, Resource> regionForms = formsById(overlay(sharedForms, resources(List.of(pack + "forms/*.form"))));
            Map<String, byte[]> regionRules = new LinkedHashMap<>();
            overlay(sharedRules, resources(List.of(pack + "rules/*.dmn"))).forEach((name, r) -> regionRules.put(name, bytes(r)));
            for (var model : regionModels.entrySet()) {
                deploy(engine, region, model.getKey(), bytes(model.getValue()), regionForms, regionRules).ifPresent(refusals::add);
            }
        });
        refused = List.copyOf(refusals);
    }

    private java.util.Optional<Refusal> deploy(ProcessEngine engine, String region, String name, byte[] xml,
                                               Map<String, Resource> formsById, Map<String, byte[]> dmn) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(name).tenantId(region).source(SOURCE).enableDuplicateFiltering(false)
                .addInputStream(name, new ByteArrayInputStream(xml));
        // a form the model names but nobody ships is left out: the model check names the task that needs it
        formsNamedBy(xml).stream().map(formsById::get).filter(Objects::nonNull).distinct().forEach(form ->
                deployment.addInputStream(form.getFilename(), new ByteArrayInputStream(bytes(form))));
        dmn.forEach((file, bytes) -> deployment.addInputStream(file, new ByteArrayInputStream(bytes)));
        try {
            deployment.deploy();
            return java.util.Optional.empty();
        } catch (ParseException e) {
            Refusal refusal = refusal(region, name, e);
            log.error("model {} NOT deployed for region {}, its last deployed version (if any) stays in use: {}", name, region,
                    refusal.reason());
            return java.util.Optional.of(refusal);
        }
    }

    /** the shared files by file name, a pack's files of the same name in their place, and the pack's own added */
    private static Map<String, Resource> overlay(Map<String, Resource> shared, List<Resource> pack) {
        Map<String, Resource> files = new TreeMap<>(shared);
        pack.forEach(file -> files.put(file.getFilename(), file));
        return files;
    }

    private static Map<String, Resource> byName(List<Resource> files) {
        Map<String, Resource> byName = new TreeMap<>();
        files.forEach(file -> byName.putIfAbsent(file.getFilename(), file));
        return byName;
    }

    private static Map<String, Resource> formsById(Map<String, Resource> files) {
        Map<String, Resource> byId = new LinkedHashMap<>();
        files.values().forEach(form -> {
            String id = formId(bytes(form));
            if (id == null) {
                log.warn("form {} has no id and cannot be named by a model", form.getFilename());
            } else {
                byId.putIfAbsent(id, form);
            }
        });
        return byId;
    }

    private static Refusal refusal(String region, String name, ParseException e) {
        // (sic: Camunda spells it "Resorce")
        List<Problem> errors = e.getResorceReports().stream().flatMap(r -> r.getErrors().stream()).toList();
        if (errors.isEmpty()) {
            return new Refusal(region, name, e.getMessage(), List.of());
        }
        String reason = String.join("; ", errors.stream().map(p -> (named(p) ? p.getMainElementId() + ": " : "") + p.getMessage()).toList());
        return new Refusal(region, name, reason, errors.stream().filter(ModelDeployments::named).map(Problem::getMainElementId).distinct().toList());
    }

    /** the "id" of a Camunda form, which a model's camunda:formRef names */
    private static String formId(byte[] json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean named(Problem problem) {
        return problem.getMainElementId() != null && !problem.getMainElementId().isBlank();
    }

    static List<String> formsNamedBy(byte[] xml) {
        Matcher matcher = FORM_REF.matcher(new String(xml, StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static List<Resource> resources(List<String> patterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> found = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                found.addAll(Arrays.asList(resolver.getResources(pattern.trim())));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list the models at " + pattern, e);
            }
        }
        return found.stream().filter(Resource::exists).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }

    private static byte[] bytes(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource.getDescription(), e);
        }
    }
}
