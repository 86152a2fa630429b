package dk.carepath.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;

/** A task action lost a race with another user's (a claim, a completion): 409, not a server error. */
final class EngineConflicts {

    /** how the engine says that a task is not (or no longer) there */
    private static final Pattern MISSING_TASK = Pattern.compile("Cannot find task with id ([0-9A-Za-z-]{1,64})");

    /** how the engine says that it met an execution tree that another commit changed under it */
    static final String STALE_TREE = "ENGINE-03077";

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
            if (t instanceof org.camunda.bpm.engine.ProcessEngineException && t.getMessage() != null
                    && t.getMessage().contains(STALE_TREE)) {
                // two alarms correlated into one pathway at once: the second waited for the pathway's row (the model's
                // "open task?" gateway) and then met the execution tree the first had changed; the client sends it again
                return "En anden ændring af forløbet kom samtidig; send igen";
            }
            if (t instanceof NullValueException && t.getMessage() != null) {
                Matcher missing = MISSING_TASK.matcher(t.getMessage());
                // (inside a transaction, i.e. the engine logging the error as the command fails, it is not looked up:
                // a stale or unknown task id is the client's mistake either way, no fault to log)
                if (missing.find() && (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                        || ended(missing.group(1)))) {
                    return "Opgaven er allerede afsluttet af en anden";
                }
            }
        }
        return null;
    }

    /** a request for an action on one task, in either copy of the engine REST API */
    private static final Pattern TASK_ACTION = Pattern.compile("(?:^|/)task/([0-9A-Za-z-]{1,64})/(claim|unclaim|complete|submit-form|resolve|delegate|assignee)/?$");

    /**
     * The explanation when an action on a task failed because another user's completion ended the task
     * meanwhile: the engine, having read the task before the other commit, may then fail in any way
     * (even with a NullPointerException on the execution tree the other completion removed). Else null.
     */
    static String endedMeanwhile(String path) {
        String task = taskOfAction(path);
        return task != null && ended(task) ? "Opgaven er allerede afsluttet af en anden" : null;
    }

    /** The task an action is on, from the request's path (task/{id}/complete in /engine-rest, engine/default/task/{id}/claim in the webapps'); else null. */
    static String taskOfAction(String path) {
        Matcher action = path == null ? null : TASK_ACTION.matcher(path);
        return action != null && action.find() ? action.group(1) : null;
    }

    /** Whether the task existed and has ended: a completion (or claim) that came after another's completion. */
    private static boolean ended(String taskId) {
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
        if (engine == null) {
            return false;
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the task's own history row, read by id without an authorization check: only whether it ended is told
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            HistoricTaskInstanceEntity task = context.getDbEntityManager().selectById(HistoricTaskInstanceEntity.class, taskId);
            return task != null && task.getEndTime() != null;
        });
    }
}
