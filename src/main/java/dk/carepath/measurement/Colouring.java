package dk.carepath.measurement;

import dk.carepath.pathway.ColouringContext;
import dk.carepath.pathway.Thresholds;
import dk.carepath.rules.DecisionResult;
import dk.carepath.rules.DroolsDecisions;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Colours a measurement with the Drools decision {@code rules/measurement-colour.dmn}, one table per
 * measurement type, against the citizen's current thresholds. A failing rule does not lose the
 * measurement: it is stored uncoloured and coloured again by the escalation retry.
 */
@Component
class Colouring {

    private static final Logger log = LoggerFactory.getLogger(Colouring.class);
    static final String MODEL = "measurement-colour";

    private final DroolsDecisions decisions;

    Colouring(DroolsDecisions decisions) {
        this.decisions = decisions;
    }

    ColourResult colour(MeasurementInput m, ColouringContext context) {
        try {
            DecisionResult result = decisions.evaluate(MODEL, decision(m), inputs(m, context));
            return new ColourResult(Colour.valueOf(result.text("colour")), result.text("reason"), result.text("threshold"),
                    context.thresholdSetId());
        } catch (RuntimeException e) {
            log.error("colouring measurement {}/{} failed; stored uncoloured for a retry: {}", m.source(), m.senderId(), e.getMessage());
            return ColourResult.failed();
        }
    }

    static String decision(MeasurementInput m) {
        return switch (m.type()) {
            case PULSE -> "pulse-colour";
            case WEIGHT -> "weight-colour";
            case BLOOD_PRESSURE -> "blood-pressure-colour";
            case STEPS -> "steps-colour";
            case PRO_QUESTIONNAIRE -> "pro-colour";
        };
    }

    private static Map<String, Object> inputs(MeasurementInput m, ColouringContext context) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("value", m.value());
        inputs.put("value2", m.value2());
        inputs.put("symptoms", m.symptomText());
        inputs.put("referenceWeight", context.referenceWeightKg());
        Thresholds t = context.thresholds();
        inputs.put("pulseRedHigh", t.pulseRedHigh());
        inputs.put("pulseYellowHigh", t.pulseYellowHigh());
        inputs.put("pulseYellowLow", t.pulseYellowLow());
        inputs.put("pulseRedLow", t.pulseRedLow());
        inputs.put("weightRedHigh", t.weightRedHigh());
        inputs.put("weightYellowHigh", t.weightYellowHigh());
        inputs.put("weightYellowLow", t.weightYellowLow());
        inputs.put("weightRedLow", t.weightRedLow());
        inputs.put("systolicRedHigh", t.systolicRedHigh());
        inputs.put("systolicYellowHigh", t.systolicYellowHigh());
        inputs.put("systolicYellowLow", t.systolicYellowLow());
        inputs.put("systolicRedLow", t.systolicRedLow());
        inputs.put("diastolicRedHigh", t.diastolicRedHigh());
        inputs.put("diastolicYellowHigh", t.diastolicYellowHigh());
        inputs.put("diastolicYellowLow", t.diastolicYellowLow());
        inputs.put("diastolicRedLow", t.diastolicRedLow());
        return inputs;
    }
}
