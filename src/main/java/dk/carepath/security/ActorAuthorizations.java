package dk.carepath.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What each organisation × role group may do in Camunda (authorizations are on). A task's
 * candidate groups get that task from Camunda itself (read it, work it, read its variables); the
 * grants here are what a role needs besides: Tasklist and the shared filters for those who work
 * tasks; Cockpit for managers and process owners, with instances and history but <em>no variables</em>
 * (variable permissions are enforced: process data is citizen data); deploying and repairing
 * models for process owners.
 *
 * <p>Administrators add groups in Camunda Admin at any time, so this runs at start and every minute
 * for every group whose id is an organisation × role ({@code kommune-751.municipal-nurse}), adding
 * what is missing and never removing what an admin granted.
 */
@Component
public class ActorAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(ActorAuthorizations.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    /** the groups seen since start: each is granted once per node, not every minute */
    private final java.util.Set<String> granted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean warned;

    ActorAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    public void ensure() {
        for (Group group : identity.createGroupQuery().list()) {
            if (!granted.contains(group.getId())) {
                Optional<Membership> membership = Membership.ofGroup(group.getId());
                membership.ifPresent(m -> grant(group.getId(), m.role()));
                granted.add(group.getId());
            }
        }
        if (!warned) {
            warnOfPeopleAsMeasurementSenders();
            warned = true;
        }
    }

    /** The grants of one organisation × role group; idempotent. */
    public void grant(String group, Role role) {
        granted.add(group);
        if (role.worksTasks()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            // the definition's name and its deployed forms, not its instances
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        if (role == Role.MANAGER || role == Role.PROCESS_OWNER) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            // where pathways are and how many, not what they hold: no *_VARIABLE permission
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        }
        if (role == Role.PROCESS_OWNER) {
            // maintain the models: deploy, migrate, repair incidents and jobs; still no variables
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.UPDATE, Permissions.DELETE,
                    ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                    ProcessDefinitionPermissions.RETRY_JOB);
            grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.RETRY_JOB, ProcessInstancePermissions.SUSPEND);
            grant(group, Resources.BATCH, ANY, Permissions.READ, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                    Permissions.DELETE, Permissions.READ_HISTORY);
        }
    }

    /**
     * Before API clients a measurement platform was a Camunda user in a group measurement-sender, which
     * strangers could lock out with wrong passwords. Such a group (left from then) no longer grants
     * the role; its members are named so that the operator gives their platforms API clients.
     */
    private void warnOfPeopleAsMeasurementSenders() {
        List<String> members = identity.createUserQuery().memberOfGroup(Role.MEASUREMENT_SENDER.id()).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).toList();
        if (!members.isEmpty()) {
            log.warn("Camunda users {} are in group {}, which no longer lets anyone send measurements: "
                    + "give their platform an API client (POST /api/clients, see docs/operations.md)", members, Role.MEASUREMENT_SENDER.id());
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
            log.info("granted {} {} on {} {}", group, List.of(permissions), resource.resourceName(), resourceId);
        }
    }
}
