package dk.carepath.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Evaluates the DMN decision tables of {@code rules/} with the Drools (KIE) DMN runtime. The
 * runtime is compiled once from every {@code rules/*.dmn} on the classpath and cached: a build
 * costs a second or two, an evaluation well under a millisecond.
 *
 * <p>A decision is named by its DMN file name, which is also its model and decision id
 * ({@code rules/inclusion-eligibility.dmn} holds decision {@code inclusion-eligibility}).
 */
@Service
public class DroolsDecisions {

    private static final Logger log = LoggerFactory.getLogger(DroolsDecisions.class);

    private final DMNRuntime runtime;
    private final Map<String, DMNModel> models;
    /** "model/decision" -> the input data names the decision needs, directly or through other decisions */
    private final Map<String, List<String>> inputs = new java.util.concurrent.ConcurrentHashMap<>();

    public DroolsDecisions() {
        this(loadClasspathDecisions());
    }

    /** For tests and region packs: a runtime built from the given DMN files. */
    public DroolsDecisions(List<Resource> dmnResources) {
        this.runtime = DMNRuntimeBuilder.fromDefaults()
                .buildConfiguration()
                .fromResources(dmnResources)
                .getOrElseThrow(e -> new IllegalStateException("the DMN decisions do not compile: " + e.getMessage(), e));
        this.models = new LinkedHashMap<>();
        for (DMNModel model : runtime.getModels()) {
            if (model.hasErrors()) {
                throw new IllegalStateException("DMN model " + model.getName() + " has errors: " + describe(model.getMessages()));
            }
            models.put(model.getName(), model);
        }
        log.info("Drools DMN runtime ready with decisions {}", models.keySet());
    }

    public Set<String> decisionIds() {
        return models.keySet();
    }

    /** The input data names of a decision: what a caller must provide (null where unknown). */
    public Set<String> inputsOf(String decisionId) {
        return new java.util.LinkedHashSet<>(inputsOf(decisionId, decisionId));
    }

    /** The input data names one decision of a model needs, sorted: what a caller must provide, and all that decides the result. */
    public List<String> inputsOf(String modelId, String decisionId) {
        return inputs.computeIfAbsent(modelId + "/" + decisionId, key -> {
            DMNModel model = model(modelId);
            if (model.getDecisionById(decisionId) == null) {
                throw new DecisionEvaluationException(decisionId, "no such decision in model " + modelId);
            }
            return model.getRequiredInputsForDecisionId(decisionId).stream().map(InputDataNode::getName).sorted().toList();
        });
    }

    /**
     * Evaluates a decision. The outputs of a table with several output columns come back by column
     * name; a single output under the decision id.
     *
     * @throws DecisionEvaluationException when the inputs do not fit the model or a FEEL expression fails
     */
    public DecisionResult evaluate(String decisionId, Map<String, ?> inputs) {
        return evaluate(decisionId, decisionId, inputs);
    }

    /**
     * Evaluates one decision of a model with several (measurement-colour has one table per
     * measurement type); only that decision and what it requires are evaluated.
     */
    public DecisionResult evaluate(String modelId, String decisionId, Map<String, ?> inputs) {
        DMNModel model = model(modelId);
        DMNContext context = runtime.newContext();
        for (String input : inputsOf(modelId, decisionId)) {
            context.set(input, inputs.get(input));
        }
        DMNResult result = runtime.evaluateDecisionById(model, decisionId, context);
        DMNDecisionResult decision = result.getDecisionResultById(decisionId);
        if (result.hasErrors() || decision == null
                || decision.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED) {
            throw new DecisionEvaluationException(decisionId, describe(result.getMessages()));
        }
        Object value = decision.getResult();
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> outputs.put(String.valueOf(k), v));
        } else {
            outputs.put(decisionId, value);
        }
        return new DecisionResult(decisionId, outputs);
    }

    private DMNModel model(String decisionId) {
        DMNModel model = models.get(decisionId);
        if (model == null) {
            throw new DecisionEvaluationException(decisionId, "no such decision; known: " + models.keySet());
        }
        return model;
    }

    private static String describe(List<DMNMessage> messages) {
        return messages.stream().map(DMNMessage::getText).collect(Collectors.joining("; "));
    }

    private static List<Resource> loadClasspathDecisions() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(DroolsDecisions.class.getClassLoader());
            List<Resource> resources = new ArrayList<>();
            for (var file : resolver.getResources("classpath*:rules/*.dmn")) {
                byte[] bytes = file.getContentAsByteArray();
                Resource resource = ResourceFactory.newByteArrayResource(bytes);
                resource.setSourcePath("rules/" + file.getFilename());
                resources.add(resource);
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/*.dmn", e);
        }
    }
}
