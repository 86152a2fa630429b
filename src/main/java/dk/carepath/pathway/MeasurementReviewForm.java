package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewMeasurements: the nurse sets when the next review is due (0: none before the next
 * reassessment, as later in a pathway the nurse may look only before consultations).
 */
@Component("measurementReviewForm")
class MeasurementReviewForm implements TaskListener {

    private final MonitoringPlans plans;
    private final Pathways pathways;

    MeasurementReviewForm(MonitoringPlans plans, Pathways pathways) {
        this.plans = plans;
        this.pathways = pathways;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID pathwayId = UUID.fromString(Vars.PATHWAY_ID.require(task));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().setVariablesLocal(Map.of(
                    "nextReviewIntervalDays", plans.require(pathwayId).view().reviewIntervalDays(),
                    "medicationChanged", false));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormReader form = new FormReader(task);
            Integer next = form.integer("nextReviewIntervalDays", "Næste gennemgang", 0, 28, true);
            form.check();
            if (next == 0) {
                Vars.PERIODIC_REVIEWS.set(task.getExecution(), false);
            } else {
                Vars.PERIODIC_REVIEWS.set(task.getExecution(), true);
                Vars.REVIEW_INTERVAL.set(task.getExecution(), "P" + next + "D");
                plans.reviewInterval(pathwayId, next);
            }
            if (form.flag("medicationChanged")) {
                pathways.record(pathwayId, JournalKind.MEDICATION, "Medicin ændret (FMK opdateret)", form.text("reviewNote"));
            }
        }
    }
}
