package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    static final Quantity PULSE = MeasurementType.PULSE.primary();
    static final Quantity SYSTOLIC = MeasurementType.BLOOD_PRESSURE.quantities().get(0);
    static final Quantity WEIGHT = MeasurementType.WEIGHT.primary();

    @Test
    void theGuidelineDefaultsAreValid() {
        assertThat(Thresholds.DEFAULT.problems()).isEmpty();
        assertThat(Thresholds.DEFAULT.get("pulseRedHigh")).isEqualByComparingTo("100");
        assertThat(Thresholds.DEFAULT.get(WEIGHT, Band.RED_LOW)).isEqualByComparingTo("-3");
        assertThat(Thresholds.DEFAULT.has(SYSTOLIC)).isFalse();
        assertThat(Thresholds.DEFAULT.group(PULSE)).extracting(BigDecimal::intValue).containsExactly(40, 45, 90, 100);
    }

    @Test
    void refusesThresholdsThatDoNotRise() {
        Thresholds t = Thresholds.DEFAULT.with(PULSE, decimals(40, 45, 90, 80));
        assertThat(t.problems()).containsExactly("Puls: grænserne skal stige: rød nedre < gul nedre < gul øvre < rød øvre");
    }

    @Test
    void refusesHalfABloodPressureAndWeightDeltasOnTheWrongSide() {
        Thresholds t = Thresholds.DEFAULT.with(WEIGHT, List.of(new BigDecimal("-3"), new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3")))
                .with(SYSTOLIC, decimals(90, 100, 140, 160));
        assertThat(t.problems()).contains(
                "Vægt: gul nedre grænse skal være under 0 og gul øvre grænse over 0 kg",
                "Blodtryk: angiv grænser for systolisk og diastolisk, eller for ingen af dem");
    }

    @Test
    void refusesAThresholdFinerThanItsBandAndOutsideItsBounds() {
        assertThat(Thresholds.DEFAULT.with(PULSE, List.of(new BigDecimal("40.5"), new BigDecimal("45"), new BigDecimal("90"),
                new BigDecimal("100"))).problems()).containsExactly("Puls: grænserne angives med hele tal");
        assertThat(Thresholds.DEFAULT.with(PULSE, decimals(10, 45, 90, 100)).problems())
                .containsExactly("Puls: grænserne skal ligge mellem 20 og 250");
    }

    @Test
    void equalFiguresAreEqualThresholdsWhateverTheirScale() {
        Thresholds a = Thresholds.of(Map.of("pulseRedHigh", new BigDecimal("100.00"), "weightRedHigh", new BigDecimal("3")));
        Thresholds b = Thresholds.of(Map.of("pulseRedHigh", 100, "weightRedHigh", new BigDecimal("3.0")));
        assertThat(a).isEqualTo(b);
        assertThat(a.get("weightRedHigh")).isEqualTo(new BigDecimal("3.0"));
        assertThat(a.all()).containsEntry("systolicRedHigh", null).containsKey("diastolicRedLow");
    }

    private static List<BigDecimal> decimals(int... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }
}
