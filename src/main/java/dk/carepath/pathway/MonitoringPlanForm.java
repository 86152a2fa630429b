package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Vars;
import dk.carepath.region.RegionPack;
import dk.carepath.region.Regions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_SetMonitoringPlan: prefills the cardiologist's form with the guideline's defaults and, on
 * completion, validates the plan, stores it and sets the pathway's rhythm (start-up length, review
 * and reassessment intervals) as process variables for the timers.
 */
@Component("monitoringPlanForm")
class MonitoringPlanForm implements TaskListener {

    private final MonitoringPlans plans;
    private final ZoneId zone;

    private final java.time.Clock clock;

    private final Regions regions;

    MonitoringPlanForm(MonitoringPlans plans, @org.springframework.beans.factory.annotation.Value("${carepath.zone}") ZoneId zone,
                       java.time.Clock clock, Regions regions) {
        this.regions = regions;
        this.plans = plans;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // local to the task's scope (which its input parameters open): the fields vanish with the task
            task.getExecution().setVariablesLocal(defaults(regions.require(Vars.REGION.get(task))));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    /** the guideline's plan */
    static Map<String, Object> defaults() {
        return defaults(null);
    }

    /** the plan a cardiologist in the region starts from: the guideline's, with the region's thresholds and reassessment interval */
    static Map<String, Object> defaults(RegionPack region) {
        Map<String, Object> fields = new HashMap<>(FormReader.fields(RegionThresholds.of(region)));
        // the guideline: daily weight, pulse and blood pressure in the start-up; PRO weekly; steps optional
        for (MeasurementType type : MeasurementType.values()) {
            fields.put(type.planField(), type.defaultFrequency().map(Frequency::name).orElse(Frequency.NOT_MEASURED));
        }
        fields.put("measurementTime", "08:00");
        fields.put("startupDays", 14);
        fields.put("reviewIntervalDays", 7);
        fields.put("reassessmentIntervalWeeks", region == null ? 10 : region.reassessmentIntervalWeeks());
        fields.put("expectedDurationMonths", 6);
        return fields;
    }

    private void complete(DelegateTask task) {
        UUID pathwayId = UUID.fromString(Vars.PATHWAY_ID.require(task));
        FormReader form = new FormReader(task);
        Map<MeasurementType, Frequency> measurements = new EnumMap<>(MeasurementType.class);
        for (MeasurementType type : MeasurementType.values()) {
            String value = form.text(type.planField());
            if (value == null) {
                form.problem(type.danish() + ": vælg hyppighed eller 'Måles ikke'");
            } else if (!Frequency.NOT_MEASURED.equals(value)) {
                try {
                    measurements.put(type, Frequency.valueOf(value));
                } catch (IllegalArgumentException e) {
                    form.problem(type.danish() + ": ukendt hyppighed '" + value + "'");
                }
            }
        }
        if (measurements.isEmpty()) {
            form.problem("Vælg mindst én måletype");
        }
        var time = form.time("measurementTime", "Måletidspunkt");
        BigDecimal referenceWeight = form.decimal("referenceWeightKg", "Referencevægt", 20, 300,
                measurements.keySet().stream().flatMap(t -> t.thresholded().stream()).anyMatch(q -> q.thresholds().relativeToReference()));
        Thresholds thresholds = form.thresholds();
        Integer startupDays = form.integer("startupDays", "Opstartsperiode", 7, 14, true);
        Integer reviewDays = form.integer("reviewIntervalDays", "Gennemgang af målinger", 1, 7, true);
        Integer reassessmentWeeks = form.integer("reassessmentIntervalWeeks", "Revurdering", 8, 13, true);
        Integer months = form.integer("expectedDurationMonths", "Forventet varighed", 1, 36, true);
        form.problems(thresholds.problems());
        form.check();

        LocalDate start = LocalDate.now(clock.withZone(zone));
        plans.set(pathwayId, new PlanSettings(measurements, time, referenceWeight, thresholds, startupDays, reviewDays,
                reassessmentWeeks, start.plusMonths(months)));
        var execution = task.getExecution();
        Vars.STARTUP_PERIOD.set(execution, "P" + startupDays + "D");
        Vars.REVIEW_INTERVAL.set(execution, "P" + reviewDays + "D");
        Vars.PERIODIC_REVIEWS.set(execution, true);
        Vars.REASSESSMENT_INTERVAL.set(execution, "P" + (reassessmentWeeks * 7) + "D");
        Vars.REASSESSMENT_GRACE_PERIOD.set(execution, HeartFailurePathway.GRACE_PERIOD_DEFAULT);
    }
}
