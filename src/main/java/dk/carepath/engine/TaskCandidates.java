package dk.carepath.engine;

import dk.carepath.security.Membership;
import dk.carepath.security.Staff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps each open task with the team that must act now. A task's candidate groups and users are
 * expressions over the pathway's responsibility ({@code ${team.monitoring(execution)}}); when that
 * responsibility changes (a handover, a new contact person), {@link #refresh} evaluates the task's
 * own expressions again and moves the task: new candidates in, old ones out together with the
 * access Camunda had granted them (Camunda keeps a removed candidate's authorization otherwise),
 * and an assignee who is not of the new team is released. Runs in the caller's transaction.
 *
 * <p>Every task also carries the task variables {@code team}, the Danish name of the team it is with
 * ("Aarhus Kommune – Kommunale sygeplejersker"), which Tasklist shows in the task list, and
 * {@code hasContactPerson}, whether a person is named besides the team (the "Mine borgere" filter).
 *
 * <p>This is the one place that uses the engine's internal task API (a task's definition and its
 * identity links inside a command): the public API cannot re-evaluate a task's candidate expressions.
 */
@Component
public class TaskCandidates {

    private static final Logger log = LoggerFactory.getLogger(TaskCandidates.class);
    public static final String TEAM_VARIABLE = "team";
    /** whether a person (the contact person) is named on the task besides the team: "Mine borgere" reads it */
    public static final String PERSONAL_VARIABLE = "hasContactPerson";

    private final ObjectProvider<ProcessEngine> processEngine;
    private final Staff staff;

    TaskCandidates(ObjectProvider<ProcessEngine> processEngine, Staff staff) {
        this.processEngine = processEngine;
        this.staff = staff;
    }

    /**
     * Moves the open tasks of every process instance whose variable has this value (all processes of
     * one pathway: {@code pathwayId}) to the candidates their models name now. The caller's user need
     * not see those tasks: the move is the engine's, not the user's.
     */
    public void refreshWhere(String variable, String value) {
        var engine = (ProcessEngineConfigurationImpl) processEngine.getObject().getProcessEngineConfiguration();
        engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
            context.disableAuthorizationCheck();
            try {
                List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                        .variableValueEquals(variable, value).list().stream().map(p -> p.getId()).toList();
                for (String processInstanceId : instances) {
                    for (TaskEntity task : context.getTaskManager().findTasksByProcessInstanceId(processInstanceId)) {
                        try {
                            refresh(context, task);
                        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                            // moving the other open tasks is a consequence of the change, not the change: a task whose
                            // candidates cannot be evaluated keeps its candidates, and the user's completion is not lost
                            log.warn("task {} ({}) of process {} keeps its candidates: {}", task.getId(), task.getTaskDefinitionKey(),
                                    processInstanceId, e.getMessage());
                        }
                    }
                }
            } finally {
                context.enableAuthorizationCheck();
            }
            return null;
        });
    }

    private void refresh(CommandContext context, TaskEntity task) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition == null || task.getExecution() == null) {
            return;
        }
        Set<String> groups = evaluate(definition.getCandidateGroupIdExpressions(), task);
        Set<String> users = evaluate(definition.getCandidateUserIdExpressions(), task);
        Set<String> oldGroups = new LinkedHashSet<>();
        Set<String> oldUsers = new LinkedHashSet<>();
        for (IdentityLinkEntity link : new ArrayList<>(task.getIdentityLinks())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    oldGroups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    oldUsers.add(link.getUserId());
                }
            }
        }
        if (oldGroups.equals(groups) && oldUsers.equals(users)) {
            return;
        }
        var authorizations = context.getAuthorizationManager();
        for (String group : oldGroups) {
            if (!groups.contains(group)) {
                task.deleteCandidateGroup(group);
                authorizations.deleteAuthorizationsByResourceIdAndGroupId(Resources.TASK, task.getId(), group);
            }
        }
        for (String user : oldUsers) {
            if (!users.contains(user)) {
                task.deleteCandidateUser(user);
                if (!user.equals(task.getAssignee())) {
                    authorizations.deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), user);
                }
            }
        }
        groups.stream().filter(g -> !oldGroups.contains(g)).forEach(task::addCandidateGroup);
        users.stream().filter(u -> !oldUsers.contains(u)).forEach(task::addCandidateUser);
        String assignee = task.getAssignee();
        if (assignee != null && !users.contains(assignee)
                && groups.stream().map(Membership::ofGroup).flatMap(java.util.Optional::stream).noneMatch(m -> staff.isMember(assignee, m))) {
            task.setAssignee(null);
            authorizations.deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), assignee);
        }
        task.setVariableLocal(TEAM_VARIABLE, teamName(groups));
        task.setVariableLocal(PERSONAL_VARIABLE, !users.isEmpty());
        log.info("task {} ({}) moved from {} to {}", task.getId(), task.getTaskDefinitionKey(), oldGroups, groups);
    }

    private static Set<String> evaluate(Set<Expression> expressions, TaskEntity task) {
        Set<String> ids = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            Object value = expression.getValue(task.getExecution());
            if (value instanceof Collection<?> many) {
                many.stream().map(String::valueOf).forEach(ids::add);
            } else if (value != null) {
                Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
            }
        }
        return ids;
    }

    /** The task's team as people read it; set when a task is created and whenever it moves. */
    void label(DelegateTask task) {
        Set<IdentityLink> candidates = task.getCandidates();
        List<String> groups = candidates.stream().map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
        task.setVariableLocal(TEAM_VARIABLE, teamName(groups));
        task.setVariableLocal(PERSONAL_VARIABLE, candidates.stream().anyMatch(c -> c.getUserId() != null));
    }

    private String teamName(Collection<String> groups) {
        return groups.stream().map(staff::teamName).collect(Collectors.joining(", "));
    }

    /** Labels every user task with its team when it is created. */
    @Component
    static class Plugin extends AbstractProcessEnginePlugin {

        private final ObjectProvider<TaskCandidates> candidates;

        Plugin(ObjectProvider<TaskCandidates> candidates) {
            this.candidates = candidates;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getCustomPostBPMNParseListeners() == null) {
                configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
            }
            configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
                @Override
                public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> candidates.getObject().label(task));
                }
            });
        }
    }
}
