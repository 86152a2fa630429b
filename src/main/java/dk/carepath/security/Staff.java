package dk.carepath.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dk.carepath.region.Organisations;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * The staff directory: who belongs to which organisation in which role. Kept in Camunda's identity
 * service (users and one group per organisation × role), which administrators maintain in Camunda
 * Admin; this is the one place Carepath reads and writes it.
 */
@Service
public class Staff {

    /** Camunda's group type for the organisation × role groups (Camunda Admin shows it) */
    static final String GROUP_TYPE = "WORKFLOW";

    private final IdentityService identity;
    private final Organisations organisations;
    private final ActorAuthorizations authorizations;

    Staff(IdentityService identity, Organisations organisations, ActorAuthorizations authorizations) {
        this.identity = identity;
        this.organisations = organisations;
        this.authorizations = authorizations;
    }

    public record Member(String userId, String name) {
    }

    /** A user's memberships (organisation × role); groups of other shapes (camunda-admin) are left out. */
    public Set<Membership> membershipsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).map(Membership::ofGroup)
                .flatMap(Optional::stream).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public boolean isMember(String userId, Membership membership) {
        return identity.createUserQuery().userId(userId).memberOfGroup(membership.groupId()).count() > 0;
    }

    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    public Optional<String> nameOf(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return Optional.ofNullable(user).map(Staff::name);
    }

    public List<Member> membersOf(Membership membership) {
        return identity.createUserQuery().memberOfGroup(membership.groupId()).orderByUserLastName().asc().list().stream()
                .map(u -> new Member(u.getId(), name(u))).toList();
    }

    /**
     * Puts the user into the organisation in that role, creating the organisation × role group
     * (named in Danish for Camunda Admin) when it is the first member.
     *
     * @param organisationName shown in the group's name, e.g. "Aarhus Kommune"
     */
    public void enrol(String userId, Membership membership, String organisationName) {
        ensureGroup(membership, organisationName);
        if (!isMember(userId, membership)) {
            identity.createMembership(userId, membership.groupId());
        }
    }

    /** Creates the organisation × role group, with what its role may do in Camunda, if it does not exist. */
    public void ensureGroup(Membership membership, String organisationName) {
        if (identity.createGroupQuery().groupId(membership.groupId()).count() == 0) {
            Group group = identity.newGroup(membership.groupId());
            group.setName(groupName(membership, organisationName));
            group.setType(GROUP_TYPE);
            identity.saveGroup(group);
            authorizations.grant(membership.groupId(), membership.role());
        }
    }

    /** "Aarhus Kommune – Kommunale sygeplejersker": how a task's team is shown to people. */
    public static String groupName(Membership membership, String organisationName) {
        return organisationName + " – " + membership.role().danish();
    }

    /**
     * The Danish name of an organisation × role group as Camunda Admin holds it; for a team without
     * members yet, made from the organisation's name and the role.
     */
    public String teamName(String groupId) {
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        if (group != null && group.getName() != null) {
            return group.getName();
        }
        return Membership.ofGroup(groupId)
                .map(m -> groupName(m, organisations.find(m.organisationId()).map(o -> o.name()).orElse(m.organisationId())))
                .orElse(groupId);
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
