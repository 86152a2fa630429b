package dk.carepath.pathway;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The pathway's small automatic steps, called from the model as {@code ${pathway.pauseMonitoring(execution)}}
 * so that a process owner reads in the Modeler what each service task does. Public because the
 * expression language calls only public methods of public classes.
 */
@Component("pathway")
public class PathwayActivities {

    private final Pathways pathways;
    private final ReferralRepository referrals;
    private final TaskService tasks;

    PathwayActivities(Pathways pathways, ReferralRepository referrals, TaskService tasks) {
        this.pathways = pathways;
        this.referrals = referrals;
        this.tasks = tasks;
    }

    /**
     * After Task_EvaluateInclusionEligibility: the rules' verdict on the referral, for people to see.
     * The referral's clinical facts, the rules' inputs, leave the process here: they stay in the
     * referral record, where only those who see clinical data read them, and the process no longer
     * shows them to everyone who works one of its tasks (the service center installing a kit).
     */
    /**
     * A further alarm of the same kind while its task is open (the task's boundary event): the measurement joins
     * that task — added to the measurements it lists and covers — instead of making a second task.
     */
    public void joinAlarm(DelegateExecution execution, String taskId) {
        org.camunda.bpm.engine.task.Task open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskId).active().singleResult();
        if (open == null) {
            return; // completed in the same instant: the alarm stands in triage, unacknowledged
        }
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        String covered = (String) runtime.getVariableLocal(open.getExecutionId(), Vars.COVERED_MEASUREMENTS.name());
        String summary = (String) runtime.getVariableLocal(open.getExecutionId(), Vars.MEASUREMENT_SUMMARY.name());
        // the message's (transient) payload was set on the execution that took it: the open task's own
        String id = (String) runtime.getVariableLocal(open.getExecutionId(), PathwayMessages.furtherName(Vars.MEASUREMENT_ID.name()));
        String added = (String) runtime.getVariableLocal(open.getExecutionId(), PathwayMessages.furtherName(Vars.MEASUREMENT_SUMMARY.name()));
        runtime.setVariableLocal(open.getExecutionId(), Vars.COVERED_MEASUREMENTS.name(), covered == null || covered.isBlank() ? id : covered + "," + id);
        runtime.setVariableLocal(open.getExecutionId(), Vars.MEASUREMENT_SUMMARY.name(), summary == null ? added : summary + "\n" + added);
        pathways.record(pathwayId(execution), JournalKind.ALARM, "Føjet til den åbne opgave »" + open.getName() + "«", added);
    }

    public void recordEligibility(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        String eligibility = Vars.ELIGIBILITY.get(execution);
        String reason = Vars.ELIGIBILITY_REASON.get(execution);
        referrals.findByPathwayId(id).ifPresent(r -> r.eligibility(eligibility, reason));
        pathways.record(id, JournalKind.ELIGIBILITY, "Inklusionsregler: " + eligibility, reason);
        execution.removeVariables(ClinicalFacts.VARIABLES);
    }

    /**
     * Flow_Included: the inclusion verdicts (the rules' and the assessors') have routed the referral;
     * they stay in the referral record and the journal, not in the process that every later task's
     * team (the service center's too) can read.
     */
    public void forgetInclusionVerdicts(DelegateExecution execution) {
        execution.removeVariables(java.util.List.of(Vars.ELIGIBILITY.name(), Vars.ELIGIBILITY_REASON.name(),
                "cardiologistDecision", "nurseDecision"));
    }

    /** Event_ReassessmentOverdue: top priority on the open reassessment and a mark on the pathway. */
    public void escalateOverdueReassessment(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Element.Task_Reassess.id()).list()
                .forEach(task -> tasks.setPriority(task.getId(), 100));
        pathways.load(id).reassessmentOverdue(true, Pathways.now());
        pathways.record(id, JournalKind.ESCALATION, "Revurdering overskredet – eskaleret", null);
    }

    /** Task_PauseMonitoring: no missing-measurement alarms until the pause ends [000]. */
    public void pauseMonitoring(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        Date until = Vars.PAUSE_UNTIL.require(execution);
        // the timer of this pause reads its own copy: a later pause must not move it
        execution.setVariableLocal("pauseEnd", until);
        pathways.load(id).pauseUntil(until.toInstant(), Pathways.now());
        pathways.record(id, JournalKind.PAUSE, "Monitorering sat på pause til " + until.toInstant(), Vars.PAUSE_REASON.get(execution));
    }

    /** Task_ResumeMonitoring: ends the pause unless a later pause extends it. */
    public void resumeMonitoring(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        Pathway pathway = pathways.load(id);
        if (pathway.pausedUntil() != null && !pathway.pausedUntil().isAfter(Pathways.now())) {
            pathway.pauseUntil(null, Pathways.now());
            pathways.record(id, JournalKind.RESUMED, "Monitorering genoptaget efter pause", null);
        }
    }

    /** Task_ResumeMonitoringInClinic: on readmission the clinic takes monitoring back [002 §4.1, §5.3]. */
    public void resumeMonitoringInClinic(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        Pathway pathway = pathways.load(id);
        pathways.assignResponsibility(id, pathway.treatmentResponsible() == Party.GP ? Party.CLINIC : pathway.treatmentResponsible(),
                Party.CLINIC);
        pathway.pauseUntil(null, Pathways.now());
        pathways.record(id, JournalKind.READMISSION, "Indlæggelse meldt – monitorering genoptaget i klinikken",
                Vars.ADMISSION_SUMMARY.get(execution));
    }

    private static UUID pathwayId(DelegateExecution execution) {
        return UUID.fromString(Vars.PATHWAY_ID.require(execution));
    }
}
