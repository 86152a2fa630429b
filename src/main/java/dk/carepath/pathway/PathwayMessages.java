package dk.carepath.pathway;

import dk.carepath.web.ProblemException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the escalation messages of {@link HeartFailurePathway.Messages} into a running pathway,
 * correlated by pathway id. The payload is transient and kept only by the receiving event
 * subprocess's own task, so two red measurements in a row give two tasks each with its own measurement.
 *
 * <p>Whether the pathway takes a message now is asked first: a failed correlation would mark the
 * caller's whole transaction for rollback, taking the caller's other work with it.
 */
@Service
public class PathwayMessages {

    private final RuntimeService runtime;
    private final Pathways pathways;

    PathwayMessages(RuntimeService runtime, Pathways pathways) {
        this.runtime = runtime;
        this.pathways = pathways;
    }

    /** Whether the pathway's process is waiting for this message now. */
    @Transactional(readOnly = true)
    public boolean accepts(UUID pathwayId, String message) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(HeartFailurePathway.KEY)
                .processInstanceBusinessKey(pathwayId.toString()).singleResult();
        return instance != null && runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventType("message").eventName(message).count() > 0;
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
