package dk.carepath.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.measurement.Colour;
import dk.carepath.measurement.StoredMeasurement;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.MonitoringPlanView;
import dk.carepath.pathway.ThresholdSetView;
import dk.carepath.pathway.Thresholds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The citizen page's chart data: measurements against the thresholds in force, as steps where they changed. */
class TriageChartsTest {

    static final Instant TO = Instant.parse("2026-03-31T10:00:00Z");
    static final Instant FROM = TO.minus(Duration.ofDays(30));

    @Test
    void drawsEachThresholdAsStepsOverTheVersionsInForceAndTheWeightBandsAroundTheReferenceWeight() {
        Thresholds raised = Thresholds.of(Map.of("pulseRedHigh", 110, "pulseYellowHigh", 95, "pulseYellowLow", 45, "pulseRedLow", 40,
                "weightRedHigh", new BigDecimal("2.5"), "weightYellowHigh", new BigDecimal("1.5"), "weightYellowLow", new BigDecimal("-1.5"),
                "weightRedLow", new BigDecimal("-2.5")));
        ThresholdSetView old = new ThresholdSetView(1L, Thresholds.DEFAULT, FROM.minus(Duration.ofDays(60)), "karl", "plan");
        ThresholdSetView older = new ThresholdSetView(0L, Thresholds.DEFAULT, FROM.minus(Duration.ofDays(90)), "karl", "first");
        ThresholdSetView changed = new ThresholdSetView(2L, raised, FROM.plus(Duration.ofDays(10)), "karl", "titrering");
        MonitoringPlanView plan = new MonitoringPlanView(UUID.randomUUID(), UUID.randomUUID(), Map.of(), LocalTime.of(8, 0),
                new BigDecimal("80.0"), 14, 14, 10, null, changed, List.of(changed, older, old), "karl", TO);
        List<StoredMeasurement> measurements = List.of(
                measurement(MeasurementType.PULSE, "101", null, Colour.YELLOW, FROM.plus(Duration.ofDays(20))),
                measurement(MeasurementType.PULSE, "72", null, Colour.GREEN, FROM.plus(Duration.ofDays(5))),
                measurement(MeasurementType.WEIGHT, "81.2", null, Colour.GREEN, FROM.plus(Duration.ofDays(6))),
                measurement(MeasurementType.BLOOD_PRESSURE, "135", "85", Colour.UNCOLOURED, FROM.plus(Duration.ofDays(7))));

        List<Charts.Chart> charts = Charts.of(measurements, plan, FROM, TO);

        Charts.Chart pulse = charts.get(1);
        assertThat(pulse.id()).isEqualTo("chart-pulse");
        assertThat(pulse.series().get(0).points()).extracting(p -> p.y().toString()).containsExactly("72", "101");
        assertThat(pulse.series().get(0).colours()).containsExactly("GREEN", "YELLOW");
        Charts.Series redHigh = pulse.series().stream().filter(s -> s.label().equals("Rød øvre")).findFirst().orElseThrow();
        assertThat(redHigh.kind()).isEqualTo("RED");
        assertThat(redHigh.points()).containsExactly(new Charts.Point(FROM.toEpochMilli(), new BigDecimal("100")),
                new Charts.Point(FROM.plus(Duration.ofDays(10)).toEpochMilli(), new BigDecimal("110")), new Charts.Point(TO.toEpochMilli(), new BigDecimal("110")));
        assertThat(pulse.thresholds()).containsEntry("redHigh", new BigDecimal("110")).containsEntry("yellowHigh", new BigDecimal("95")).containsEntry("redLow", new BigDecimal("40"));

        Charts.Chart weight = charts.get(0);
        assertThat(weight.thresholds()).containsEntry("reference", new BigDecimal("80.0"))
                .containsEntry("redHigh", new BigDecimal("82.5")).containsEntry("yellowLow", new BigDecimal("78.5"));
        Charts.Series weightRedHigh = weight.series().stream().filter(s -> s.label().equals("Rød øvre")).findFirst().orElseThrow();
        assertThat(weightRedHigh.points().get(0).y()).isEqualTo(new BigDecimal("83.0"));

        Charts.Chart pressure = charts.get(2);
        assertThat(pressure.series()).extracting(Charts.Series::label).containsExactly("Systolisk (mmHg)", "Diastolisk (mmHg)");
        assertThat(pressure.series().get(1).points()).extracting(p -> p.y().toString()).containsExactly("85");
        assertThat(pressure.thresholds()).as("no blood pressure thresholds set").isEmpty();
    }

    @Test
    void theCitizensFirstThresholdsAreDrawnFromThePeriodsStart() {
        ThresholdSetView first = new ThresholdSetView(1L, Thresholds.DEFAULT, TO.minus(Duration.ofHours(1)), "karl", "plan");
        assertThat(Charts.inForce(List.of(first), first, FROM)).containsExactly(first);
        MonitoringPlanView plan = new MonitoringPlanView(UUID.randomUUID(), UUID.randomUUID(), Map.of(), LocalTime.of(8, 0),
                new BigDecimal("80.0"), 14, 14, 10, null, first, List.of(first), "karl", TO);
        Charts.Series redHigh = Charts.of(List.of(), plan, FROM, TO).get(1).series().get(1);
        assertThat(redHigh.points()).containsExactly(new Charts.Point(FROM.toEpochMilli(), new BigDecimal("100")), new Charts.Point(TO.toEpochMilli(), new BigDecimal("100")));
    }

    private static StoredMeasurement measurement(MeasurementType type, String value, String value2, Colour colour, Instant at) {
        return new StoredMeasurement(1, "test", "x", UUID.randomUUID(), UUID.randomUUID(), type, new BigDecimal(value),
                value2 == null ? null : new BigDecimal(value2), null, null, at, at, colour, null, null, 1L, dk.carepath.measurement.EscalationState.DONE, null, null);
    }
}
