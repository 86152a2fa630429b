package dk.carepath.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A citizen's individual colour thresholds (grænseværdier). A value at or beyond a threshold takes
 * that threshold's colour (see docs/measurement-colours.md). Weight thresholds are deltas in kg
 * relative to the citizen's reference weight; blood pressure thresholds are set individually at the
 * start of titration and may be absent.
 */
@Embeddable
public record Thresholds(
        @Column(name = "pulse_red_high") Integer pulseRedHigh,
        @Column(name = "pulse_yellow_high") Integer pulseYellowHigh,
        @Column(name = "pulse_yellow_low") Integer pulseYellowLow,
        @Column(name = "pulse_red_low") Integer pulseRedLow,
        @Column(name = "weight_red_high") BigDecimal weightRedHigh,
        @Column(name = "weight_yellow_high") BigDecimal weightYellowHigh,
        @Column(name = "weight_yellow_low") BigDecimal weightYellowLow,
        @Column(name = "weight_red_low") BigDecimal weightRedLow,
        @Column(name = "systolic_red_high") Integer systolicRedHigh,
        @Column(name = "systolic_yellow_high") Integer systolicYellowHigh,
        @Column(name = "systolic_yellow_low") Integer systolicYellowLow,
        @Column(name = "systolic_red_low") Integer systolicRedLow,
        @Column(name = "diastolic_red_high") Integer diastolicRedHigh,
        @Column(name = "diastolic_yellow_high") Integer diastolicYellowHigh,
        @Column(name = "diastolic_yellow_low") Integer diastolicYellowLow,
        @Column(name = "diastolic_red_low") Integer diastolicRedLow) {

    /** The default table of the clinical guideline [002 §4.2.1 Skema 1]; no default for blood pressure. */
    public static final Thresholds DEFAULT = new Thresholds(
            100, 90, 45, 40,
            new BigDecimal("3.0"), new BigDecimal("2.0"), new BigDecimal("-2.0"), new BigDecimal("-3.0"),
            null, null, null, null,
            null, null, null, null);

    public boolean hasBloodPressure() {
        return systolicRedHigh != null;
    }

    /** The problems with these thresholds, in Danish for the form that set them; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        problems.addAll(problems(MassPlanUpdate.ThresholdGroup.PULSE, pulseRedLow, pulseYellowLow, pulseYellowHigh, pulseRedHigh));
        problems.addAll(problems(MassPlanUpdate.ThresholdGroup.WEIGHT, weightRedLow, weightYellowLow, weightYellowHigh, weightRedHigh));
        problems.addAll(problems(MassPlanUpdate.ThresholdGroup.SYSTOLIC, systolicRedLow, systolicYellowLow, systolicYellowHigh, systolicRedHigh));
        problems.addAll(problems(MassPlanUpdate.ThresholdGroup.DIASTOLIC, diastolicRedLow, diastolicYellowLow, diastolicYellowHigh,
                diastolicRedHigh));
        if ((systolicRedHigh == null) != (diastolicRedHigh == null)) {
            problems.add("Blodtryk: angiv grænser for både systolisk og diastolisk tryk, eller for ingen af dem");
        }
        return problems;
    }

    /** The lowest and highest threshold a group may have. */
    record Bounds(int min, int max) {
    }

    static Bounds bounds(MassPlanUpdate.ThresholdGroup group) {
        return switch (group) {
            case PULSE -> new Bounds(20, 250);
            case WEIGHT -> new Bounds(-20, 20);
            case SYSTOLIC -> new Bounds(50, 300);
            case DIASTOLIC -> new Bounds(30, 200);
        };
    }

    /** The problems of one group's thresholds (red low, yellow low, yellow high, red high), in Danish. */
    static List<String> problems(MassPlanUpdate.ThresholdGroup group, Number redLow, Number yellowLow, Number yellowHigh, Number redHigh) {
        List<String> problems = new ArrayList<>();
        Bounds b = bounds(group);
        switch (group) {
            case PULSE -> order("Puls", redLow, yellowLow, yellowHigh, redHigh, b.min(), b.max(), true, problems);
            case WEIGHT -> {
                order("Vægt (kg i forhold til referencevægt)", redLow, yellowLow, yellowHigh, redHigh, b.min(), b.max(), true, problems);
                if (yellowLow != null && yellowLow.doubleValue() >= 0 || yellowHigh != null && yellowHigh.doubleValue() <= 0) {
                    problems.add("Vægt: gul nedre grænse skal være under 0 og gul øvre grænse over 0 kg");
                }
            }
            case SYSTOLIC -> order("Systolisk blodtryk", redLow, yellowLow, yellowHigh, redHigh, b.min(), b.max(), false, problems);
            case DIASTOLIC -> order("Diastolisk blodtryk", redLow, yellowLow, yellowHigh, redHigh, b.min(), b.max(), false, problems);
        }
        return problems;
    }

    private static void order(String what, Number redLow, Number yellowLow, Number yellowHigh, Number redHigh,
                              int min, int max, boolean required, List<String> problems) {
        Number[] values = {redLow, yellowLow, yellowHigh, redHigh};
        long present = java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).count();
        if (present == 0 && !required) {
            return;
        }
        if (present < 4) {
            problems.add(what + ": alle fire grænser (rød nedre, gul nedre, gul øvre, rød øvre) skal udfyldes");
            return;
        }
        for (Number v : values) {
            if (v.doubleValue() < min || v.doubleValue() > max) {
                problems.add(what + ": grænserne skal ligge mellem " + min + " og " + max);
                return;
            }
        }
        if (!(redLow.doubleValue() < yellowLow.doubleValue() && yellowLow.doubleValue() < yellowHigh.doubleValue()
                && yellowHigh.doubleValue() < redHigh.doubleValue())) {
            problems.add(what + ": grænserne skal stige: rød nedre < gul nedre < gul øvre < rød øvre");
        }
    }
}
