package dk.carepath.rules;

import java.util.Map;

/** The outputs of one evaluated decision, by output name. */
public record DecisionResult(String decisionId, Map<String, Object> outputs) {

    public DecisionResult {
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    public Object get(String output) {
        return outputs.get(output);
    }

    public String text(String output) {
        Object value = outputs.get(output);
        return value == null ? null : value.toString();
    }
}
