package dk.carepath.region;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start: the packs as their process owners last changed them are put in use, and the organisations of every
 * pack in use are written to the register (before the demo data, which uses them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegionOrganisations implements ApplicationRunner {

    private final Regions regions;
    private final Organisations organisations;
    private final RegionChanges changes;

    RegionOrganisations(Regions regions, Organisations organisations, RegionChanges changes) {
        this.regions = regions;
        this.organisations = organisations;
        this.changes = changes;
    }

    @Override
    public void run(ApplicationArguments args) {
        changes.useLatestVersions();
        for (RegionPack pack : regions.all()) {
            for (RegionPack.PackOrganisation o : pack.organisations()) {
                organisations.save(o.id(), o.kind(), o.name(), pack.id(), o.mail());
            }
        }
    }
}
