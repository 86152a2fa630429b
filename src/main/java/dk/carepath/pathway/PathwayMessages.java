package dk.carepath.pathway;

import dk.carepath.web.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
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
    private final Pathways pathways;
    private final JdbcTemplate jdbc;

    PathwayMessages(RuntimeService runtime, Pathways pathways, JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.pathways = pathways;
        this.jdbc = jdbc;
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
     * Raises an alarm ({@code Measurement_Red}, {@code Measurement_Yellow_Persistent}) into the pathway: into the
     * open task of the same alarm if there is one (its boundary event {@code <message>_Further}), else as a new
     * task. The pathway's row is locked first, so two alarms of one pathway at once (two reds, two nodes) are
     * raised one after the other, and the second finds the first's task.
     */
    @Transactional
    public AlarmDelivery raiseAlarm(UUID pathwayId, String message, Map<String, ?> payload) {
        jdbc.queryForList("select id from pathway where id = ? for update", pathwayId);
        // the further message's payload lands on the open task's own execution (the boundary event's scope), which
        // holds the task's variables of the same names: it goes under names of its own (furtherMeasurementId, ...)
        Map<String, Object> further = new HashMap<>();
        payload.forEach((name, value) -> further.put(furtherName(name), value));
        if (trySend(pathwayId, HeartFailurePathway.Messages.further(message), further)) {
            return AlarmDelivery.JOINED;
        }
        return trySend(pathwayId, message, payload) ? AlarmDelivery.NEW_TASK : AlarmDelivery.NOT_DELIVERED;
    }

    /** Whether the pathway's process is waiting for this message now. */
    @Transactional(readOnly = true)
    public boolean accepts(UUID pathwayId, String message) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY)
                .processInstanceBusinessKey(pathwayId.toString()).singleResult();
        return instance != null && runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventType("message").eventName(message).count() > 0;
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
        if (!accepts(pathwayId, message)) {
            return false;
        }
        // the payload is transient: the receiving event subprocess copies what it keeps onto its own
        // task (input parameters), so nothing is written to the monitoring scope that holds the
        // subscriptions, and two escalations of one pathway at once never update the same variable rows
        Map<String, Object> transientPayload = new HashMap<>();
        payload.forEach((name, value) -> transientPayload.put(name, Variables.untypedValue(value, true)));
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(pathwayId.toString())
                .setVariablesLocal(transientPayload)
                .correlateWithResult();
        return true;
    }
}
