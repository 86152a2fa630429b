package dk.carepath.region;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import dk.carepath.web.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process owner changes her region's pack without a restart: the new text is checked as
 * completely as a shipped file, kept as a new version, put in use at once, its organisations
 * written to the register, and audited; undo puts the previous version back as a newer one.
 */
@Service
public class RegionChanges {

    /** the largest pack text accepted (the shipped ones are about 4 KB) */
    static final int MAX_TEXT = 200_000;

    private final Regions regions;
    private final RegionPackVersions versions;
    private final Organisations organisations;
    private final Stewardship stewardship;
    private final AuditTrail audit;
    private final Clock clock;

    RegionChanges(Regions regions, RegionPackVersions versions, Organisations organisations, Stewardship stewardship, AuditTrail audit,
                  Clock clock) {
        this.regions = regions;
        this.versions = versions;
        this.organisations = organisations;
        this.stewardship = stewardship;
        this.audit = audit;
        this.clock = clock;
    }

    /** At start: the latest version each region's process owner made is in use over the shipped file. */
    @Transactional(readOnly = true)
    public void useLatestVersions() {
        for (RegionPack shipped : regions.all()) {
            versions.latest(shipped.id()).ifPresent(latest -> {
                RegionPacks.Read read = regions.check(file(shipped.id()), folder(shipped.id()), latest.yaml());
                if (read.usable()) {
                    regions.use(read.pack(), latest.yaml());
                }
            });
        }
    }

    /**
     * @return the version now in use
     * @throws InvalidRequestException with every problem of the text, by field; nothing is changed
     */
    @Transactional
    public int change(String region, String text, String reason) {
        requireSteward(region);
        requireReason(reason);
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("body", "the region pack as YAML (regions/<id>/region.yaml) is required");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalidField("body", "at most " + MAX_TEXT + " characters");
        }
        RegionPacks.Read read = regions.check(file(region), folder(region), text);
        if (!read.usable()) {
            throw new InvalidRequestException(read.problems().stream()
                    .map(p -> new FieldProblem(p.field(), p.english() + " / " + p.danish())).toList());
        }
        return store(region, read.pack(), text, reason);
    }

    /** Puts the version before the one in use back, as a new version. */
    @Transactional
    public int undo(String region, String reason) {
        requireSteward(region);
        requireReason(reason);
        List<RegionPackVersions.Version> all = versions.of(region);
        if (all.isEmpty()) {
            throw ProblemException.conflict("region " + region + " is as shipped: there is no change to undo");
        }
        RegionPackVersions.Version current = all.get(all.size() - 1);
        String previous = all.size() >= 2 ? all.get(all.size() - 2).yaml() : regions.shippedText(region)
                .orElseThrow(() -> ProblemException.conflict("the shipped pack of region " + region + " is not in use: nothing to go back to"));
        RegionPacks.Read read = regions.check(file(region), folder(region), previous);
        if (!read.usable()) {
            throw ProblemException.conflict("the previous version of region " + region + " no longer passes the checks: " + read.problems());
        }
        return store(region, read.pack(), previous, "Fortrudt version " + current.version() + ": " + reason);
    }

    private int store(String region, RegionPack pack, String text, String reason) {
        int version = versions.latest(region).map(v -> v.version() + 1).orElse(1);
        try {
            versions.add(new RegionPackVersions.Version(region, version, text, audit.currentActor(), clock.instant(), reason));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ProblemException.conflict("region " + region + " was changed by someone else meanwhile: read it again and repeat your change");
        }
        for (RegionPack.PackOrganisation o : pack.organisations()) {
            organisations.save(o.id(), o.kind(), o.name(), pack.id(), o.mail());
        }
        audit.changed(AuditAction.UPDATE, "region-pack", null, null, "region " + region + " version " + version + ": " + reason);
        // in use once the change is committed: a rolled-back transaction changes nothing
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        regions.use(pack, text);
                    }
                });
        return version;
    }

    private void requireSteward(String region) {
        if (regions.find(region).isEmpty()) {
            throw ProblemException.notFound("no region '" + region + "' in use");
        }
        stewardship.requireOwn(region, "change the pack");
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "is required: it is kept with the version and in the audit log");
        }
        if (reason.length() > 400) {
            throw ProblemException.invalidField("reason", "at most 400 characters");
        }
    }

    static String folder(String region) {
        return region.toLowerCase(Locale.ROOT);
    }

    static String file(String region) {
        return "regions/" + folder(region) + "/region.yaml";
    }

    /** the versions of a region, oldest first (version 0, the shipped file, not among them) */
    @Transactional(readOnly = true)
    public List<RegionPackVersions.Version> history(String region) {
        return versions.of(region);
    }
}
