package dk.carepath.region;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Deploys the shipped models at start-up, each BPMN file as a deployment of its own with the forms it
 * names. One broken or stray file then costs only itself: it is refused (the engine's parse errors and
 * the engine's model conventions (engine.ModelConventions, a pre-deployer), with element ids), logged, and listed for the process owners by
 * {@link #refused()}, while every other model deploys and the refused model's last good version stays
 * in use. (Camunda's own auto-deployment puts every file into one deployment, so one bad file stopped
 * start-up for every region.) A model whose files did not change is not deployed again.
 */
@Component
class ModelDeployments extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployments.class);
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");

    /** a model refused at this start-up: its file, why (the engine's words), the elements concerned */
    record Refusal(String resource, String reason, List<String> elementIds) {
    }

    private final List<String> models;
    private final List<String> forms;
    private volatile List<Refusal> refused = List.of();

    ModelDeployments(@Value("${carepath.models.processes:classpath*:processes/*.bpmn}") List<String> models,
                     @Value("${carepath.models.forms:classpath*:forms/*.form}") List<String> forms) {
        this.models = List.copyOf(models);
        this.forms = List.copyOf(forms);
    }

    /** the models this start-up refused to deploy, in file order; empty when all deployed */
    List<Refusal> refused() {
        return refused;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        deploy(engine, models);
    }

    /** deploys the models at these locations as a start-up does; its refusals replace the last ones */
    void deploy(ProcessEngine engine, List<String> locations) {
        Map<String, Resource> formsById = new LinkedHashMap<>();
        for (Resource form : resources(forms)) {
            String id = formId(bytes(form));
            if (id == null) {
                log.warn("form {} has no id and cannot be named by a model", form.getFilename());
            } else {
                formsById.putIfAbsent(id, form);
            }
        }
        List<Refusal> refusals = new ArrayList<>();
        for (Resource model : resources(locations)) {
            String name = model.getFilename();
            byte[] xml = bytes(model);
            DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                    .name(name).source("carepath").enableDuplicateFiltering(false)
                    .addInputStream(name, new java.io.ByteArrayInputStream(xml));
            // a form the model names but nobody ships is left out: the conventions check names the task that needs it
            formsNamedBy(xml).stream().map(formsById::get).filter(Objects::nonNull).distinct().forEach(form ->
                    deployment.addInputStream(form.getFilename(), new java.io.ByteArrayInputStream(bytes(form))));
            try {
                deployment.deploy();
            } catch (ParseException e) {
                Refusal refusal = refusal(name, e);
                log.error("model {} NOT deployed, its last deployed version (if any) stays in use: {}", name, refusal.reason());
                refusals.add(refusal);
            }
        }
        refused = List.copyOf(refusals);
    }

    private static Refusal refusal(String name, ParseException e) {
        // (sic: Camunda spells it "Resorce")
        List<Problem> errors = e.getResorceReports().stream().flatMap(r -> r.getErrors().stream()).toList();
        if (errors.isEmpty()) {
            return new Refusal(name, e.getMessage(), List.of());
        }
        String reason = String.join("; ", errors.stream().map(p -> (named(p) ? p.getMainElementId() + ": " : "") + p.getMessage()).toList());
        return new Refusal(name, reason, errors.stream().filter(ModelDeployments::named).map(Problem::getMainElementId).distinct().toList());
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
