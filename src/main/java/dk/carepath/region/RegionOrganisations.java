package dk.carepath.region;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, the organisations of every region pack in use are written to the register (before the demo data, which uses them). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegionOrganisations implements ApplicationRunner {

    private final Regions regions;
    private final Organisations organisations;

    RegionOrganisations(Regions regions, Organisations organisations) {
        this.regions = regions;
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (RegionPack pack : regions.all()) {
            for (RegionPack.PackOrganisation o : pack.organisations()) {
                organisations.save(o.id(), o.kind(), o.name(), pack.id(), o.mail());
            }
        }
    }
}
