package dk.carepath.region;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
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
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which version of each model a region's running process instances are on, and moving them to
 * another version — forward to a new one, or back to the previous — with a dry run first
 * (Camunda's migration validation of the plan) and only the region's own instances. Instances are
 * the region's by their {@code region} variable (docs/regions.md).
 */
@Service
public class RegionModels {

    /** the models every region runs */
    static final List<String> KEYS = List.of("heart-failure-pathway", "citizen-call", "equipment-fault");

    public record DefinitionView(String key, int version, String definitionId, String deploymentId, Instant deployedAt, long running) {
    }

    public record MigrationRequest(String processKey, Integer toVersion, Boolean dryRun, String reason) {
    }

    /** what a migration does, or would do: per source version the instances and the plan's problems */
    public record MigrationReport(String processKey, int toVersion, boolean dryRun, boolean valid, int instances,
                                  List<SourceReport> sources) {
    }

    public record SourceReport(int fromVersion, int instances, List<String> problems) {
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

    /** every version of the region's models, newest first, with how many of the region's instances run on it */
    @Transactional(readOnly = true)
    public List<DefinitionView> versions(String region) {
        requireSteward(region);
        List<DefinitionView> views = new ArrayList<>();
        for (String key : KEYS) {
            for (ProcessDefinition d : repository.createProcessDefinitionQuery().processDefinitionKey(key).orderByProcessDefinitionVersion()
                    .desc().list()) {
                Instant deployed = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult().getDeploymentTime().toInstant();
                views.add(new DefinitionView(key, d.getVersion(), d.getId(), d.getDeploymentId(), deployed, running(d.getId(), region)));
            }
        }
        return views;
    }

    private long running(String definitionId, String region) {
        return runtime.createProcessInstanceQuery().processDefinitionId(definitionId).variableValueEquals("region", region).count();
    }

    /**
     * Moves the region's instances of a model to a version (the latest when none is given); a dry run
     * reports what would move and whether Camunda accepts the plan, and changes nothing. A migration
     * that Camunda refuses for any instance moves none.
     */
    @Transactional
    public MigrationReport migrate(String region, MigrationRequest request) {
        requireSteward(region);
        if (request.processKey() == null || !KEYS.contains(request.processKey())) {
            throw ProblemException.invalidField("processKey", "one of " + KEYS);
        }
        boolean dryRun = request.dryRun() == null || request.dryRun();
        if (!dryRun && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.invalidField("reason", "is required for a migration: it is kept in the audit log");
        }
        var query = repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey());
        ProcessDefinition target = request.toVersion() == null ? query.latestVersion().singleResult()
                : query.processDefinitionVersion(request.toVersion()).singleResult();
        if (target == null) {
            throw ProblemException.unprocessable("toVersion", "no version " + request.toVersion() + " of " + request.processKey());
        }
        Map<ProcessDefinition, List<String>> bySource = new LinkedHashMap<>();
        for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(request.processKey())
                .orderByProcessDefinitionVersion().asc().list()) {
            if (source.getId().equals(target.getId())) {
                continue;
            }
            List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).variableValueEquals("region", region)
                    .list().stream().map(p -> p.getId()).toList();
            if (!ids.isEmpty()) {
                bySource.put(source, ids);
            }
        }
        List<SourceReport> sources = new ArrayList<>();
        boolean valid = true;
        int instances = 0;
        for (var entry : bySource.entrySet()) {
            List<String> problems = new ArrayList<>();
            MigrationPlan plan = null;
            try {
                plan = runtime.createMigrationPlan(entry.getKey().getId(), target.getId()).mapEqualActivities().updateEventTriggers().build();
            } catch (MigrationPlanValidationException e) {
                e.getValidationReport().getInstructionReports().forEach(r -> problems.add(r.getMigrationInstruction() + ": " + r.getFailures()));
                e.getValidationReport().getVariableReports().forEach((name, r) -> problems.add(name + ": " + r.getFailures()));
                if (problems.isEmpty()) problems.add(e.getMessage());
            }
            if (plan != null && !dryRun) {
                try {
                    runtime.newMigration(plan).processInstanceIds(entry.getValue()).execute();
                } catch (MigratingProcessInstanceValidationException e) {
                    throw new ProblemException(HttpStatus.CONFLICT, "processKey", "Camunda refuses to move " + e.getValidationReport()
                            .getProcessInstanceId() + ": " + e.getValidationReport().getFailures() + "; no instance was moved");
                }
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

    private void requireSteward(String region) {
        if (regions.find(region).isEmpty()) {
            throw ProblemException.notFound("no region '" + region + "' in use");
        }
        stewardship.requireOwn(region, "see and move the models");
    }
}
