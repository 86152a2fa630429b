package dk.carepath.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the actor groups and what each may do in Camunda (authorizations are on). A nurse sees
 * in Tasklist only the tasks of her groups (Camunda grants a task's candidate groups access to that
 * task); managers and process owners see pathways in Cockpit; process owners deploy models.
 * Idempotent: runs at every start, adds what is missing, never removes what an admin granted.
 */
@Component
public class ActorAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(ActorAuthorizations.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    ActorAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensure() {
        for (Actors.Group actor : Actors.ALL) {
            if (identity.createGroupQuery().groupId(actor.id()).count() == 0) {
                Group group = identity.newGroup(actor.id());
                group.setName(actor.name());
                group.setType("WORKFLOW");
                identity.saveGroup(group);
                log.info("created actor group {}", actor.id());
            }
        }
        for (String worker : Actors.TASK_WORKERS) {
            grant(worker, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(worker, Resources.FILTER, ANY, Permissions.READ);
            // the definition's name and deployed forms, not its instances
            grant(worker, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(worker, Resources.DEPLOYMENT, ANY, Permissions.READ);
        }
        for (String viewer : List.of(Actors.MANAGER, Actors.PROCESS_OWNER)) {
            grant(viewer, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(viewer, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(viewer, Resources.FILTER, ANY, Permissions.READ);
            grant(viewer, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            grant(viewer, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(viewer, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(viewer, Resources.TASK, ANY, Permissions.READ);
            grant(viewer, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
            grant(viewer, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        }
        warnOfPeopleAsMeasurementSenders();
        // process owners maintain the models: deploy, migrate, repair incidents
        grant(Actors.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant(Actors.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant(Actors.PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, Permissions.ALL);
        grant(Actors.PROCESS_OWNER, Resources.BATCH, ANY, Permissions.ALL);
    }

    /**
     * Before API clients a measurement platform was a Camunda user in a group measurement-sender, which
     * strangers could lock out with wrong passwords. Such a group (left from then) no longer grants
     * the role; its members are named so that the operator gives their platforms API clients.
     */
    private void warnOfPeopleAsMeasurementSenders() {
        List<String> members = identity.createUserQuery().memberOfGroup(Actors.MEASUREMENT_SENDER).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getId).toList();
        if (!members.isEmpty()) {
            log.warn("Camunda users {} are in group {}, which no longer lets anyone send measurements: "
                    + "give their platform an API client (POST /api/clients, see docs/operations.md)", members, Actors.MEASUREMENT_SENDER);
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
        }
    }
}
