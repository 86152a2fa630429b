package dk.carepath.security;

import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The organisations a manager oversees: her own organisation, or every organisation of her region
 * when she manages at the region. Figures, the access log and the authorisation review are scoped
 * to them (a municipality's manager sees her municipality, a department's manager her department).
 */
@Service
public class Oversight {

    private final CurrentUser user;
    private final Organisations organisations;

    Oversight(CurrentUser user, Organisations organisations) {
        this.user = user;
        this.organisations = organisations;
    }

    /** The organisations the acting user oversees as a manager (none if she is no manager). */
    public List<OrganisationView> overseen() {
        Map<String, OrganisationView> overseen = new LinkedHashMap<>();
        for (String id : user.organisations(Role.MANAGER)) {
            overseenBy(id).forEach(o -> overseen.put(o.id(), o));
        }
        return List.copyOf(overseen.values());
    }

    /** The organisations a manager of this organisation oversees: it, or every organisation of its region for a region. */
    public List<OrganisationView> overseenBy(String organisationId) {
        return organisations.find(organisationId).map(own -> own.kind() == OrganisationKind.REGION
                ? organisations.inRegion(own.region()) : List.of(own)).orElse(List.of());
    }

    public List<String> overseen(OrganisationKind kind) {
        return overseen().stream().filter(o -> o.kind() == kind).map(OrganisationView::id).toList();
    }
}
