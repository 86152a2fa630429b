package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ConcludeStartup: shows the current thresholds; stores the individual ones set after start-up. */
@Component("startupConclusionForm")
class StartupConclusionForm implements TaskListener {

    private final MonitoringPlans plans;

    StartupConclusionForm(MonitoringPlans plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID pathwayId = UUID.fromString(Vars.PATHWAY_ID.require(task));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            MonitoringPlan plan = plans.require(pathwayId);
            Map<String, Object> fields = FormReader.fields(plan.current().thresholds());
            fields.put("reviewIntervalDays", plan.view().reviewIntervalDays());
            task.getExecution().setVariablesLocal(fields);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            FormReader form = new FormReader(task);
            Thresholds thresholds = form.thresholds();
            Integer reviewDays = form.integer("reviewIntervalDays", "Gennemgang af målinger", 1, 7, true);
            form.problems(thresholds.problems());
            form.check();
            plans.setThresholds(pathwayId, thresholds, "Individuelle grænseværdier efter opstart");
            plans.reviewInterval(pathwayId, reviewDays);
            Vars.REVIEW_INTERVAL.set(task.getExecution(), "P" + reviewDays + "D");
            Vars.PERIODIC_REVIEWS.set(task.getExecution(), true);
        }
    }
}
