package dk.carepath.pathway;

import java.time.Clock;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pathway register: the public API of this module for other features (which pathway a
 * citizen is in, its phase, whether it is paused) and the state changes the process makes.
 */
@Service
@Transactional
public class Pathways {

    private final PathwayRepository pathways;
    private final JournalRepository journal;
    private final AuditTrail audit;
    private final Citizens citizens;
    private final Organisations organisations;
    private final Staff staff;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    Pathways(PathwayRepository pathways, JournalRepository journal, AuditTrail audit, Citizens citizens,
             Organisations organisations, Staff staff, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.pathways = pathways;
        this.journal = journal;
        this.audit = audit;
        this.citizens = citizens;
        this.organisations = organisations;
        this.staff = staff;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<PathwayView> find(UUID id) {
        return pathways.findById(id).map(Pathway::view);
    }

    @Transactional(readOnly = true)
    public PathwayView require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("no pathway with id " + id));
    }

    /** The pathways with these ids, by id. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, PathwayView> findAll(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, PathwayView> found = new java.util.HashMap<>();
        pathways.findAllById(ids).forEach(p -> found.put(p.id(), p.view()));
        return found;
    }

    /** The running pathways of these organisations (their clinic's, or whose monitoring or treatment they hold), newest first. */
    @Transactional(readOnly = true)
    public List<PathwayView> runningOf(java.util.Collection<String> organisationIds, int limit) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return pathways.running(organisationIds, org.springframework.data.domain.Limit.of(limit)).stream().map(Pathway::view).toList();
    }

    /** The citizen's running pathway, if any. */
    @Transactional(readOnly = true)
    public Optional<PathwayView> activeFor(UUID citizenId) {
        return pathways.findByActiveCitizenId(citizenId).map(Pathway::view);
    }

    @Transactional(readOnly = true)
    public List<PathwayView> allOf(UUID citizenId) {
        return pathways.findByCitizenIdOrderByCreatedAtDesc(citizenId).stream().map(Pathway::view).toList();
    }

    @Transactional(readOnly = true)
    public List<JournalView> journal(UUID pathwayId) {
        return journal.findByPathwayIdOrderByOccurredAtAscIdAsc(pathwayId).stream().map(JournalEntry::view).toList();
    }

    /** The measurements an alarm task covered are handled: told to whoever acknowledges them (the measurement module). */
    public void alarmTaskCompleted(AlarmTaskCompleted completed) {
        events.publishEvent(completed);
    }

    /** Writes a journal line with the acting user; the pathway's journal is its history for people. */
    public void record(UUID pathwayId, JournalKind kind, String summary, String detail) {
        journal.save(new JournalEntry(pathwayId, now(), kind.name(), audit.currentActor(), summary, detail));
    }

    /**
     * The team that monitors the citizen's measurements now: the nurses of the monitoring-responsible
     * organisation (the clinic's heart-failure nurses, or the municipal nurses after a handover); none
     * once monitoring has ended.
     */
    @Transactional(readOnly = true)
    public Optional<Membership> monitoringTeam(UUID id) {
        return find(id).flatMap(this::monitoringTeam);
    }

    Optional<Membership> monitoringTeam(PathwayView pathway) {
        if (pathway.monitoringOrganisationId() == null) {
            return Optional.empty();
        }
        return organisations.find(pathway.monitoringOrganisationId())
                .flatMap(o -> Role.monitoringNurseOf(o.kind()).map(role -> new Membership(o.id(), role)));
    }

    /**
     * Makes a member of the monitoring team the citizen's contact person, or removes the contact
     * person (null): the citizen's tasks then show up for that person, or for the whole team [001].
     *
     * @throws ProblemException 409 when the pathway has ended, 422 when the user is not of the monitoring team
     */
    public PathwayView assignContactPerson(UUID id, String userId) {
        Pathway pathway = load(id);
        if (pathway.phase().ended()) {
            throw ProblemException.conflict("pathway " + id + " has ended");
        }
        if (userId != null) {
            Membership team = monitoringTeam(pathway.view())
                    .orElseThrow(() -> ProblemException.conflict("pathway " + id + " has no monitoring team"));
            if (!staff.isMember(userId, team)) {
                throw ProblemException.unprocessable("userId", "'" + userId + "' is not one of the monitoring team " + team.groupId());
            }
        }
        if (java.util.Objects.equals(pathway.contactPerson(), userId)) {
            return pathway.view();
        }
        pathway.contactPerson(userId, now());
        audit.changed(AuditAction.UPDATE, "pathway", pathway.citizenId(), id,
                userId == null ? "contact person removed" : "contact person " + userId);
        record(id, JournalKind.CONTACT_PERSON, userId == null ? "Kontaktperson fjernet"
                : "Kontaktperson: " + staff.nameOf(userId).orElse(userId), userId);
        events.publishEvent(new ResponsibilityChanged(id, pathway.citizenId(), false));
        return pathway.view();
    }

    /**
     * Who treats and who monitors from now on [002 §5, §4.2.1 Varighed]: each party stands for an
     * organisation (the clinic, the citizen's municipality, the citizen's GP practice). A change of
     * the monitoring organisation is a handover: its open tasks move to the receiving team, in this
     * transaction (see {@link ResponsibilityChanged}).
     *
     * @throws dk.carepath.engine.FormValidationException when a party has no organisation (a citizen without a GP practice)
     */
    void assignResponsibility(UUID id, Party treatment, Party monitoring) {
        Pathway pathway = load(id);
        CitizenView citizen = citizens.require(pathway.citizenId());
        String treatmentOrganisation = organisationOf(treatment, pathway, citizen);
        String monitoringOrganisation = organisationOf(monitoring, pathway, citizen);
        String contactBefore = pathway.contactPerson();
        boolean handover = pathway.assignResponsibility(treatment, treatmentOrganisation, monitoring, monitoringOrganisation, now());
        if (handover) {
            String to = monitoringOrganisation == null ? "ingen"
                    : organisations.find(monitoringOrganisation).map(o -> o.name()).orElse(monitoringOrganisation);
            record(id, JournalKind.HANDOVER, "Monitoreringen overdraget til " + to,
                    contactBefore == null ? null : "kontaktperson " + contactBefore + " fjernet: det nye team udpeger sin egen");
        }
        events.publishEvent(new ResponsibilityChanged(id, pathway.citizenId(), handover));
    }

    private static String organisationOf(Party party, Pathway pathway, CitizenView citizen) {
        return switch (party) {
            case CLINIC -> pathway.clinicId();
            case MUNICIPALITY -> citizen.municipalityId();
            case GP -> {
                if (citizen.gpPracticeId() == null) {
                    // only the reassessment form hands treatment to the GP: it is the form that must be corrected
                    throw new dk.carepath.engine.FormValidationException(List.of(
                            "Borgeren har ingen egen læge registreret: behandlingsansvaret kan ikke overgå til egen læge"));
                }
                yield citizen.gpPracticeId();
            }
            case NONE -> null;
        };
    }

    void enterPhase(UUID id, Phase phase) {
        Pathway pathway = load(id);
        if (pathway.phase() == phase) {
            return;
        }
        Phase before = pathway.phase();
        pathway.enter(phase, now());
        record(id, JournalKind.PHASE, "Fase: " + phase.danish(), before + " -> " + phase);
    }

    void end(UUID id, PathwayOutcome outcome) {
        Pathway pathway = load(id);
        pathway.end(outcome, citizens.require(pathway.citizenId()).gpPracticeId(), now());
        record(id, JournalKind.ENDED, outcome.danish(), outcome.name());
    }

    Pathway load(UUID id) {
        return pathways.findById(id).orElseThrow(() -> new IllegalStateException("no pathway " + id));
    }

    Instant now() {
        return clock.instant();
    }
}
