package dk.carepath.pathway;

import dk.carepath.web.ProblemException;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers the escalation messages of {@link HeartFailurePathway.Messages} into a running pathway,
 * correlated by pathway id. The payload is set on the receiving event subprocess only, so two red
 * measurements in a row give two tasks each with its own measurement.
 */
@Service
public class PathwayMessages {

    private final RuntimeService runtime;
    private final Pathways pathways;

    PathwayMessages(RuntimeService runtime, Pathways pathways) {
        this.runtime = runtime;
        this.pathways = pathways;
    }

    /** @throws ProblemException 409 when the pathway is not in a phase that receives this message */
    @Transactional
    public void send(UUID pathwayId, String message, Map<String, ?> payload) {
        PathwayView pathway = pathways.require(pathwayId);
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(pathwayId.toString())
                    .setVariablesLocal(new java.util.HashMap<>(payload))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw ProblemException.conflict("pathway " + pathwayId + " is in phase " + pathway.phase()
                    + " and does not take " + message + " now");
        }
    }
}
