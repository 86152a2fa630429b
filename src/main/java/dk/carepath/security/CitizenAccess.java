package dk.carepath.security;

import dk.carepath.region.OrganisationKind;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.web.ProblemException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Decides, for the acting user, what of a citizen's data she may see: the one place every
 * endpoint with citizen data asks. A membership (organisation × role) reaches the citizens its
 * organisation serves — a clinic the citizens of its pathways (running or ended) and of the
 * responsibility it holds, a municipality its own citizens and those it monitors, a GP practice
 * its listed patients, a service center or region the citizens of its region — and shows of them
 * what {@link AccessPolicy} gives the role.
 *
 * <p>A refusal never tells whether the citizen exists: 404 when the user's roles could see such
 * data but not of this citizen, 403 when none of her roles may ever see it.
 */
@Service
public class CitizenAccess {

    private final CurrentUser user;
    private final ObjectProvider<CareTies> ties;
    private final Organisations organisations;

    CitizenAccess(CurrentUser user, ObjectProvider<CareTies> ties, Organisations organisations) {
        this.user = user;
        this.ties = ties;
        this.organisations = organisations;
    }

    /** What the acting user may see of this citizen (empty: nothing, or no such citizen). */
    public Set<CitizenData> of(UUID citizenId) {
        Set<CitizenData> seen = EnumSet.noneOf(CitizenData.class);
        Optional<CareTies.Ties> found = citizenId == null ? Optional.empty() : ties.getObject().of(citizenId);
        if (found.isEmpty()) {
            return seen;
        }
        for (Membership membership : user.memberships()) {
            Set<CitizenData> role = AccessPolicy.sees(membership.role());
            if (!role.isEmpty() && !seen.containsAll(role) && serves(membership.organisationId(), found.get())) {
                seen.addAll(role);
            }
        }
        return seen;
    }

    public boolean may(UUID citizenId, CitizenData data) {
        return of(citizenId).contains(data);
    }

    /**
     * Lets the request on if the user may see any of these kinds of data of the citizen.
     *
     * @throws ProblemException 403 when none of the user's roles ever sees such data, 404 (as for an
     *                          unknown citizen) when it is not a citizen her organisations serve
     */
    public Set<CitizenData> require(UUID citizenId, CitizenData... anyOf) {
        Set<CitizenData> seen = of(citizenId);
        if (Arrays.stream(anyOf).anyMatch(seen::contains)) {
            return seen;
        }
        if (Arrays.stream(anyOf).noneMatch(this::mayEver)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "your role does not see " + describe(anyOf) + " of citizens");
        }
        throw ProblemException.notFound("no citizen with id " + citizenId + " among the citizens your organisation serves");
    }

    /** Whether any of the user's roles sees this kind of data of some citizen. */
    public boolean mayEver(CitizenData data) {
        return user.memberships().stream().anyMatch(m -> AccessPolicy.sees(m.role()).contains(data));
    }

    /** The organisations in which the user holds a role that sees this kind of data: for lists. */
    public Set<String> organisationsSeeing(CitizenData data) {
        Set<String> ids = new LinkedHashSet<>();
        user.memberships().stream().filter(m -> AccessPolicy.sees(m.role()).contains(data))
                .forEach(m -> ids.add(m.organisationId()));
        return ids;
    }

    private boolean serves(String organisationId, CareTies.Ties citizen) {
        if (citizen.responsible().contains(organisationId)) {
            return true;
        }
        Optional<OrganisationView> organisation = organisations.find(organisationId);
        if (organisation.isEmpty()) {
            return false;
        }
        OrganisationKind kind = organisation.get().kind();
        return switch (kind) {
            case CLINIC -> citizen.clinics().contains(organisationId);
            case MUNICIPALITY -> organisationId.equals(citizen.municipality());
            case GP_PRACTICE -> organisationId.equals(citizen.gpPractice());
            case SERVICE_CENTER, REGION -> citizen.regions().contains(organisation.get().region());
        };
    }

    private static String describe(CitizenData... data) {
        return String.join(" or ", Arrays.stream(data).map(d -> d.name().toLowerCase().replace('_', ' ')).toList());
    }
}
