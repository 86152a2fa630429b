package dk.carepath.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task action the engine's own authorizations would let through but Carepath's rules do not: a
 * claim for somebody else by a user whose role may not assign, or for a user who is not a
 * candidate. Answered by the engine REST API with its HTTP status and the Danish reason.
 */
class TaskActionRefused extends ProcessEngineException {

    private final int status;

    TaskActionRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The refusal somewhere in a chain of causes, if any. */
    public static TaskActionRefused in(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TaskActionRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
