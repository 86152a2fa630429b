package dk.carepath.pathway;

import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.equipment.KitView;
import dk.carepath.notify.Correspondence;
import dk.carepath.notify.CorrespondenceEntry;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.HeartFailurePathway.Vars;
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
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pathway API: referral in, the pathway and its history out, pauses and readmissions in. */
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
    private final org.camunda.bpm.engine.IdentityService identity;
    private final ZoneId zone;

    PathwayController(Referrals referrals, Pathways pathways, MonitoringPlans plans, ReferralRepository referralRepository,
                      Citizens citizens, KitRegistry kits, Correspondence correspondence, PathwayMessages messages,
                      AuditTrail audit, org.camunda.bpm.engine.IdentityService identity, @Value("${carepath.zone}") ZoneId zone) {
        this.referrals = referrals;
        this.pathways = pathways;
        this.plans = plans;
        this.referralRepository = referralRepository;
        this.citizens = citizens;
        this.kits = kits;
        this.correspondence = correspondence;
        this.messages = messages;
        this.audit = audit;
        this.identity = identity;
        this.zone = zone;
    }

    /** What a nurse opening a pathway sees. CPR shown masked; the full number only on the citizen resource. */
    record PathwayDetails(PathwayView pathway, String phaseName, CitizenSummary citizen, ReferralView referral,
                          MonitoringPlanView plan, KitView kit) {
    }

    record CitizenSummary(UUID id, String name, String cpr, String municipalityId, String gpPracticeId) {
        static CitizenSummary of(CitizenView c) {
            return new CitizenSummary(c.id(), c.name(), c.cpr().masked(), c.municipalityId(), c.gpPracticeId());
        }
    }

    @PostMapping("/referrals")
    @PreAuthorize("hasAnyRole('hf-nurse', 'cardiologist', 'gp', 'municipal-nurse')")
    ResponseEntity<PathwayDetails> refer(@Valid @RequestBody ReferralRequest request) {
        PathwayView pathway = referrals.refer(request);
        return ResponseEntity.created(URI.create("/api/pathways/" + pathway.id())).body(details(pathway));
    }

    @GetMapping("/pathways/{id}")
    PathwayDetails get(@PathVariable UUID id) {
        PathwayView pathway = pathways.require(id);
        audit.read("pathway", pathway.citizenId(), id, null);
        return details(pathway);
    }

    @GetMapping("/pathways/{id}/journal")
    List<JournalView> journal(@PathVariable UUID id) {
        PathwayView pathway = pathways.require(id);
        audit.read("pathway-journal", pathway.citizenId(), id, null);
        return pathways.journal(id);
    }

    @GetMapping("/pathways/{id}/correspondence")
    List<CorrespondenceEntry> correspondence(@PathVariable UUID id) {
        PathwayView pathway = pathways.require(id);
        audit.read("correspondence", pathway.citizenId(), id, null);
        return correspondence.log(id);
    }

    @GetMapping("/citizens/{citizenId}/pathways")
    List<PathwayView> ofCitizen(@PathVariable UUID citizenId) {
        citizens.require(citizenId);
        audit.read("pathway", citizenId, null, "all pathways of citizen");
        return pathways.allOf(citizenId);
    }

    record PauseRequest(LocalDate from, @NotNull @Future LocalDate until, @NotBlank @Size(max = 500) String reason) {
    }

    /** A pause (holiday, times that cannot be kept): no missing-measurement alarms until {@code until}. */
    @PostMapping("/pathways/{id}/pauses")
    @PreAuthorize("hasAnyRole('hf-nurse', 'cardiologist', 'municipal-nurse', 'municipal-frontdesk')")
    ResponseEntity<Void> pause(@PathVariable UUID id, @Valid @RequestBody PauseRequest request) {
        PathwayView pathway = pathways.require(id);
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

    /** The staff member the citizen shows up for; without one the citizen shows up for the whole group [001]. */
    @org.springframework.web.bind.annotation.PutMapping("/pathways/{id}/contact-person")
    @PreAuthorize("hasAnyRole('hf-nurse', 'cardiologist', 'municipal-nurse')")
    PathwayView contactPerson(@PathVariable UUID id, @Valid @RequestBody ContactPersonRequest request) {
        String userId = request.userId() == null || request.userId().isBlank() ? null : request.userId().trim();
        if (userId != null && identity.createUserQuery().userId(userId).count() == 0) {
            throw ProblemException.unprocessable("userId", "no user '" + userId + "'");
        }
        return pathways.assignContactPerson(id, userId);
    }

    record ReadmissionRequest(@NotNull LocalDate admittedOn, @Size(max = 2000) String summary) {
    }

    /** The hospital reports an admission: monitoring resumes in the clinic. */
    @PostMapping("/pathways/{id}/readmissions")
    @PreAuthorize("hasAnyRole('hf-nurse', 'cardiologist', 'municipal-nurse', 'gp')")
    ResponseEntity<Void> readmission(@PathVariable UUID id, @Valid @RequestBody ReadmissionRequest request) {
        PathwayView pathway = pathways.require(id);
        if (request.admittedOn().isAfter(LocalDate.now(zone))) {
            throw ProblemException.invalidField("admittedOn", "must not be in the future");
        }
        String summary = "Indlagt " + PathwayLetters.DANISH_DATE.format(request.admittedOn())
                + (request.summary() == null ? "" : ": " + request.summary());
        messages.send(id, Messages.READMISSION_REPORTED, Map.of(Vars.ADMISSION_SUMMARY.name(), summary));
        audit.changed(dk.carepath.audit.AuditAction.UPDATE, "pathway", pathway.citizenId(), id, "readmission reported");
        return ResponseEntity.accepted().build();
    }

    private PathwayDetails details(PathwayView pathway) {
        CitizenView citizen = citizens.require(pathway.citizenId());
        ReferralView referral = referralRepository.findByPathwayId(pathway.id()).map(Referral::view).orElse(null);
        MonitoringPlanView plan = plans.forPathway(pathway.id()).orElse(null);
        Optional<KitView> kit = kits.kitOf(citizen.id());
        return new PathwayDetails(pathway, pathway.phase().danish(), CitizenSummary.of(citizen), referral, plan, kit.orElse(null));
    }
}
