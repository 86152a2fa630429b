package dk.carepath.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the five tables of rules/measurement-colour.dmn, evaluated by Drools, and every boundary: a value at a
 * threshold takes that threshold's colour, one step inside it the milder colour. The thresholds
 * are the guideline's defaults [002 Skema 1] plus individual blood-pressure thresholds.
 */
class MeasurementColourRulesTest {

    static DroolsDecisions decisions;

    @BeforeAll
    static void compile() {
        decisions = new DroolsDecisions();
    }

    static Map<String, Object> thresholds() {
        Map<String, Object> t = new HashMap<>();
        t.put("pulseRedHigh", 100);
        t.put("pulseYellowHigh", 90);
        t.put("pulseYellowLow", 45);
        t.put("pulseRedLow", 40);
        t.put("weightRedHigh", 3.0);
        t.put("weightYellowHigh", 2.0);
        t.put("weightYellowLow", -2.0);
        t.put("weightRedLow", -3.0);
        t.put("systolicRedHigh", 160);
        t.put("systolicYellowHigh", 140);
        t.put("systolicYellowLow", 100);
        t.put("systolicRedLow", 90);
        t.put("diastolicRedHigh", 100);
        t.put("diastolicYellowHigh", 90);
        t.put("diastolicYellowLow", 60);
        t.put("diastolicRedLow", 50);
        return t;
    }

    static DecisionResult colour(String type, Number value, Number value2, Map<String, Object> more) {
        Map<String, Object> inputs = thresholds();
        inputs.put("type", type);
        inputs.put("value", value);
        inputs.put("value2", value2);
        inputs.put("referenceWeight", 80.0);
        inputs.putAll(more);
        String decision = switch (type) {
            case "PULSE" -> "pulse-colour";
            case "WEIGHT" -> "weight-colour";
            case "BLOOD_PRESSURE" -> "blood-pressure-colour";
            case "STEPS" -> "steps-colour";
            default -> "pro-colour";
        };
        return decisions.evaluate("measurement-colour", decision, inputs);
    }

    static String colourOf(String type, Number value) {
        return colour(type, value, null, Map.of()).text("colour");
    }

    @ParameterizedTest(name = "pulse {0} -> {1} ({2})")
    @CsvSource({
            "29, CHECK, plausibility", "30, RED, pulseRedLow",
            "40, RED, pulseRedLow", "41, YELLOW, pulseYellowLow",
            "45, YELLOW, pulseYellowLow", "46, GREEN, none",
            "89, GREEN, none", "90, YELLOW, pulseYellowHigh",
            "99, YELLOW, pulseYellowHigh", "100, RED, pulseRedHigh",
            "220, RED, pulseRedHigh", "221, CHECK, plausibility"})
    void pulseColoursAtEveryBoundary(int pulse, String expected, String threshold) {
        DecisionResult result = colour("PULSE", pulse, null, Map.of());
        assertThat(result.text("colour")).isEqualTo(expected);
        assertThat(result.text("threshold")).isEqualTo(threshold);
    }

    @ParameterizedTest(name = "weight {0} kg (reference 80) -> {1}")
    @CsvSource({
            "64.9, CHECK", "65.0, RED", "77.0, RED", "77.1, YELLOW", "78.0, YELLOW", "78.1, GREEN",
            "80.0, GREEN", "81.9, GREEN", "82.0, YELLOW", "82.9, YELLOW", "83.0, RED", "95.0, RED", "95.1, CHECK"})
    void weightColoursRelativeToReferenceWeightAtEveryBoundary(double weight, String expected) {
        assertThat(colourOf("WEIGHT", weight)).isEqualTo(expected);
    }

    @Test
    void weightWithoutReferenceWeightNeedsAPerson() {
        Map<String, Object> noReference = new HashMap<>();
        noReference.put("referenceWeight", null);
        DecisionResult result = colour("WEIGHT", 80.0, null, noReference);
        assertThat(result.text("colour")).isEqualTo("CHECK");
        assertThat(result.text("threshold")).isEqualTo("referenceWeight");
    }

