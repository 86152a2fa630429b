package dk.carepath.security;

import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is to Carepath: the organisations she works in and her role in each. */
@RestController
class MeController {

    private final CurrentUser user;
    private final Staff staff;
    private final Organisations organisations;

    MeController(CurrentUser user, Staff staff, Organisations organisations) {
        this.user = user;
        this.staff = staff;
        this.organisations = organisations;
    }

    record MembershipView(String organisationId, String organisationName, String role, String roleName, String groupId,
                          String team) {
    }

    record Me(String userId, String name, boolean administrator, List<MembershipView> memberships) {
    }

    @GetMapping("/api/me")
    Me me() {
        String id = user.id().orElseThrow();
        List<MembershipView> memberships = user.memberships().stream().map(m -> {
            String name = organisations.find(m.organisationId()).map(OrganisationView::name).orElse(m.organisationId());
            return new MembershipView(m.organisationId(), name, m.role().id(), m.role().danish(), m.groupId(), staff.teamName(m.groupId()));
        }).toList();
        return new Me(id, staff.nameOf(id).orElse(id), user.isAdmin(), memberships);
    }
}
