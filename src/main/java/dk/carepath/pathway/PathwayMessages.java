package dk.carepath.pathway;

import dk.carepath.web.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the escalation messages of {@link HeartFailurePathway.Messages} into a running pathway,
 * correlated by pathway id. The payload is transient and kept only by the receiving event
 * subprocess's own task. An alarm joins the open task of its kind when there is one
 * ({@link #raiseAlarm}): a citizen never has two open tasks of the same alarm.
 *
 * <p>Whether the pathway takes a message now is asked first: a failed correlation would mark the
 * caller's whole transaction for rollback, taking the caller's other work with it.
 */
@Service
public class PathwayMessages {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Pathways pathways;
    private final JdbcTemplate jdbc;

    PathwayMessages(RuntimeService runtime, TaskService tasks, Pathways pathways, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.pathways = pathways;
        this.jdbc = jdbc;
    }

    /** The alarm tasks whose covered measurements a withdrawal looks through, with their alarm's message. */
    private static final java.util.Map<HeartFailurePathway.Element, String> ALARM_TASKS = java.util.Map.of(
            HeartFailurePathway.Element.Task_ReviewRedMeasurement, HeartFailurePathway.Messages.MEASUREMENT_RED,
            HeartFailurePathway.Element.Task_FollowUpPersistentYellow, HeartFailurePathway.Messages.MEASUREMENT_YELLOW_PERSISTENT);

    /**
     * A measurement no longer calls for the alarm it raised or joined (its sender retracted it, or corrected it to
     * another colour): it leaves the measurements its open alarm task covers, and a task that then covers no
     * measurement that still needs a nurse is closed with the reason (its boundary event {@code <alarm>_Withdrawn}),
     * journalled. The pathway's row is locked first, as for raising an alarm.
     *
     * @param alarm              the alarm's message whose task is looked at ({@code Measurement_Red}, ...)
     * @param needsAttention     whether another covered measurement (by id) still needs a nurse: unacknowledged, not retracted
     * @return the names of the tasks closed
     */
    @Transactional
    public java.util.List<String> withdrawMeasurement(UUID pathwayId, String alarm, long measurementId, String reason,
                                                      java.util.function.LongPredicate needsAttention) {
        jdbc.queryForList("select id from pathway where id = ? for update", pathwayId);
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY)
                .processInstanceBusinessKey(pathwayId.toString()).singleResult();
        java.util.List<String> closed = new java.util.ArrayList<>();
        if (instance == null) {
            return closed;
        }
        for (var alarmTask : ALARM_TASKS.entrySet()) {
            if (!alarmTask.getValue().equals(alarm)) {
                continue;
            }
            org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(alarmTask.getKey().id()).active().singleResult();
            if (task == null) {
                continue;
            }
            String name = HeartFailurePathway.Vars.COVERED_MEASUREMENTS.name();
            Object covered = runtime.getVariableLocal(task.getExecutionId(), name);
            java.util.List<String> ids = covered == null ? java.util.List.of()
                    : java.util.Arrays.stream(covered.toString().split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
            if (!ids.contains(String.valueOf(measurementId))) {
                continue;
            }
            java.util.List<String> remaining = ids.stream().filter(id -> !id.equals(String.valueOf(measurementId))).toList();
            runtime.setVariableLocal(task.getExecutionId(), name, String.join(",", remaining));
            boolean open = remaining.stream().filter(id -> id.matches("\\d{1,18}")).mapToLong(Long::parseLong).anyMatch(needsAttention);
            if (open) {
                pathways.record(pathwayId, JournalKind.ALARM, "Måling fjernet fra opgaven »" + task.getName() + "«", reason);
                continue;
            }
            pathways.record(pathwayId, JournalKind.TASK_CLOSED, "Opgaven »" + task.getName() + "« lukket: intet at se på", reason);
            runtime.createMessageCorrelation(HeartFailurePathway.Messages.withdrawn(alarmTask.getValue()))
                    .processInstanceId(instance.getId())
                    .setVariableLocal(HeartFailurePathway.Vars.WITHDRAWAL_REASON.name(), Variables.stringValue(reason, true))
                    .correlateWithResult();
            closed.add(task.getName());
        }
        return closed;
    }

    /** What became of an alarm. */
    public enum AlarmDelivery {
        /** a new task for the alarm */
        NEW_TASK,
        /** added to the open task of the same alarm */
        JOINED,
        /** the pathway does not take the alarm in its phase (it stands in triage) */
        NOT_DELIVERED
    }

    /**
     * Raises an alarm ({@code Measurement_Red}, {@code Measurement_Yellow_Persistent}, {@code Measurements_Missing}) into the pathway: into the
     * open task of the same alarm if there is one (its boundary event {@code <message>_Further}), else as a new
     * task. The pathway's row is locked first, so two alarms of one pathway at once (two reds, two nodes) are
     * raised one after the other, and the second finds the first's task.
     */
    @Transactional
    public AlarmDelivery raiseAlarm(UUID pathwayId, String message, Map<String, ?> payload) {
        if (joinOpenAlarm(pathwayId, message, payload)) {
            return AlarmDelivery.JOINED;
        }
        return trySend(pathwayId, message, payload) ? AlarmDelivery.NEW_TASK : AlarmDelivery.NOT_DELIVERED;
    }

    /**
     * Adds an alarm to the open task of the same alarm, if there is one (its boundary event {@code <message>_Further}),
     * with the pathway's row locked as {@link #raiseAlarm} does. @return whether a task was open and took it
     */
    @Transactional
    public boolean joinOpenAlarm(UUID pathwayId, String message, Map<String, ?> payload) {
        jdbc.queryForList("select id from pathway where id = ? for update", pathwayId);
        // the further message's payload lands on the open task's own execution (the boundary event's scope), which
        // holds the task's variables of the same names: it goes under names of its own (furtherMeasurementId, ...)
        Map<String, Object> further = new HashMap<>();
        payload.forEach((name, value) -> further.put(furtherName(name), value));
        return trySend(pathwayId, HeartFailurePathway.Messages.further(message), further);
    }

    /**
     * Notes on the open missing-measurement task what has arrived since its missed deadlines ({@code receivedSince},
     * shown on its form as "Modtaget siden"); journalled when the note changes. The task stays open: the nurse decides.
     *
     * @return whether the note was new
     */
    @Transactional
    public boolean noteOnOpenMissingTask(UUID pathwayId, String note) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY)
                .processInstanceBusinessKey(pathwayId.toString()).singleResult();
        if (instance == null) {
            return false;
        }
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(HeartFailurePathway.Element.Task_ContactCitizenAboutMissingMeasurements.id()).active().singleResult();
        String name = HeartFailurePathway.Vars.RECEIVED_SINCE.name();
        if (task == null || note.equals(runtime.getVariableLocal(task.getExecutionId(), name))) {
            return false;
        }
        runtime.setVariableLocal(task.getExecutionId(), name, note);
        pathways.record(pathwayId, JournalKind.ALARM, "Målinger modtaget efter overskredet frist (opgaven »" + task.getName() + "« er åben)", note);
        return true;
    }

    /** Whether the pathway's process is waiting for this message now. */
    @Transactional(readOnly = true)
    public boolean accepts(UUID pathwayId, String message) {
        return waitingFor(pathwayId, message) != null;
    }

    /**
     * The pathway's process instance if it waits for the message now, else null. (By business key: a pathway's id
     * is unique across the regions' tenants, so the query needs no tenant.)
     */
    private String waitingFor(UUID pathwayId, String message) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY)
                .processInstanceBusinessKey(pathwayId.toString()).singleResult();
        return instance != null && runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventType("message").eventName(message).count() > 0 ? instance.getId() : null;
    }

    /** measurementId → furtherMeasurementId */
    public static String furtherName(String variable) {
        return "further" + Character.toUpperCase(variable.charAt(0)) + variable.substring(1);
    }

    /** @throws ProblemException 409 when the pathway is not in a phase that receives this message */
    @Transactional
    public void send(UUID pathwayId, String message, Map<String, ?> payload) {
        PathwayView pathway = pathways.require(pathwayId);
        if (!trySend(pathwayId, message, payload)) {
            throw ProblemException.conflict("pathway " + pathwayId + " is in phase " + pathway.phase()
                    + " and does not take " + message + " now");
        }
    }

    /** Sends the message if the pathway takes it now. @return whether it was delivered */
    @Transactional
    public boolean trySend(UUID pathwayId, String message, Map<String, ?> payload) {
        String instance = waitingFor(pathwayId, message);
        if (instance == null) {
            return false;
        }
        // the payload is transient: the receiving event subprocess copies what it keeps onto its own
        // task (input parameters), so nothing is written to the monitoring scope that holds the
        // subscriptions, and two escalations of one pathway at once never update the same variable rows
        Map<String, Object> transientPayload = new HashMap<>();
        payload.forEach((name, value) -> transientPayload.put(name, Variables.untypedValue(value, true)));
        // to the instance itself: a message correlated by instance needs no tenant
        runtime.createMessageCorrelation(message)
                .processInstanceId(instance)
                .setVariablesLocal(transientPayload)
                .correlateWithResult();
        return true;
    }
}