    @Test
    void individualWeightThresholdsApply() {
        DecisionResult result = colour("WEIGHT", 81.5, null, Map.of("weightYellowHigh", 1.5, "weightRedHigh", 2.5));
        assertThat(result.text("colour")).isEqualTo("YELLOW");
    }

    @ParameterizedTest(name = "blood pressure {0}/{1} -> {2} ({3})")
    @CsvSource({
            "69, 70, CHECK, plausibility", "251, 70, CHECK, plausibility", "120, 34, CHECK, plausibility", "120, 151, CHECK, plausibility",
            "160, 70, RED, systolicRedHigh", "90, 70, RED, systolicRedLow", "120, 100, RED, diastolicRedHigh", "120, 50, RED, diastolicRedLow",
            "159, 70, YELLOW, systolicYellowHigh", "140, 70, YELLOW, systolicYellowHigh", "91, 70, YELLOW, systolicYellowLow",
            "100, 70, YELLOW, systolicYellowLow", "120, 99, YELLOW, diastolicYellowHigh", "120, 90, YELLOW, diastolicYellowHigh",
            "120, 60, YELLOW, diastolicYellowLow", "120, 51, YELLOW, diastolicYellowLow",
            "139, 89, GREEN, none", "101, 61, GREEN, none"})
    void bloodPressureColoursByTheWorseOfBothPressures(int systolic, int diastolic, String expected, String threshold) {
        DecisionResult result = colour("BLOOD_PRESSURE", systolic, diastolic, Map.of());
        assertThat(result.text("colour")).isEqualTo(expected);
        assertThat(result.text("threshold")).isEqualTo(threshold);
    }

    @Test
    void bloodPressureWithoutIndividualThresholdsIsNotColoured() {
        Map<String, Object> none = new HashMap<>();
        for (String k : new String[] {"systolicRedHigh", "systolicYellowHigh", "systolicYellowLow", "systolicRedLow",
                "diastolicRedHigh", "diastolicYellowHigh", "diastolicYellowLow", "diastolicRedLow"}) {
            none.put(k, null);
        }
        assertThat(colour("BLOOD_PRESSURE", 190, 110, none).text("colour")).isEqualTo("UNCOLOURED");
        assertThat(colour("BLOOD_PRESSURE", 260, 110, none).text("colour")).as("implausible still needs a person").isEqualTo("CHECK");
    }

    @ParameterizedTest(name = "steps {0} -> {1}")
    @CsvSource({"0, UNCOLOURED", "50000, UNCOLOURED", "50001, CHECK"})
    void stepsAreNotColouredButImplausibleCountsAreChecked(int steps, String expected) {
        assertThat(colourOf("STEPS", steps)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NYHA {0} with symptoms [{1}] -> {2}")
    @CsvSource({
            "1, '', GREEN", "2, '', GREEN", "3, '', YELLOW", "4, '', RED",
            "2, MORE_BREATHLESS, YELLOW", "1, SWOLLEN_LEGS, YELLOW", "2, MORE_TIRED, YELLOW", "2, WEIGHT_GAIN, YELLOW",
            "2, CHEST_PAIN, RED", "1, FAINTING, RED", "2, 'MORE_TIRED,BREATHLESS_AT_REST', RED", "3, SWOLLEN_LEGS, YELLOW"})
    void proAnswersColourByNyhaClassAndSymptoms(int nyha, String symptoms, String expected) {
        assertThat(colour("PRO_QUESTIONNAIRE", nyha, null, Map.of("symptoms", symptoms)).text("colour")).isEqualTo(expected);
    }

    @Test
    void everyColourHasADanishReason() {
        assertThat(colour("PULSE", 120, null, Map.of()).text("reason")).isEqualTo("Puls ved eller over rød øvre grænse");
        assertThat(colour("WEIGHT", 82.5, null, Map.of()).text("reason")).isEqualTo("Vægtstigning ved eller over gul grænse");
    }
}
