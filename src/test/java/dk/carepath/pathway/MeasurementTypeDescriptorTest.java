package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.rules.DecisionResult;
import dk.carepath.rules.DroolsDecisions;
import java.io.File;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each measurement type's descriptor agrees with the models that are not Java: the colour DMN has
 * its decision, reads only thresholds that exist and answers CHECK exactly outside the plausible
 * range the descriptor declares; the plan and start-up forms have its fields; the plan form's
 * listener fills them. A type declared but not wired into these fails here.
 */
class MeasurementTypeDescriptorTest {

    static DroolsDecisions decisions;

    @BeforeAll
    static void compile() {
        decisions = new DroolsDecisions();
    }

    static Set<String> formKeys(String form) throws Exception {
        Set<String> keys = new HashSet<>();
        new ObjectMapper().readTree(new File("forms/" + form)).findValues("key").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void theColourTableHasTheTypesDecisionAndReadsOnlyKnownInputs(MeasurementType type) {
        assertThat(decisions.decisionIds()).contains("measurement-colour");
        // (inputsOf refuses a decision the model does not have)
        Set<String> known = new HashSet<>(Thresholds.DEFAULT.all().keySet());
        known.addAll(List.of("value", "value2", "symptoms", "referenceWeight"));
        assertThat(decisions.inputsOf("measurement-colour", type.decision())).isSubsetOf(known);
        for (Quantity q : type.thresholded()) {
            // every threshold of the type is read by its table: a threshold nobody reads would colour nothing
            for (Band band : Band.values()) {
                assertThat(decisions.inputsOf("measurement-colour", type.decision())).contains(q.threshold(band));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void theTableAnswersCheckExactlyOutsideThePlausibleRange(MeasurementType type) {
        List<Quantity> quantities = type.quantities();
        for (int i = 0; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            if (q.plausible().equals(q.possible())) {
                continue; // nothing possible is implausible
            }
            BigDecimal step = BigDecimal.ONE.movePointLeft(q.shown());
            assertThat(colour(type, i, q.plausible().min())).as(q.name() + " at its plausible minimum").isNotEqualTo("CHECK");
            assertThat(colour(type, i, q.plausible().max())).as(q.name() + " at its plausible maximum").isNotEqualTo("CHECK");
            // (where the plausible range ends with the possible one, a value beyond it is refused, never coloured)
            if (q.plausible().min().compareTo(q.possible().min()) > 0 || relative(q)) {
                assertThat(colour(type, i, q.plausible().min().subtract(step))).as(q.name() + " below plausible").isEqualTo("CHECK");
            }
            if (q.plausible().max().compareTo(q.possible().max()) < 0 || relative(q)) {
                assertThat(colour(type, i, q.plausible().max().add(step))).as(q.name() + " above plausible").isEqualTo("CHECK");
            }
        }
    }

    private static boolean relative(Quantity q) {
        return q.hasThresholds() && q.thresholds().relativeToReference();
    }

    /** the colour of a measurement whose i-th value is v and whose others are typical, against default and typical thresholds */
    private static String colour(MeasurementType type, int i, BigDecimal v) {
        Map<String, Object> inputs = new HashMap<>(withBloodPressure().all());
        BigDecimal reference = new BigDecimal("80.0");
        inputs.put("referenceWeight", reference);
        BigDecimal[] values = type.quantities().stream().map(Quantity::typical).toArray(BigDecimal[]::new);
        boolean relative = type.quantities().get(i).hasThresholds() && type.quantities().get(i).thresholds().relativeToReference();
        values[i] = relative ? reference.add(v) : v;
        inputs.put("value", values[0]);
        inputs.put("value2", values.length > 1 ? values[1] : null);
        inputs.put("symptoms", "");
        DecisionResult result = decisions.evaluate("measurement-colour", type.decision(), inputs);
        return result.text("colour");
    }

    static Thresholds withBloodPressure() {
        return Thresholds.DEFAULT.with(MeasurementType.BLOOD_PRESSURE.quantities().get(0), decimals(90, 100, 140, 160))
                .with(MeasurementType.BLOOD_PRESSURE.quantities().get(1), decimals(50, 60, 90, 100));
    }

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void thePlanAndStartUpFormsHaveTheTypesFieldsAndThePlanListenerFillsThem(MeasurementType type) throws Exception {
        Set<String> plan = formKeys("set-monitoring-plan.form");
        Set<String> startup = formKeys("conclude-startup.form");
        assertThat(plan).contains(type.planField());
        Map<String, Object> defaults = MonitoringPlanForm.defaults();
        assertThat(defaults).containsKey(type.planField());
        for (Quantity q : type.thresholded()) {
            for (Band band : Band.values()) {
                assertThat(plan).contains(q.threshold(band));
                assertThat(startup).contains(q.threshold(band));
                assertThat(defaults).containsKey(q.threshold(band));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void theDescriptorIsConsistent(MeasurementType type) {
        for (Quantity q : type.quantities()) {
            assertThat(q.possible().contains(q.typical())).as(q.name() + " typical is possible").isTrue();
            assertThat(q.plausible().contains(q.typical()) || q.hasThresholds() && q.thresholds().relativeToReference())
                    .as(q.name() + " typical is plausible").isTrue();
            if (q.hasThresholds() && q.thresholds().defaults() != null) {
                assertThat(Thresholds.problems(q, q.thresholds().defaults())).as(q.name() + " defaults").isEmpty();
            }
        }
        assertThat(type.display(type.primary().typical(), type.quantities().size() > 1 ? type.quantities().get(1).typical() : null))
                .doesNotContain("?", "–");
        assertThat(MeasurementType.allQuantities().map(Quantity::name).distinct().count())
                .as("quantity names are unique: they name thresholds").isEqualTo(MeasurementType.allQuantities().count());
    }

    private static List<BigDecimal> decimals(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }


    @ParameterizedTest
    @EnumSource(MeasurementType.class)
    void theTypesFhirCodesNameItAloneAndCarryItsUnits(MeasurementType type) {
        assertThat(type.fhirCodes()).as("a type is sent as FHIR under at least one code").isNotEmpty();
        Map<String, String> owner = new HashMap<>();
        for (MeasurementType t : MeasurementType.values()) {
            t.fhirCodes().forEach(c -> owner.merge(c.system() + "|" + c.code(), t.name(), (a, b) -> a + "," + b));
            t.quantities().forEach(q -> q.fhirCodes().forEach(c -> owner.merge(c.system() + "|" + c.code(), t.name() + "." + q.name(),
                    (a, b) -> a + "," + b)));
        }
        for (FhirCode code : type.fhirCodes()) {
            assertThat(owner.get(code.system() + "|" + code.code())).as("one code names one thing").isEqualTo(type.name());
            if (!type.unitOptional() && !type.primary().units().isEmpty()) {
                assertThat(type.fhirUnits(code)).as(code + " comes with a unit").isNotEmpty();
            }
        }
        if (type.quantities().size() > 1) {
            for (Quantity q : type.quantities()) {
                assertThat(q.fhirCodes()).as("each value of a type with several is a coded component").isNotEmpty();
                q.fhirCodes().forEach(c -> assertThat(owner.get(c.system() + "|" + c.code())).isEqualTo(type.name() + "." + q.name()));
            }
        }
    }
}
