package dk.carepath.pathway;

import dk.carepath.region.RegionPack;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the pathway would make of a referral, computed without writing anything: the inputs its
 * inclusion rules read, the plan a new pathway in the region starts from, and whom each of its letters
 * goes to — the same functions a real referral runs through, for a process owner's dry run of a
 * test citizen (module dryrun).
 */
@Component
public class ReferralPreview {

    /**
     * The plan form's defaults in the region (the cardiologist may change every one of them).
     *
     * @param thresholds per thresholded value: the four limits, and whether they are the region's or the guideline's
     */
    public record PlanStart(int startupDays, int reviewIntervalDays, int reassessmentIntervalWeeks, int expectedDurationMonths,
                            String measurementTime, List<Measured> measurements, List<Threshold> thresholds) {
    }

    public record Measured(String type, String frequency) {
    }

    /** @param limits red low, yellow low, yellow high, red high */
    public record Threshold(String name, String danish, String unit, List<BigDecimal> limits, boolean regional) {
    }

    /** @param recipients REFERRER, MUNICIPALITY or GP_PRACTICE (the latter only when the citizen has one) */
    public record LetterKind(String kind, String danish, List<String> recipients) {
    }

    /** the variables the inclusion rules read, as {@link Referrals#refer} gives them to the process */
    public Map<String, Object> ruleInputs(ClinicalFacts facts, RegionPack region) {
        Map<String, Object> inputs = new HashMap<>(facts.asVariables());
        inputs.put(HeartFailurePathway.Vars.MIT_ID_REQUIRED.name(), region.mitIdRequired());
        return inputs;
    }

    /** the plan Task_SetMonitoringPlan's form starts from in the region */
    public PlanStart planStart(RegionPack region) {
        Map<String, Object> fields = MonitoringPlanForm.defaults(region);
        List<Measured> measured = new ArrayList<>();
        for (MeasurementType type : MeasurementType.values()) {
            Object frequency = fields.get(type.planField());
            String danish = frequency == null || Frequency.NOT_MEASURED.equals(frequency) ? "Måles ikke"
                    : Frequency.valueOf(frequency.toString()).danish();
            measured.add(new Measured(type.danish(), danish));
        }
        Thresholds start = RegionThresholds.of(region);
        List<Threshold> thresholds = new ArrayList<>();
        for (Quantity q : MeasurementType.allThresholded()) {
            List<BigDecimal> limits = start.group(q);
            if (limits != null) {
                thresholds.add(new Threshold(q.name(), q.danish(), q.unit(), limits, region.thresholds().containsKey(q.name())));
            }
        }
        return new PlanStart((Integer) fields.get("startupDays"), (Integer) fields.get("reviewIntervalDays"),
                (Integer) fields.get("reassessmentIntervalWeeks"), (Integer) fields.get("expectedDurationMonths"),
                (String) fields.get("measurementTime"), measured, thresholds);
    }

    /** a letter the model names in a service task's {@code letter} property */
    public Optional<LetterKind> letter(String kind) {
        return Arrays.stream(PathwayLetters.Kind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .map(k -> new LetterKind(k.name(), k.danish, k.recipients.stream().map(Enum::name).toList()));
    }
}
