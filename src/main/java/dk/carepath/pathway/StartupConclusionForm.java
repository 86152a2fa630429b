package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Vars;
import dk.carepath.region.Regions;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ConcludeStartup: shows the current thresholds; stores the individual ones set after start-up. */
@Component("startupConclusionForm")
class StartupConclusionForm implements TaskListener {

    private final MonitoringPlans plans;
    private final Pathways pathways;
    private final Regions regions;

    StartupConclusionForm(MonitoringPlans plans, Pathways pathways, Regions regions) {
        this.plans = plans;
        this.pathways = pathways;
        this.regions = regions;
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
            // where the region's agreement says so (Syddanmark, Nordjylland), the municipality monitors from now on [001]
            PathwayView pathway = pathways.find(pathwayId).orElseThrow();
            if (regions.require(pathway.region()).municipalMonitoringAfterStart() && pathway.monitoringResponsible() == Party.CLINIC) {
                pathways.assignResponsibility(pathwayId, pathway.treatmentResponsible(), Party.MUNICIPALITY);
                pathways.record(pathwayId, JournalKind.HANDOVER, "Monitoreringsansvar overgår til kommunen efter opstarten",
                        "regionens aftale (" + pathway.region() + "): kommunen monitorerer efter en opstart på hospitalet");
            }
        }
    }
}
