package dk.carepath.engine;

import dk.carepath.security.CurrentUser;
import dk.carepath.security.Membership;
import dk.carepath.security.Staff;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who a task may be given to. Camunda lets anyone who may work a task claim it for any user id;
 * Carepath does not: a user claims for herself, or for a colleague only if her role may assign
 * (Camunda's {@code TASK_ASSIGN} on the task, which an administrator grants a team lead); and the
 * new assignee must be a user who is a candidate of the task (of its team, or named on it). The
 * engine itself (timers, the move of a task at a handover) is not a user and is not asked.
 */
@Component
class TaskAssignmentGuard extends AbstractProcessEnginePlugin {

    private final ObjectProvider<IdentityService> identity;
    private final ObjectProvider<AuthorizationService> authorizations;
    private final ObjectProvider<Staff> staff;

    TaskAssignmentGuard(ObjectProvider<IdentityService> identity, ObjectProvider<AuthorizationService> authorizations,
                        ObjectProvider<Staff> staff) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.staff = staff;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskAssignmentGuard.this::check);
            }
        });
    }

    void check(DelegateTask task) {
        String assignee = task.getAssignee();
        Authentication acting = identity.getObject().getCurrentAuthentication();
        if (assignee == null || acting == null || acting.getUserId() == null) {
            return;
        }
        List<String> actingGroups = acting.getGroupIds() == null ? List.of() : acting.getGroupIds();
        if (!assignee.equals(acting.getUserId()) && !actingGroups.contains(CurrentUser.CAMUNDA_ADMIN)
                && !authorizations.getObject().isUserAuthorized(acting.getUserId(), actingGroups, TaskPermissions.TASK_ASSIGN,
                Resources.TASK, task.getId())) {
            throw new TaskActionRefused(403, "Du kan kun tage opgaven selv; at give den til en kollega kræver ret til at fordele opgaver");
        }
        if (!staff.getObject().exists(assignee)) {
            throw new TaskActionRefused(422, "Der findes ingen bruger '" + assignee + "'");
        }
        boolean candidate = false;
        for (IdentityLink link : task.getCandidates()) {
            if (assignee.equals(link.getUserId())
                    || link.getGroupId() != null && Membership.ofGroup(link.getGroupId())
                    .map(m -> staff.getObject().isMember(assignee, m)).orElse(false)) {
                candidate = true;
                break;
            }
        }
        if (!candidate) {
            throw new TaskActionRefused(422, "'" + assignee + "' hører ikke til det team, opgaven ligger hos");
        }
    }
}
