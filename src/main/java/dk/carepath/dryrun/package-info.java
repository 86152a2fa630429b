/**
 * A process owner's dry run of a test citizen: what her region's pack, the deployed models and the
 * rules would do with a referral (path, teams, thresholds, advice, letters), computed without
 * writing anything (docs/region-guide.md, "Try a test citizen").
 */
@ApplicationModule(displayName = "Dry run", allowedDependencies = {"equipment", "measurement", "pathway", "region", "rules", "security", "web", "worklist"})
package dk.carepath.dryrun;

import org.springframework.modulith.ApplicationModule;
