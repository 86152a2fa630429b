package dk.carepath.pathway;

import java.time.Clock;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.equipment.KitView;
import dk.carepath.notify.Correspondence;
import dk.carepath.notify.CorrespondenceEntry;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.security.CurrentUser;
import dk.carepath.security.Membership;
import dk.carepath.security.Staff;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pathway API: referral in, the pathway and its history out, pauses and readmissions in. Who may
 * call what is {@code ApiAccess}'s table; whose pathways, {@link CitizenAccess}: every endpoint asks
 * it for the pathway's citizen before it reads or changes anything.
 */
@RestController
@RequestMapping("/api")
class PathwayController {

    private final Referrals referrals;
    private final Pathways pathways;
    private final MonitoringPlans plans;
    private final ReferralRepository referralRepository;
    private final Citizens citizens;
    private final KitRegistry kits;
    private final Correspondence correspondence;
    private final PathwayMessages messages;
    private final AuditTrail audit;
    private final CitizenAccess access;
    private final CurrentUser user;
    private final Organisations organisations;
    private final Staff staff;
    private final ZoneId zone;

    private final Clock clock;

    PathwayController(Referrals referrals, Pathways pathways, MonitoringPlans plans, ReferralRepository referralRepository,
                      Citizens citizens, KitRegistry kits, Correspondence correspondence, PathwayMessages messages,
                      AuditTrail audit, CitizenAccess access, CurrentUser user, Organisations organisations, Staff staff,
                      @Value("${carepath.zone}") ZoneId zone, Clock clock) {
        this.clock = clock;
        this.referrals = referrals;
        this.pathways = pathways;
        this.plans = plans;
        this.referralRepository = referralRepository;
        this.citizens = citizens;
        this.kits = kits;
        this.correspondence = correspondence;
        this.messages = messages;
        this.audit = audit;
        this.access = access;
        this.user = user;
        this.organisations = organisations;
        this.staff = staff;
        this.zone = zone;
    }

    /**
     * What a clinician opening a pathway sees, and who is responsible: the organisations and the team
     * that has the monitoring work. CPR shown masked; the full number only on the citizen resource.
     * The referral's facts and the plan are clinical: left out for those who see the pathway only (a GP).
     */
    record PathwayDetails(PathwayView pathway, String phaseName, Responsibility responsibility, CitizenSummary citizen,
                          ReferralView referral, MonitoringPlanView plan, KitView kit) {
    }

    record Organisation(String id, String name) {
    }

    record Team(String groupId, String name) {
    }

    record ContactPerson(String userId, String name) {
    }

    /** Who is responsible for the citizen now [002 §5], by name. */
    record Responsibility(Organisation clinic, Party treatment, Organisation treatmentOrganisation, Party monitoring,
                          Organisation monitoringOrganisation, Team monitoringTeam, ContactPerson contactPerson) {
    }

    record CitizenSummary(UUID id, String name, String cpr, String municipalityId, String gpPracticeId) {
        static CitizenSummary of(CitizenView c) {
            return new CitizenSummary(c.id(), c.name(), c.cpr().masked(), c.municipalityId(), c.gpPracticeId());
        }
    }

    /** A referral on behalf of the referrer's own organisation: the clinic, GP practice or municipality the user works in. */
    @PostMapping("/referrals")
    ResponseEntity<PathwayDetails> refer(@Valid @RequestBody ReferralRequest request) {
        if (!user.organisations().contains(request.referrerOrganisationId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "referrerOrganisationId",
                    "you refer on behalf of an organisation you work in: " + String.join(", ", user.organisations()));
        }
        PathwayView pathway = referrals.refer(request);
        return ResponseEntity.created(URI.create("/api/pathways/" + pathway.id()))
                .body(details(pathway, access.of(pathway.citizenId())));
    }

    @GetMapping("/pathways/{id}")
    PathwayDetails get(@PathVariable UUID id) {
        PathwayView pathway = visible(id, CitizenData.PATHWAY);
        audit.read("pathway", pathway.citizenId(), id, null);
        return details(pathway, access.of(pathway.citizenId()));
    }

    @GetMapping("/pathways/{id}/journal")
    List<JournalView> journal(@PathVariable UUID id) {
        PathwayView pathway = visible(id, CitizenData.CLINICAL);
        audit.read("pathway-journal", pathway.citizenId(), id, null);
        return pathways.journal(id);
    }

    @GetMapping("/pathways/{id}/correspondence")
    List<CorrespondenceEntry> correspondence(@PathVariable UUID id) {
        PathwayView pathway = visible(id, CitizenData.PATHWAY);
        audit.read("correspondence", pathway.citizenId(), id, null);
        return correspondence.log(id);
    }

    @GetMapping("/citizens/{citizenId}/pathways")
    List<PathwayView> ofCitizen(@PathVariable UUID citizenId) {
        access.require(citizenId, CitizenData.PATHWAY);
        audit.read("pathway", citizenId, null, "all pathways of citizen");
        return pathways.allOf(citizenId);
    }

    record PauseRequest(LocalDate from, @NotNull @Future LocalDate until, @NotBlank @Size(max = 500) String reason) {
    }

