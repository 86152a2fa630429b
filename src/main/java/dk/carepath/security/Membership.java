package dk.carepath.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user's role in one organisation: the Camunda group {@code <organisation id>.<role id>}, e.g.
 * {@code kommune-751.municipal-nurse} for the municipal nurses of Aarhus. Tasks go to such groups,
 * never to a role for the whole country.
 */
public record Membership(String organisationId, Role role) {

    /** organisation ids are lower-case letters, digits and hyphens (see the organisation API) */
    static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public Membership {
        if (organisationId == null || !ORGANISATION_ID.matcher(organisationId).matches()) {
            throw new IllegalArgumentException("not an organisation id: " + organisationId);
        }
        if (role == null) {
            throw new IllegalArgumentException("a membership has a role");
        }
    }

    public String groupId() {
        return organisationId + "." + role.id();
    }

    /** The membership a group id stands for; empty for groups that are not organisation × role (camunda-admin). */
    public static Optional<Membership> ofGroup(String groupId) {
        int dot = groupId == null ? -1 : groupId.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String organisation = groupId.substring(0, dot);
        return Role.byId(groupId.substring(dot + 1))
                .filter(r -> ORGANISATION_ID.matcher(organisation).matches())
                .map(role -> new Membership(organisation, role));
    }

    @Override
    public String toString() {
        return groupId();
    }
}
