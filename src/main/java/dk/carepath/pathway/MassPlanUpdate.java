package dk.carepath.pathway;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the monitoring plans of many citizens at once while each keeps what was set for them
 * individually [001]. Every change says what it changes <em>from</em>: a plan is changed only where it
 * still has that value; a plan with an individually set value keeps it and is reported as kept. So
 * "PRO weekly → twice weekly" changes the citizens on the standard weekly questionnaire and leaves
 * the one whose cardiologist chose daily; "add steps" ({@code from: null}) adds steps to plans
 * without them; new default pulse thresholds reach only citizens still on the old defaults.
 */
@Service
class MassPlanUpdate {

    public record FrequencyChange(MeasurementType type, Frequency from, Frequency to) {
    }

    public record TimeChange(LocalTime from, LocalTime to) {
    }

    /**
     * Thresholds of one group (a thresholded quantity: PULSE, WEIGHT, SYSTOLIC, DIASTOLIC, …), ascending:
     * red low, yellow low, yellow high, red high; null = not set.
     */
    public record ThresholdChange(String group, List<BigDecimal> from, List<BigDecimal> to) {

        /** the quantity the group names; the controller has refused unknown groups */
        Quantity quantity() {
            return MeasurementType.byGroup(group).orElseThrow(() -> new IllegalArgumentException("unknown threshold group " + group));
        }
    }

    public record Changes(List<FrequencyChange> frequencies, TimeChange measurementTime, List<ThresholdChange> thresholds,
                          String reason) {
    }

    public record PlanOutcome(UUID pathwayId, List<String> applied, List<String> keptIndividual) {
    }

    public record Outcome(int plans, int changed, int keptIndividual, List<PlanOutcome> details) {
    }

    private final MonitoringPlanRepository plans;
    private final PathwayRepository pathways;
    private final Pathways pathwayService;
    private final AuditTrail audit;

    MassPlanUpdate(MonitoringPlanRepository plans, PathwayRepository pathways, Pathways pathwayService, AuditTrail audit) {
        this.plans = plans;
        this.pathways = pathways;
        this.pathwayService = pathwayService;
        this.audit = audit;
    }

    /** Applies the changes to the plans of the given running pathways, in one transaction. */
    @Transactional
    public Outcome apply(List<UUID> pathwayIds, Changes changes) {
        String actor = audit.currentActor();
        var now = pathwayService.now();
        List<PlanOutcome> details = new ArrayList<>();
        int changed = 0;
        int kept = 0;
        for (UUID id : pathwayIds) {
            Pathway pathway = pathways.findById(id).orElse(null);
            MonitoringPlan plan = plans.findByPathwayId(id).orElse(null);
            if (pathway == null || pathway.phase().ended() || plan == null) {
                details.add(new PlanOutcome(id, List.of(), List.of("not changed: the pathway is not running or has no plan")));
                kept++;
                continue;
            }
            List<String> applied = new ArrayList<>();
            List<String> individual = new ArrayList<>();
            for (FrequencyChange change : nullSafe(changes.frequencies())) {
                Frequency current = plan.frequency(change.type());
                if (Objects.equals(current, change.from())) {
                    plan.frequency(change.type(), change.to(), now);
                    applied.add(change.type() + ": " + current + " -> " + change.to());
                } else {
                    individual.add(change.type() + " stays " + current);
                }
            }
            if (changes.measurementTime() != null) {
                TimeChange t = changes.measurementTime();
                if (plan.measurementTime().equals(t.from())) {
                    plan.measurementTime(t.to(), now);
                    applied.add("measurement time: " + t.from() + " -> " + t.to());
                } else {
                    individual.add("measurement time stays " + plan.measurementTime());
                }
            }
            Thresholds thresholds = plan.current().thresholds();
            Thresholds updated = thresholds;
            for (ThresholdChange change : nullSafe(changes.thresholds())) {
                List<BigDecimal> current = thresholds.group(change.quantity());
                if (same(current, change.from())) {
                    updated = updated.with(change.quantity(), change.to());
                    applied.add(change.group() + " thresholds: " + change.from() + " -> " + change.to());
                } else {
                    individual.add(change.group() + " thresholds stay " + current);
                }
            }
            if (!updated.equals(thresholds)) {
                List<String> problems = updated.problems();
                if (!problems.isEmpty()) {
                    throw dk.carepath.web.ProblemException.invalidField("thresholds", String.join("; ", problems));
                }
                plan.setThresholds(updated, actor, "Masseopdatering: " + changes.reason(), now);
            }
            if (!applied.isEmpty()) {
                changed++;
                pathwayService.record(id, JournalKind.MASS_UPDATE, "Måleplan masseopdateret: " + changes.reason(), String.join("; ", applied));
                audit.changed(AuditAction.UPDATE, "monitoring-plan", pathway.citizenId(), id, "mass update: " + String.join("; ", applied));
            }
            if (!individual.isEmpty()) {
                kept++;
            }
            details.add(new PlanOutcome(id, applied, individual));
        }
        return new Outcome(pathwayIds.size(), changed, kept, details);
    }

    /** The running pathways of a clinic (all, when the clinic is null) that have a plan. */
    @Transactional(readOnly = true)
    public List<UUID> runningWithPlan(String clinicId) {
        return plans.runningWithPlan(clinicId);
    }

    private static boolean same(List<BigDecimal> current, List<BigDecimal> from) {
        if (from == null) {
            return current == null;
        }
        if (current == null || current.size() != from.size()) {
            return false;
        }
        for (int k = 0; k < current.size(); k++) {
            if (current.get(k) == null || from.get(k) == null ? current.get(k) != from.get(k) : current.get(k).compareTo(from.get(k)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
