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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    PathwayActivities(Pathways pathways, ReferralRepository referrals, TaskService tasks, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.pathways = pathways;
        this.referrals = referrals;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /**
     * The gateway after an alarm's start event: whether the citizen already has an open task of this alarm. The
     * pathway's row is locked first (as {@link PathwayMessages#raiseAlarm} does), so two alarms of one pathway at
     * once, even correlated straight to the engine on two nodes, are taken one after the other and the second finds
     * the first's task: the model itself keeps one open task per alarm.
     */
    public boolean alarmTaskOpen(DelegateExecution execution, String taskId) {
        jdbc.queryForList("select id from pathway where id = ? for update", pathwayId(execution));
        return openTask(execution, taskId) != null;
    }

    private org.camunda.bpm.engine.task.Task openTask(DelegateExecution execution, String taskId) {
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskId).active()
                .singleResult();
    }

    /**
     * A further alarm of the same kind while its task is open (the task's boundary event): the measurement joins
     * that task — added to the measurements it lists and covers — instead of making a second task.
     */
    public void joinAlarm(DelegateExecution execution, String taskId) {
        org.camunda.bpm.engine.task.Task open = openTask(execution, taskId);
        if (open == null) {
            return; // completed in the same instant: the alarm stands in triage, unacknowledged
        }
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        // the message's (transient) payload was set on the execution that took it: the open task's own
        String id = (String) runtime.getVariableLocal(open.getExecutionId(), PathwayMessages.furtherName(Vars.MEASUREMENT_ID.name()));
        String added = (String) runtime.getVariableLocal(open.getExecutionId(), PathwayMessages.furtherName(Vars.MEASUREMENT_SUMMARY.name()));
        addMeasurement(execution, open, id, added);
    }

    /**
     * An alarm that arrived as a start message while its task is open (correlated straight to the engine, not
     * through {@link PathwayMessages#raiseAlarm}): the gateway found the open task, and the measurement joins it as
     * a further alarm does.
     */
    public void addToOpenAlarmTask(DelegateExecution execution, String taskId) {
        org.camunda.bpm.engine.task.Task open = openTask(execution, taskId);
        Object id = execution.getVariable(Vars.MEASUREMENT_ID.name());
        Object added = execution.getVariable(Vars.MEASUREMENT_SUMMARY.name());
        addMeasurement(execution, open, id == null ? null : id.toString(), added == null ? null : added.toString());
    }

    private void addMeasurement(DelegateExecution execution, org.camunda.bpm.engine.task.Task open, String id, String added) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        String covered = (String) runtime.getVariableLocal(open.getExecutionId(), Vars.COVERED_MEASUREMENTS.name());
        String summary = (String) runtime.getVariableLocal(open.getExecutionId(), Vars.MEASUREMENT_SUMMARY.name());
        String joined = id == null || id.isBlank() ? covered : covered == null || covered.isBlank() ? id : covered + "," + id;
        if (joined == null || joined.length() <= MAX_TEXT) {
            runtime.setVariableLocal(open.getExecutionId(), Vars.COVERED_MEASUREMENTS.name(), joined);
        } else {
            // the engine keeps a text variable to 4,000 characters; a measurement beyond that is listed in the summary and
            // the journal but not acknowledged by completing the task: it stays in triage until acknowledged there
            log.warn("alarm task {} covers too many measurements to list; measurement {} stays unacknowledged in triage", open.getId(), id);
        }
        runtime.setVariableLocal(open.getExecutionId(), Vars.MEASUREMENT_SUMMARY.name(), latestLines(summary, added));
        pathways.record(pathwayId(execution), JournalKind.ALARM, "Føjet til den åbne opgave »" + open.getName() + "«", added);
    }

    /**
     * A further missed deadline while the missing-measurement task is open (its boundary event): the task is updated —
     * the types missing, since when, how many deadlines missed, the deadlines listed — instead of a second task.
     */
    public void joinMissedDeadlines(DelegateExecution execution, String taskId) {
        org.camunda.bpm.engine.task.Task open = openTask(execution, taskId);
        if (open == null) {
            return; // completed in the same instant: the alarm stands in triage, unacknowledged
        }
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        java.util.function.Function<String, Object> further = name -> runtime.getVariableLocal(open.getExecutionId(),
                PathwayMessages.furtherName(name));
        addMissedDeadlines(execution, open, further);
    }

    /** Missed deadlines that arrived as a start message while a task about them is open: they join it (see the gateway). */
    public void addToOpenMissingTask(DelegateExecution execution, String taskId) {
        addMissedDeadlines(execution, openTask(execution, taskId), execution::getVariable);
    }

    private void addMissedDeadlines(DelegateExecution execution, org.camunda.bpm.engine.task.Task open,
                                    java.util.function.Function<String, Object> payload) {
        var runtime = execution.getProcessEngineServices().getRuntimeService();
        String on = open.getExecutionId();
        java.util.function.Function<String, String> has = name -> text(runtime.getVariableLocal(on, name));
        String added = text(payload.apply(Vars.MISSING_SUMMARY.name()));
        runtime.setVariableLocal(on, Vars.MISSING_SUMMARY.name(), appendLines(has.apply(Vars.MISSING_SUMMARY.name()), added));
        runtime.setVariableLocal(on, Vars.MISSING_TYPES.name(), union(has.apply(Vars.MISSING_TYPES.name()),
                text(payload.apply(Vars.MISSING_TYPES.name()))));
        if (has.apply(Vars.MISSING_SINCE.name()) == null) {
            runtime.setVariableLocal(on, Vars.MISSING_SINCE.name(), text(payload.apply(Vars.MISSING_SINCE.name())));
        }
        runtime.setVariableLocal(on, Vars.MISSED_DEADLINES.name(), count(runtime.getVariableLocal(on, Vars.MISSED_DEADLINES.name()))
                + Math.max(1, count(payload.apply(Vars.MISSED_DEADLINES.name()))));
        String alarms = text(payload.apply(Vars.COVERED_ALARMS.name()));
        if (alarms != null) {
            String covered = has.apply(Vars.COVERED_ALARMS.name());
            String joined = covered == null ? alarms : covered + "," + alarms;
            if (joined.length() <= MAX_TEXT) {
                runtime.setVariableLocal(on, Vars.COVERED_ALARMS.name(), joined);
            } else {
                log.warn("missing-measurement task {} covers too many alarms to list; alarms {} stay in triage", open.getId(), alarms);
            }
        }
        pathways.record(pathwayId(execution), JournalKind.ALARM, "Føjet til den åbne opgave »" + open.getName() + "«", added);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static int count(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value != null && value.toString().trim().matches("\\d{1,6}") ? Integer.parseInt(value.toString().trim()) : 0;
    }

    /** "Vægt, Puls" ∪ "Puls, Blodtryk" = "Vægt, Puls, Blodtryk" */
    static String union(String types, String added) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (String list : new String[] {types, added}) {
            if (list != null) {
                java.util.Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(all::add);
            }
        }
        return all.isEmpty() ? null : String.join(", ", all);
    }

    /** The lines so far and the new ones; the oldest go when the engine's text limit comes near (the journal keeps them all). */
    static String appendLines(String lines, String added) {
        java.util.List<String> all = new java.util.ArrayList<>(lines == null ? java.util.List.of() : lines.lines().toList());
        if (added != null) {
            all.addAll(added.lines().toList());
        }
        boolean dropped = false;
        while (all.size() > 1 && String.join("\n", all).length() > MAX_TEXT - 100) {
            all.remove(all.get(0).equals(OLDER_LEFT_OUT) && all.size() > 2 ? 1 : 0);
            dropped = true;
        }
        if (dropped && !all.get(0).equals(OLDER_LEFT_OUT)) {
            all.add(0, OLDER_LEFT_OUT);
        }
        return String.join("\n", all);
    }

    static final String OLDER_LEFT_OUT = "(ældre frister udeladt – se journalen)";

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

    /**
     * After Task_EvaluateInclusionEligibility: the rules' verdict on the referral, for people to see.
     * The referral's clinical facts, the rules' inputs, leave the process here: they stay in the
     * referral record, where only those who see clinical data read them, and the process no longer
     * shows them to everyone who works one of its tasks (the service center installing a kit).
     */
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
