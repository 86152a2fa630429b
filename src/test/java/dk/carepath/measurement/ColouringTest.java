package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.pathway.ColouringContext;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Phase;
import dk.carepath.pathway.Thresholds;
import dk.carepath.rules.DecisionResult;
import dk.carepath.rules.DeploymentDecisions;
import dk.carepath.rules.DroolsDecisions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Colouring remembers what Drools decided, for exactly the inputs the decision reads, and nothing more. */
class ColouringTest {

    static final AtomicInteger evaluations = new AtomicInteger();
    static DroolsDecisions drools;

    @BeforeAll
    static void compile() {
        drools = new DroolsDecisions() {
            @Override
            public DecisionResult evaluate(String modelId, String decisionId, Map<String, ?> inputs) {
                evaluations.incrementAndGet();
                return super.evaluate(modelId, decisionId, inputs);
            }
        };
    }

    static ColouringContext citizen(String referenceWeight, long thresholdSetId, Thresholds thresholds) {
        return new ColouringContext(UUID.randomUUID(), UUID.randomUUID(), Phase.TITRATION, null, new BigDecimal(referenceWeight),
                thresholdSetId, thresholds, null);
    }

    static MeasurementInput pulse(int bpm) {
        return new MeasurementInput("test", UUID.randomUUID().toString(), UUID.randomUUID(), MeasurementType.PULSE, BigDecimal.valueOf(bpm),
                null, List.of(), "/min", Instant.now());
    }

    static MeasurementInput weight(String kg) {
        return new MeasurementInput("test", UUID.randomUUID().toString(), UUID.randomUUID(), MeasurementType.WEIGHT, new BigDecimal(kg),
                null, List.of(), "kg", Instant.now());
    }

    static Thresholds pulseYellowAbove(int yellowHigh) {
        Thresholds d = Thresholds.DEFAULT;
        return d.with(MeasurementType.PULSE.primary(), List.of(d.get("pulseRedLow"), d.get("pulseYellowLow"), BigDecimal.valueOf(yellowHigh),
                d.get("pulseRedHigh")));
    }

    @Test
    void shouldAskDroolsOnceForTheSamePulseAgainstTheSameThresholdsAndKeepEachCitizensThresholdSet() {
        Colouring colouring = new Colouring(new DeploymentDecisions(drools, null, null));
        int before = evaluations.get();

        // different citizens, reference weights and threshold sets: the pulse table reads none of the first two
        ColourResult first = colouring.colour(pulse(95), citizen("80.0", 1, Thresholds.DEFAULT));
        ColourResult second = colouring.colour(pulse(95), citizen("64.5", 2, Thresholds.DEFAULT));

        assertThat(evaluations.get() - before).isEqualTo(1);
        assertThat(first.colour()).isEqualTo(Colour.YELLOW);
        assertThat(second.colour()).isEqualTo(Colour.YELLOW);
        assertThat(second.reason()).isEqualTo(first.reason());
        assertThat(second.threshold()).isEqualTo(first.threshold());
        assertThat(first.thresholdSetId()).isEqualTo(1L);
        assertThat(second.thresholdSetId()).isEqualTo(2L);
    }

    @Test
    void shouldColourTheSamePulseByEachCitizensOwnThresholds() {
        Colouring colouring = new Colouring(new DeploymentDecisions(drools, null, null));
        int before = evaluations.get();

        ColourResult byDefault = colouring.colour(pulse(95), citizen("80.0", 1, Thresholds.DEFAULT));
        ColourResult individual = colouring.colour(pulse(95), citizen("80.0", 3, pulseYellowAbove(96)));

        assertThat(evaluations.get() - before).isEqualTo(2);
        assertThat(byDefault.colour()).isEqualTo(Colour.YELLOW);
        assertThat(individual.colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void shouldColourTheSameWeightByEachCitizensReferenceWeight() {
        Colouring colouring = new Colouring(new DeploymentDecisions(drools, null, null));

        ColourResult heavier = colouring.colour(weight("83.0"), citizen("80.0", 1, Thresholds.DEFAULT));
        ColourResult same = colouring.colour(weight("83.0"), citizen("83.0", 1, Thresholds.DEFAULT));

        assertThat(heavier.colour()).isEqualTo(Colour.RED);
        assertThat(same.colour()).isEqualTo(Colour.GREEN);
    }
}
