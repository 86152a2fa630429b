package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void theGuidelineDefaultsAreValid() {
        assertThat(Thresholds.DEFAULT.problems()).isEmpty();
        assertThat(Thresholds.DEFAULT.pulseRedHigh()).isEqualTo(100);
        assertThat(Thresholds.DEFAULT.weightRedLow()).isEqualByComparingTo("-3");
        assertThat(Thresholds.DEFAULT.hasBloodPressure()).isFalse();
    }

    @Test
    void refusesThresholdsThatDoNotRise() {
        Thresholds t = new Thresholds(80, 90, 45, 40, BigDecimal.valueOf(3), BigDecimal.valueOf(2), BigDecimal.valueOf(-2),
                BigDecimal.valueOf(-3), null, null, null, null, null, null, null, null);
        assertThat(t.problems()).containsExactly("Puls: grænserne skal stige: rød nedre < gul nedre < gul øvre < rød øvre");
    }

    @Test
    void refusesHalfABloodPressureAndWeightDeltasOnTheWrongSide() {
        Thresholds t = new Thresholds(100, 90, 45, 40, BigDecimal.valueOf(3), BigDecimal.valueOf(2), BigDecimal.valueOf(1),
                BigDecimal.valueOf(-3), 160, 140, 100, 90, null, null, null, null);
        assertThat(t.problems()).contains(
                "Vægt: gul nedre grænse skal være under 0 og gul øvre grænse over 0 kg",
                "Blodtryk: angiv grænser for både systolisk og diastolisk tryk, eller for ingen af dem");
    }
}
