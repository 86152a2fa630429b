package dk.carepath.region;

import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The region packs through the API: every user sees which regions are in use, at which version, and
 * what is wrong with a pack that is not (reference data, no citizen's); a region's process owner
 * changes her region's pack — the YAML of regions/&lt;id&gt;/region.yaml — and undoes her change,
 * without a restart (docs/region-guide.md).
 */
@RestController
@RequestMapping("/api/regions")
class RegionPackController {

    /** a region pack found: in use, or not with its problems */
    record RegionSummary(String id, String name, String file, boolean inUse, int version, String changedBy, Instant changedAt,
                         List<RegionPackProblem> problems) {
    }

    record VersionView(int version, String changedBy, Instant changedAt, String reason) {
    }

    record RegionDetail(String id, String name, int version, String yaml, RegionPack settings, List<VersionView> history) {
    }

    record Changed(String id, int version) {
    }

    record UndoRequest(String reason) {
    }

    private final Regions regions;
    private final RegionChanges changes;
    private final RegionModels models;

    private final ModelDeployments deployments;

    RegionPackController(Regions regions, RegionChanges changes, RegionModels models, ModelDeployments deployments) {
        this.regions = regions;
        this.changes = changes;
        this.models = models;
        this.deployments = deployments;
    }

    /** the shipped models this start-up refused to deploy (their last good versions stay in use) */
    @GetMapping("/refused-models")
    List<ModelDeployments.Refusal> refusedModels() {
        return deployments.refused();
    }

    /** the versions of the region's models and how many of its running instances are on each */
    @GetMapping("/{id}/models")
    List<RegionModels.DefinitionView> models(@PathVariable String id) {
        return models.versions(id);
    }

    /** moves the region's instances of a model to a version: a dry run unless {@code dryRun} is false */
    @PostMapping("/{id}/migrations")
    RegionModels.MigrationReport migrate(@PathVariable String id, @RequestBody RegionModels.MigrationRequest request) {
        return models.migrate(id, request);
    }

    /**
     * rolls the region's latest version of a model back to the previous one (deployed again as the newest, the
     * instances moved onto it): a dry run unless {@code dryRun} is false
     */
    @PostMapping("/{id}/models/{key}/rollback")
    RegionModels.RollbackReport rollback(@PathVariable String id, @PathVariable String key,
                                         @RequestBody(required = false) RegionModels.RollbackRequest request) {
        return models.rollback(id, key, request == null ? new RegionModels.RollbackRequest(null, null) : request);
    }

    @GetMapping
    List<RegionSummary> list() {
        return regions.packs().stream().map(read -> {
            String id = read.pack() == null ? null : read.pack().id();
            boolean inUse = id != null && regions.find(id).isPresent() && read.usable();
            List<RegionPackVersions.Version> history = inUse ? changes.history(id) : List.of();
            RegionPackVersions.Version latest = history.isEmpty() ? null : history.get(history.size() - 1);
            String name = inUse ? regions.require(id).name() : read.pack() == null ? null : read.pack().name();
            return new RegionSummary(id, name, read.file(), inUse, latest == null ? 0 : latest.version(),
                    latest == null ? null : latest.changedBy(), latest == null ? null : latest.changedAt(), read.problems());
        }).toList();
    }

    @GetMapping("/{id}")
    RegionDetail get(@PathVariable String id) {
        RegionPack pack = regions.find(id).orElseThrow(() -> dk.carepath.web.ProblemException.notFound("no region '" + id + "' in use"));
        List<VersionView> history = changes.history(id).stream()
                .map(v -> new VersionView(v.version(), v.changedBy(), v.changedAt(), v.reason())).toList();
        return new RegionDetail(pack.id(), pack.name(), history.isEmpty() ? 0 : history.get(history.size() - 1).version(),
                regions.text(id).orElse(null), pack, history);
    }

    /** the pack as YAML, as its process owner edits it */
    @PutMapping(path = "/{id}", consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    Changed put(@PathVariable String id, @RequestParam(required = false) String reason, @RequestBody(required = false) String yaml) {
        return new Changed(id, changes.change(id, yaml, reason));
    }

    @PostMapping("/{id}/undo")
    Changed undo(@PathVariable String id, @RequestBody(required = false) UndoRequest request) {
        return new Changed(id, changes.undo(id, request == null ? null : request.reason()));
    }
}
