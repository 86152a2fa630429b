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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PathwayActivities.class);

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
        String joined = covered == null || covered.isBlank() ? id : covered + "," + id;
        if (joined.length() <= MAX_TEXT) {
            runtime.setVariableLocal(open.getExecutionId(), Vars.COVERED_MEASUREMENTS.name(), joined);
        } else {
            // the engine keeps a text variable to 4,000 characters; a measurement beyond that is listed in the summary and
            // the journal but not acknowledged by completing the task: it stays in triage until acknowledged there
            log.warn("alarm task {} covers too many measurements to list; measurement {} stays unacknowledged in triage", open.getId(), id);
        }
        runtime.setVariableLocal(open.getExecutionId(), Vars.MEASUREMENT_SUMMARY.name(), latestLines(summary, added));
        pathways.record(pathwayId(execution), JournalKind.ALARM, "Føjet til den åbne opgave »" + open.getName() + "«", added);
    }

    /** Camunda's limit for a text variable, with room to spare. */
    static final int MAX_TEXT = 3_900;
    static final int SUMMARY_LINES = 10;

    /**
     * The task's summary: the newest measurements, at most {@value #SUMMARY_LINES} lines (all of them are in the
     * journal and on the citizen's page), under a line that says how many there are in all.
     */
    static String latestLines(String summary, String added) {
        java.util.List<String> lines = new java.util.ArrayList<>(summary == null ? java.util.List.of() : summary.lines().toList());
        int total = 1;
        if (!lines.isEmpty() && lines.get(0).matches("\\d+ målinger i alt; de nyeste:")) {
            total = Integer.parseInt(lines.remove(0).split(" ")[0]);
            total++;
        } else {
            total = lines.size() + 1;
        }
        lines.add(added);
        while (lines.size() > SUMMARY_LINES || String.join("\n", lines).length() > MAX_TEXT - 100) {
            lines.remove(0);
        }
        return total > lines.size() ? total + " målinger i alt; de nyeste:\n" + String.join("\n", lines) : String.join("\n", lines);
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
        pathways.load(id).reassessmentOverdue(true, pathways.now());
        pathways.record(id, JournalKind.ESCALATION, "Revurdering overskredet – eskaleret", null);
    }

    /** Task_PauseMonitoring: no missing-measurement alarms until the pause ends [000]. */
    public void pauseMonitoring(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        Date until = Vars.PAUSE_UNTIL.require(execution);
        // the timer of this pause reads its own copy: a later pause must not move it
        execution.setVariableLocal("pauseEnd", until);
        pathways.load(id).pauseUntil(until.toInstant(), pathways.now());
        pathways.record(id, JournalKind.PAUSE, "Monitorering sat på pause til " + until.toInstant(), Vars.PAUSE_REASON.get(execution));
    }

    /** Task_ResumeMonitoring: ends the pause unless a later pause extends it. */
    public void resumeMonitoring(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        Pathway pathway = pathways.load(id);
        if (pathway.pausedUntil() != null && !pathway.pausedUntil().isAfter(pathways.now())) {
            pathway.pauseUntil(null, pathways.now());
            pathways.record(id, JournalKind.RESUMED, "Monitorering genoptaget efter pause", null);
        }
    }

    /** Task_ResumeMonitoringInClinic: on readmission the clinic takes monitoring back [002 §4.1, §5.3]. */
    public void resumeMonitoringInClinic(DelegateExecution execution) {
        UUID id = pathwayId(execution);
        Pathway pathway = pathways.load(id);
        pathways.assignResponsibility(id, pathway.treatmentResponsible() == Party.GP ? Party.CLINIC : pathway.treatmentResponsible(),
                Party.CLINIC);
        pathway.pauseUntil(null, pathways.now());
        pathways.record(id, JournalKind.READMISSION, "Indlæggelse meldt – monitorering genoptaget i klinikken",
                Vars.ADMISSION_SUMMARY.get(execution));
    }

    private static UUID pathwayId(DelegateExecution execution) {
        return UUID.fromString(Vars.PATHWAY_ID.require(execution));
    }
}