    /** A pause (holiday, times that cannot be kept): no missing-measurement alarms until {@code until}. */
    @PostMapping("/pathways/{id}/pauses")
    ResponseEntity<Void> pause(@PathVariable UUID id, @Valid @RequestBody PauseRequest request) {
        // the front desk takes such a call [000]; clinicians change the plan's times
        PathwayView pathway = visible(id, CitizenData.CALLS, CitizenData.CLINICAL);
        Instant until = request.until().plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Object> payload = new HashMap<>();
        payload.put(Vars.PAUSE_UNTIL.name(), Date.from(until));
        payload.put(Vars.PAUSE_REASON.name(), request.reason());
        messages.send(id, Messages.PAUSE_REQUESTED, payload);
        audit.changed(dk.carepath.audit.AuditAction.UPDATE, "pathway", pathway.citizenId(), id, "pause until " + request.until());
        return ResponseEntity.accepted().build();
    }

    record ContactPersonRequest(@Size(max = 100) String userId) {
    }

    /**
     * The member of the monitoring team the citizen shows up for; without one the citizen shows up for
     * the whole team [001]. Only the monitoring organisation's own staff name its contact person.
     */
    @org.springframework.web.bind.annotation.PutMapping("/pathways/{id}/contact-person")
    PathwayView contactPerson(@PathVariable UUID id, @Valid @RequestBody ContactPersonRequest request) {
        PathwayView pathway = visible(id, CitizenData.CLINICAL);
        if (pathway.monitoringOrganisationId() == null || !user.organisations().contains(pathway.monitoringOrganisationId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "the contact person is named by the monitoring team ("
                    + (pathway.monitoringOrganisationId() == null ? "none: monitoring has ended" : pathway.monitoringOrganisationId()) + ")");
        }
        String userId = request.userId() == null || request.userId().isBlank() ? null : request.userId().trim();
        if (userId != null && !staff.exists(userId)) {
            throw ProblemException.unprocessable("userId", "no user '" + userId + "'");
        }
        return pathways.assignContactPerson(id, userId);
    }

    record ReadmissionRequest(@NotNull LocalDate admittedOn, @Size(max = 2000) String summary) {
    }

    /** The hospital reports an admission: monitoring resumes in the clinic. */
    @PostMapping("/pathways/{id}/readmissions")
    ResponseEntity<Void> readmission(@PathVariable UUID id, @Valid @RequestBody ReadmissionRequest request) {
        PathwayView pathway = visible(id, CitizenData.PATHWAY);
        if (request.admittedOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw ProblemException.invalidField("admittedOn", "must not be in the future");
        }
        String summary = "Indlagt " + PathwayLetters.DANISH_DATE.format(request.admittedOn())
                + (request.summary() == null ? "" : ": " + request.summary());
        messages.send(id, Messages.READMISSION_REPORTED, Map.of(Vars.ADMISSION_SUMMARY.name(), summary));
        audit.changed(dk.carepath.audit.AuditAction.UPDATE, "pathway", pathway.citizenId(), id, "readmission reported");
        return ResponseEntity.accepted().build();
    }

    /** The pathway, if the user may see this of its citizen; otherwise 404 as for a pathway that does not exist. */
    private PathwayView visible(UUID id, CitizenData... anyOf) {
        PathwayView pathway = pathways.find(id).orElse(null);
        try {
            access.require(pathway == null ? null : pathway.citizenId(), anyOf);
        } catch (ProblemException refused) {
            throw refused.status() == HttpStatus.NOT_FOUND ? ProblemException.notFound("no pathway with id " + id) : refused;
        }
        return pathway;
    }

    private PathwayDetails details(PathwayView pathway, Set<CitizenData> seen) {
        CitizenView citizen = citizens.require(pathway.citizenId());
        boolean clinical = seen.contains(CitizenData.CLINICAL);
        ReferralView referral = clinical ? referralRepository.findByPathwayId(pathway.id()).map(Referral::view).orElse(null) : null;
        MonitoringPlanView plan = clinical ? plans.forPathway(pathway.id()).orElse(null) : null;
        KitView kit = seen.contains(CitizenData.KIT) ? kits.kitOf(citizen.id()).orElse(null) : null;
        return new PathwayDetails(pathway, pathway.phase().danish(), responsibility(pathway), CitizenSummary.of(citizen),
                referral, plan, kit);
    }

    private Responsibility responsibility(PathwayView pathway) {
        Optional<Membership> team = pathways.monitoringTeam(pathway.id());
        return new Responsibility(organisation(pathway.clinicId()), pathway.treatmentResponsible(),
                organisation(pathway.treatmentOrganisationId()), pathway.monitoringResponsible(),
                organisation(pathway.monitoringOrganisationId()),
                team.map(t -> new Team(t.groupId(), staff.teamName(t.groupId()))).orElse(null),
                pathway.contactPerson() == null ? null
                        : new ContactPerson(pathway.contactPerson(), staff.nameOf(pathway.contactPerson()).orElse(pathway.contactPerson())));
    }

    private Organisation organisation(String id) {
        return id == null ? null : new Organisation(id, organisations.find(id).map(OrganisationView::name).orElse(id));
    }
}
