package dk.carepath.measurement;

import dk.carepath.pathway.ColouringContext;
import dk.carepath.rules.DecisionResult;
import dk.carepath.rules.DeploymentDecisions;
import dk.carepath.rules.DroolsDecisions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Colours a measurement with the Drools decision {@code rules/measurement-colour.dmn}, one table per
 * measurement type, against the citizen's current thresholds: the decision deployed with the pathway's
 * current process version (its region's rules, {@code rules.DeploymentDecisions}; the shipped ones for a
 * measurement of a citizen without a running pathway process). A failing rule does not lose the
 * measurement: it is stored uncoloured and coloured again by the escalation retry.
 */
@Component
class Colouring {

    private static final Logger log = LoggerFactory.getLogger(Colouring.class);
    static final String MODEL = "measurement-colour";

    /** How many decided colours are remembered; beyond that the memory starts afresh. */
    static final int MEMORY = 100_000;

    private final DeploymentDecisions deployed;
    /**
     * Colours Drools has decided, by decision and the values of exactly the inputs that decision reads.
     * A decision table is a pure function of its inputs, and most citizens share the default
     * thresholds, so a morning's measurements repeat the same few thousand questions. By deployment: a
     * deployment's rules never change.
     */
    private final Map<List<Object>, ColourResult> decided = new ConcurrentHashMap<>();

    Colouring(DeploymentDecisions deployed) {
        this.deployed = deployed;
    }

    ColourResult colour(MeasurementInput m, ColouringContext context) {
        try {
            String decision = decision(m);
            Map<String, Object> inputs = inputs(m, context);
            DroolsDecisions decisions = deployed.ofDeployment(context.deploymentId());
            List<Object> key = new ArrayList<>();
            key.add(context.deploymentId());
            key.add(decision);
            decisions.inputsOf(MODEL, decision).forEach(name -> key.add(inputs.get(name)));
            ColourResult known = decided.get(key);
            if (known == null) {
                DecisionResult result = decisions.evaluate(MODEL, decision, inputs);
                known = new ColourResult(Colour.valueOf(result.text("colour")), result.text("reason"), result.text("threshold"), null);
                if (decided.size() >= MEMORY) {
                    decided.clear();
                }
                decided.put(key, known);
            }
            return new ColourResult(known.colour(), known.reason(), known.threshold(), context.thresholdSetId());
        } catch (RuntimeException e) {
            log.error("colouring measurement {}/{} failed; stored uncoloured for a retry: {}", m.source(), m.senderId(), e.getMessage());
            return ColourResult.failed();
        }
    }

    static String decision(MeasurementInput m) {
        return m.type().decision();
    }

    private static Map<String, Object> inputs(MeasurementInput m, ColouringContext context) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("value", m.type().coloured(m.value(), m.unit()));
        inputs.put("value2", m.value2());
        inputs.put("symptoms", m.symptomText());
        inputs.put("referenceWeight", context.referenceWeightKg());
        // every threshold of every type, null where not set: a table reads those of its own type
        if (context.thresholds() == null) {
            // never coloured against no thresholds at all (every comparison with null fails, and the table would say green)
            throw new IllegalStateException("the pathway has no thresholds yet");
        }
        inputs.putAll(context.thresholds().all());
        return inputs;
    }
}
