package dk.carepath.region;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which version of each model a region's running process instances are on, and moving them to
 * another version — forward to a new one, or back to the previous — with a dry run first
 * (Camunda's migration validation of the plan). Only the region's own: its versions are those of its
 * tenant (tenant id = region id, {@link ModelDeployments}); instances of the shared definitions that ran
 * before regions had tenants are listed too, as the region's by their {@code region} variable.
 */
@Service
public class RegionModels {

    /** the models every region runs */
    static final List<String> KEYS = List.of("heart-failure-pathway", "citizen-call", "equipment-fault");

    /** @param tenantId the region's, or null for a shared definition from before regions had tenants */
    public record DefinitionView(String key, int version, String tenantId, String definitionId, String deploymentId, Instant deployedAt,
                                 String source, long running) {
    }

    public record MigrationRequest(String processKey, Integer toVersion, Boolean dryRun, String reason) {
    }

    /** what a migration does, or would do: per source version the instances and the plan's problems */
    public record MigrationReport(String processKey, int toVersion, boolean dryRun, boolean valid, int instances,
                                  List<SourceReport> sources) {
    }

    public record SourceReport(int fromVersion, int instances, List<String> problems) {
    }

    public record RollbackRequest(Boolean dryRun, String reason) {
    }

    /**
     * A rollback: the previous version's files deployed again as the newest version ({@code newVersion}; null in a
     * dry run), so that new instances start it, and the instances of the version rolled back moved onto it.
     */
    public record RollbackReport(String processKey, int fromVersion, int previousVersion, Integer newVersion, boolean dryRun, boolean valid,
                                 int instances, List<String> problems) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final Regions regions;
    private final Stewardship stewardship;
    private final AuditTrail audit;

    RegionModels(RepositoryService repository, RuntimeService runtime, Regions regions, Stewardship stewardship, AuditTrail audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.regions = regions;
        this.stewardship = stewardship;
        this.audit = audit;
    }

    /** the region's versions of a model: its tenant's (and the shared ones from before tenants), newest first */
    private ProcessDefinitionQuery definitions(String region, String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(region).includeProcessDefinitionsWithoutTenantId();
    }

    /** the version a new instance of the region starts: the latest of its tenant */
    private ProcessDefinition latest(String region, String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(region).latestVersion().singleResult();
    }

    /** every version of the region's models, newest first, with how many of the region's instances run on it */
    @Transactional(readOnly = true)
    public List<DefinitionView> versions(String region) {
        requireSteward(region);
        List<DefinitionView> views = new ArrayList<>();
        for (String key : KEYS) {
            List<DefinitionView> shared = new ArrayList<>();
            for (ProcessDefinition d : definitions(region, key).orderByTenantId().asc().orderByProcessDefinitionVersion().desc().list()) {
                Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
                long running = running(d, region);
                DefinitionView view = new DefinitionView(key, d.getVersion(), d.getTenantId(), d.getId(), d.getDeploymentId(),
                        deployment.getDeploymentTime().toInstant(), deployment.getSource(), running);
                if (d.getTenantId() != null) {
                    views.add(view);
                } else if (running > 0) {
                    shared.add(view); // a shared version no instance of the region runs on is not the region's
                }
            }
            views.addAll(shared);
        }
        return views;
    }

    private long running(ProcessDefinition definition, String region) {
        var query = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
        return (definition.getTenantId() == null ? query.variableValueEquals("region", region) : query).count();
    }

    private List<String> instancesOn(ProcessDefinition definition, String region) {
        var query = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
        return (definition.getTenantId() == null ? query.variableValueEquals("region", region) : query).list().stream()
                .map(p -> p.getId()).toList();
    }

    /**
     * Moves the region's instances of a model to a version of its tenant (the latest when none is given); a dry
     * run reports what would move and whether Camunda accepts the plan, and changes nothing. A migration that
     * Camunda refuses for any instance moves none.
     */
    @Transactional
    public MigrationReport migrate(String region, MigrationRequest request) {
        requireSteward(region);
        requireKey(request.processKey());
        boolean dryRun = request.dryRun() == null || request.dryRun();
        requireReason(dryRun, request.reason());
        ProcessDefinition target = request.toVersion() == null ? latest(region, request.processKey())
                : repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey()).tenantIdIn(region)
                        .processDefinitionVersion(request.toVersion()).singleResult();
        if (target == null) {
            throw ProblemException.unprocessable("toVersion", "region " + region + " has no version " + request.toVersion() + " of "
                    + request.processKey());
        }
        Map<ProcessDefinition, List<String>> bySource = new LinkedHashMap<>();
        for (ProcessDefinition source : definitions(region, request.processKey()).orderByProcessDefinitionVersion().asc().list()) {
            if (source.getId().equals(target.getId())) {
                continue;
            }
            List<String> ids = instancesOn(source, region);
            if (!ids.isEmpty()) {
                bySource.put(source, ids);
            }
        }
        List<SourceReport> sources = new ArrayList<>();
        boolean valid = true;
        int instances = 0;
        for (var entry : bySource.entrySet()) {
            List<String> problems = new ArrayList<>();
            MigrationPlan plan = plan(entry.getKey(), target, problems);
            if (plan != null && !dryRun) {
                move(plan, entry.getValue());
            }
            valid &= problems.isEmpty();
            instances += entry.getValue().size();
            sources.add(new SourceReport(entry.getKey().getVersion(), entry.getValue().size(), problems));
        }
        if (!valid && !dryRun) {
            throw new ProblemException(HttpStatus.CONFLICT, "toVersion", "the migration plan is not valid: " + sources + "; no instance was moved");
        }
        if (!dryRun) {
            audit.changed(AuditAction.UPDATE, "process-migration", null, null, "region " + region + ": " + instances + " instance(s) of "
                    + request.processKey() + " moved to version " + target.getVersion() + ": " + request.reason());
        }
        return new MigrationReport(request.processKey(), target.getVersion(), dryRun, valid, instances, sources);
    }

    /**
     * Rolls the region's latest version of a model back to the one before it: the previous version's files (its
     * model, forms and rules) are deployed again as the newest version of the region's tenant, so that new
     * instances start it, and the instances on the version rolled back move onto it. A dry run deploys nothing
     * and reports whether Camunda accepts moving them to the previous version; nothing happens where Camunda
     * refuses any instance. Other regions are not touched: their versions are their tenants'.
     */
    @Transactional
    public RollbackReport rollback(String region, String processKey, RollbackRequest request) {
        requireSteward(region);
        requireKey(processKey);
        boolean dryRun = request.dryRun() == null || request.dryRun();
        requireReason(dryRun, request.reason());
        ProcessDefinition latest = latest(region, processKey);
        ProcessDefinition previous = latest == null ? null : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .tenantIdIn(region).processDefinitionVersion(latest.getVersion() - 1).singleResult();
        if (previous == null) {
            throw ProblemException.conflict("region " + region + " has no version of " + processKey + " before "
                    + (latest == null ? "none" : "version " + latest.getVersion()) + " to roll back to");
        }
        List<String> ids = instancesOn(latest, region);
        List<String> problems = new ArrayList<>();
        MigrationPlan plan = plan(latest, previous, problems);
        if (dryRun) {
            return new RollbackReport(processKey, latest.getVersion(), previous.getVersion(), null, true, problems.isEmpty(), ids.size(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "processKey", "Camunda refuses the plan from version " + latest.getVersion()
                    + " to " + previous.getVersion() + ": " + problems + "; nothing was rolled back");
        }
        ProcessDefinition restored = redeploy(previous, region, request.reason());
        if (!ids.isEmpty()) {
            move(runtime.createMigrationPlan(latest.getId(), restored.getId()).mapEqualActivities().updateEventTriggers().build(), ids);
        }
        audit.changed(AuditAction.UPDATE, "process-rollback", null, null, "region " + region + ": " + processKey + " version "
                + latest.getVersion() + " rolled back to version " + previous.getVersion() + " (deployed again as version "
                + restored.getVersion() + "), " + ids.size() + " instance(s) moved: " + request.reason());
        return new RollbackReport(processKey, latest.getVersion(), previous.getVersion(), restored.getVersion(), false, true, ids.size(), List.of());
    }

    /** the definition's deployment once more, as the newest of the tenant (same name, so a start-up's duplicate check compares with it) */
    private ProcessDefinition redeploy(ProcessDefinition previous, String region, String reason) {
        Deployment old = repository.createDeploymentQuery().deploymentId(previous.getDeploymentId()).singleResult();
        DeploymentBuilder again = repository.createDeployment().name(old.getName()).tenantId(region).source("rollback")
                .enableDuplicateFiltering(false);
        for (String name : repository.getDeploymentResourceNames(old.getId())) {
            try (InputStream in = repository.getResourceAsStream(old.getId(), name)) {
                again.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + name + " of deployment " + old.getId(), e);
            }
        }
        String id = again.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey(previous.getKey()).singleResult();
    }

    /** the plan Camunda validates (equal activities mapped), or null with its problems added */
    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<String> problems) {
        try {
            return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            e.getValidationReport().getInstructionReports().forEach(r -> problems.add(r.getMigrationInstruction() + ": " + r.getFailures()));
            e.getValidationReport().getVariableReports().forEach((name, r) -> problems.add(name + ": " + r.getFailures()));
            if (problems.isEmpty()) problems.add(e.getMessage());
            return null;
        } catch (org.camunda.bpm.engine.ProcessEngineException e) {
            problems.add(e.getMessage()); // e.g. another tenant's definition
            return null;
        }
    }

    private void move(MigrationPlan plan, List<String> ids) {
        try {
            runtime.newMigration(plan).processInstanceIds(ids).execute();
        } catch (MigratingProcessInstanceValidationException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "processKey", "Camunda refuses to move " + e.getValidationReport()
                    .getProcessInstanceId() + ": " + e.getValidationReport().getFailures() + "; no instance was moved");
        }
    }

    private static void requireKey(String key) {
        if (key == null || !KEYS.contains(key)) {
            throw ProblemException.invalidField("processKey", "one of " + KEYS);
        }
    }

    private static void requireReason(boolean dryRun, String reason) {
        if (!dryRun && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "is required for a migration: it is kept in the audit log");
        }
    }

    private void requireSteward(String region) {
        if (regions.find(region).isEmpty()) {
            throw ProblemException.notFound("no region '" + region + "' in use");
        }
        stewardship.requireOwn(region, "see and move the models");
    }
}
