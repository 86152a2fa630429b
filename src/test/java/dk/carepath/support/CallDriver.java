package dk.carepath.support;

import dk.carepath.callrouting.CallView;
import dk.carepath.callrouting.CitizenCall;
import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.callrouting.CitizenCalls;
import dk.carepath.callrouting.NewCall;
import dk.carepath.equipment.EquipmentFault;
import dk.carepath.equipment.EquipmentFaults;
import dk.carepath.equipment.FaultView;
import dk.carepath.pathway.Pathways;
import dk.carepath.region.OrganisationKind;
import dk.carepath.region.Organisations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Drives citizen calls and kit faults the way the actors do: the person who answers registers the
 * call, nurses and the service center complete their tasks as users of their groups, and timers
 * and async continuations run where the job executor would.
 */
@TestComponent
public class CallDriver {

    public static final String SERVICE_CENTER = PathwayDriver.SERVICE_CENTER;
    public static final String SERVICE_CENTER_MAIL = PathwayDriver.SERVICE_CENTER_MAIL;

    private final CitizenCalls calls;
    private final EquipmentFaults faults;
    private final Pathways pathways;
    private final PathwayDriver pathwayDriver;
    private final Organisations organisations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;

    CallDriver(CitizenCalls calls, EquipmentFaults faults, Pathways pathways, PathwayDriver pathwayDriver, Organisations organisations,
               RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
        this.calls = calls;
        this.faults = faults;
        this.pathways = pathways;
        this.pathwayDriver = pathwayDriver;
        this.organisations = organisations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    /** A citizen in titration with a kit: their pathway's citizen. */
    public UUID citizenInTitration() {
        return citizenOf(pathwayDriver.inTitration());
    }

    public UUID citizenOf(UUID pathway) {
        return pathways.require(pathway).citizenId();
    }

    /** A municipal nurse answers the citizen's call and handles it at once. */
    public CallView nurseAnswers(UUID citizen, CallReason reason, String message) {
        return register(citizen, AnsweredBy.HEALTH_PROFESSIONAL, "testmunicipalnurse", reason, message);
    }

    /** The front desk answers and registers the message for a call-back. */
    public CallView frontDeskAnswers(UUID citizen, CallReason reason, String message) {
        return register(citizen, AnsweredBy.FRONT_DESK, "testfrontdesk", reason, message);
    }

    private CallView register(UUID citizen, AnsweredBy answeredBy, String user, CallReason reason, String message) {
        CallView call = as(user, () -> calls.register(new NewCall(citizen, answeredBy, user, reason, message, "+45 20 30 40 50",
                ClockUtil.getCurrentTime().toInstant())));
        runJobs(call.id());
        return call;
    }

    public CallView call(UUID id) {
        return calls.find(id).orElseThrow();
    }

    /** A nurse reports the citizen's kit faulty (as after a call to support). */
    public FaultView reportFault(UUID citizen, String description) {
        return as("testnurse", () -> faults.report(citizen, description, "STAFF"));
    }

    public ProcessInstance instance(UUID businessKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey.toString()).singleResult();
    }

    public ProcessInstance callInstance(UUID call) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CitizenCall.KEY).processInstanceBusinessKey(call.toString())
                .singleResult();
    }

    public ProcessInstance faultInstance(UUID fault) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(EquipmentFault.KEY).processInstanceBusinessKey(fault.toString())
                .singleResult();
    }

    public List<Task> openTasks(UUID businessKey, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey.toString()).taskDefinitionKey(taskKey).list();
    }

    public Task task(UUID businessKey, String taskKey) {
        List<Task> open = openTasks(businessKey, taskKey);
        if (open.size() != 1) {
            throw new AssertionError("expected one open " + taskKey + ", found " + open.size());
        }
        return open.get(0);
    }

    /** Completes the one open task of that kind as the user, then runs what follows asynchronously. */
    public void complete(UUID businessKey, String taskKey, String user, Map<String, ?> form) {
        pathwayDriver.complete(task(businessKey, taskKey), user, form);
        runJobs(businessKey);
    }

    public Job timer(UUID businessKey, String activityId) {
        ProcessInstance instance = instance(businessKey);
        return instance == null ? null
                : management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
    }

    public void fireTimer(UUID businessKey, String activityId) {
        Job job = timer(businessKey, activityId);
        if (job == null) {
            throw new AssertionError("no timer " + activityId + " waiting");
        }
        management.executeJob(job.getId());
        runJobs(businessKey);
    }

    /** Runs the async continuations (the contact classification) as the job executor would. */
    public void runJobs(UUID businessKey) {
        ProcessInstance instance = instance(businessKey);
        if (instance == null) {
            return;
        }
        List<Job> jobs;
        int rounds = 0;
        while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list()).isEmpty()) {
            if (++rounds > 50) {
                throw new AssertionError("jobs keep coming: " + jobs);
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** As the API runs it: the user logged in to Spring Security, no Camunda authentication (so no Camunda authorization checks). */
    private <T> T as(String user, java.util.function.Supplier<T> action) {
        List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g.getId())).toList();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, roles));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
