package dk.carepath.governance;

import java.time.Clock;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.AccessPolicy;
import dk.carepath.security.CitizenData;
import dk.carepath.security.CurrentUser;
import dk.carepath.security.Membership;
import dk.carepath.security.Oversight;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorisation review [002 Bilag 2]: twice a year, per municipality or hospital department,
 * who has access to citizen data and what access, when each last used it, and what the access log
 * shows for the period; a manager who oversees the organisation reviews it and signs it off. The
 * sign-off is kept and is itself in the access log.
 */
@Service
class AccessReviews {

    /** how far back a review looks by default: half a year, as it is made twice a year */
    static final int DEFAULT_MONTHS = 6;

    private final Organisations organisations;
    private final Staff staff;
    private final Oversight oversight;
    private final AuditTrail audit;
    private final CurrentUser user;
    private final SignOffRepository signOffs;
    private final ZoneId zone;

    private final Clock clock;

    AccessReviews(Organisations organisations, Staff staff, Oversight oversight, AuditTrail audit, CurrentUser user,
                  SignOffRepository signOffs, @Value("${carepath.zone}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.staff = staff;
        this.oversight = oversight;
        this.audit = audit;
        this.user = user;
        this.signOffs = signOffs;
        this.zone = zone;
    }

    /** One member of the organisation: her role, what it sees, and her use of it. */
    public record Member(String userId, String name, Role role, String roleName, String groupId, List<String> access,
                         Instant lastUse, long reads, long changes, long citizens) {
    }

    public record Access(String resource, AuditAction action, long entries, long citizens) {
    }

    public record SignOffView(long id, LocalDate from, LocalDate to, String signedBy, Instant signedAt, int members, long reads,
                              long changes, String note) {
    }

    public record Review(OrganisationView organisation, LocalDate from, LocalDate to, List<Member> members, long reads,
                         long changes, List<Access> accesses, List<SignOffView> signOffs) {
    }

    /** The organisations the acting manager may review. */
    public List<OrganisationView> reviewable() {
        return oversight.overseen();
    }

    /**
     * @param from first day of the period (default: six months before {@code to})
     * @param to   last day of the period, included (default: today)
     * @throws ProblemException 404 for an organisation the manager does not oversee
     */
    @Transactional(readOnly = true)
    public Review review(String organisationId, LocalDate from, LocalDate to) {
        OrganisationView organisation = overseen(organisationId);
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate start = from == null ? end.minusMonths(DEFAULT_MONTHS) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        Instant since = start.atStartOfDay(zone).toInstant();
        Instant until = end.plusDays(1).atStartOfDay(zone).toInstant();
        List<Member> members = new ArrayList<>();
        List<Membership> teams = Arrays.stream(Role.values()).filter(r -> r.worksIn(organisation.kind()))
                .map(r -> new Membership(organisation.id(), r)).toList();
        List<String> userIds = new ArrayList<>();
        teams.forEach(team -> staff.membersOf(team).forEach(m -> userIds.add(m.userId())));
        Map<String, AuditTrail.Usage> usage = audit.usage(userIds, since, until);
        for (Membership team : teams) {
            List<String> access = AccessPolicy.sees(team.role()).stream().map(CitizenData::danish).toList();
            for (Staff.Member member : staff.membersOf(team)) {
                AuditTrail.Usage used = usage.get(member.userId());
                members.add(new Member(member.userId(), member.name(), team.role(), team.role().danish(), team.groupId(),
                        access, used == null ? null : used.lastUse(), used == null ? 0 : used.reads(),
                        used == null ? 0 : used.changes(), used == null ? 0 : used.citizens()));
            }
        }
        List<Access> accesses = audit.byResource(userIds, since, until).stream()
                .map(r -> new Access(r.resource(), r.action(), r.entries(), r.citizens())).toList();
        long reads = members.stream().mapToLong(Member::reads).sum();
        long changes = members.stream().mapToLong(Member::changes).sum();
        List<SignOffView> signed = signOffs.findByOrganisationIdOrderBySignedAtDesc(organisation.id()).stream().map(SignOff::view).toList();
        return new Review(organisation, start, end, members, reads, changes, accesses, signed);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<SignOffView> lastSignOff(String organisationId) {
        return signOffs.findByOrganisationIdOrderBySignedAtDesc(organisationId).stream().findFirst().map(SignOff::view);
    }

    /** The manager confirms that she has reviewed the access of the period. */
    @Transactional
    public SignOffView signOff(String organisationId, LocalDate from, LocalDate to, String note) {
        Review review = review(organisationId, from, to);
        String by = user.id().orElseThrow();
        SignOff signOff = signOffs.save(new SignOff(organisationId, review.from(), review.to(), by, clock.instant(),
                review.members().size(), review.reads(), review.changes(), note));
        audit.changed(AuditAction.CREATE, "access-review", null, null, "authorisation review of " + organisationId + " for "
                + review.from() + " to " + review.to() + " signed off (" + review.members().size() + " members)");
        return signOff.view();
    }

    private OrganisationView overseen(String organisationId) {
        return oversight.overseen().stream().filter(o -> o.id().equals(organisationId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no organisation '" + organisationId + "' among those you oversee"));
    }
}
