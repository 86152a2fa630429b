package dk.carepath.engine;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/** A task action lost a race with another user's (a claim, a completion): 409, not a server error. */
final class EngineConflicts {

    private EngineConflicts() {
    }

    /** The Danish explanation if the error is a lost race, else null. */
    static String in(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof TaskAlreadyClaimedException claimed) {
                return "Opgaven er allerede taget af " + claimed.getTaskAssignee();
            }
            if (t instanceof OptimisticLockingException) {
                return "En anden har netop ændret opgaven; hent den igen";
            }
        }
        return null;
    }
}
