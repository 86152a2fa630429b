package dk.carepath.dryrun;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/regions/{id}/dry-run}: a referral of a test citizen, run through the region's pack,
 * the deployed models and the rules without writing anything; for the region's own process owners.
 */
@RestController
class DryRunController {

    private final DryRuns dryRuns;

    DryRunController(DryRuns dryRuns) {
        this.dryRuns = dryRuns;
    }

    @PostMapping("/api/regions/{id}/dry-run")
    DryRunResult dryRun(@PathVariable String id, @Valid @RequestBody DryRunRequest request) {
        return dryRuns.run(id, request);
    }
}
