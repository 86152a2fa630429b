package dk.carepath.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may deploy for which region. Camunda's tenant check is off (docs/regions.md, "Tenants"): the
 * authorizations already scope every user by organisation, and a tenant membership per organisation ×
 * role would be a second copy of them. What the tenant check would still have guarded is a deployment
 * into another region's tenant, so this pre-deployer guards it: a deployment made by a person (the
 * Modeler's or Cockpit's deployment through the engine's REST API, where Camunda knows who is
 * authenticated) must name a region as its tenant, and the person must be that region's process owner
 * (or camunda-admin). Carepath's own deployments (start-up, {@link RegionModels}'s rollback) run with
 * no engine authentication and are not asked.
 */
@Component
class TenantDeploymentGuard extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Stewardship> stewardship;
    private final ObjectProvider<Regions> regions;

    TenantDeploymentGuard(ObjectProvider<Stewardship> stewardship, ObjectProvider<Regions> regions) {
        this.stewardship = stewardship;
        this.regions = regions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(0, new Guard(configuration));
    }

    private final class Guard implements Deployer {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            Authentication person = configuration.getIdentityService().getCurrentAuthentication();
            if (person == null) {
                return; // Carepath's own deployment
            }
            String tenant = deployment.getTenantId();
            if (tenant == null || tenant.isBlank()) {
                throw new BadUserRequestException("A deployment names the region it is for as its tenant-id (" + regionIds()
                        + "); without one it would run in no region / En udrulning skal angive regionen som tenant-id (" + regionIds() + ")");
            }
            if (regions.getObject().find(tenant).isEmpty()) {
                throw new BadUserRequestException("tenant-id '" + tenant + "' is no region in use (" + regionIds()
                        + ") / tenant-id '" + tenant + "' er ikke en region i brug (" + regionIds() + ")");
            }
            List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
            if (groups.contains("camunda-admin")) {
                return;
            }
            Set<String> own = stewardship.getObject().regionsOfCurrentUser();
            if (!own.contains(tenant)) {
                throw new AuthorizationException("only a process owner of region " + tenant + " deploys models for it; "
                        + person.getUserId() + " is process owner of " + (own.isEmpty() ? "no region" : String.join(", ", own))
                        + " / kun regionens procesejer kan udrulle modeller for " + tenant);
            }
        }

        private List<String> regionIds() {
            return regions.getObject().all().stream().map(RegionPack::id).toList();
        }
    }
}
