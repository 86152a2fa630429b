package dk.carepath.security;

import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.region.Stewardship;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A process owner maintains the organisations of the region she is process owner of. */
@Component
class ProcessOwnerStewardship implements Stewardship {

    private final CurrentUser user;
    private final Organisations organisations;

    ProcessOwnerStewardship(CurrentUser user, Organisations organisations) {
        this.user = user;
        this.organisations = organisations;
    }

    @Override
    public Set<String> regionsOfCurrentUser() {
        Set<String> regions = new LinkedHashSet<>();
        user.organisations(Role.PROCESS_OWNER).forEach(id -> organisations.find(id).map(OrganisationView::region).ifPresent(regions::add));
        return regions;
    }
}
