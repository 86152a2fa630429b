package dk.carepath.pathway;

import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    Pathways(PathwayRepository pathways, JournalRepository journal, AuditTrail audit) {
        this.pathways = pathways;
        this.journal = journal;
        this.audit = audit;
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

    /** Writes a journal line with the acting user; the pathway's journal is its history for people. */
    public void record(UUID pathwayId, String kind, String summary, String detail) {
        journal.save(new JournalEntry(pathwayId, now(), kind, audit.currentActor(), summary, detail));
    }

    /** Assigns the staff member who is the citizen's contact person, or none (null). */
    public PathwayView assignContactPerson(UUID id, String userId) {
        Pathway pathway = load(id);
        if (pathway.phase().ended()) {
            throw ProblemException.conflict("pathway " + id + " has ended");
        }
        pathway.contactPerson(userId, now());
        audit.changed(dk.carepath.audit.AuditAction.UPDATE, "pathway", pathway.citizenId(), id,
                userId == null ? "contact person removed" : "contact person " + userId);
        record(id, "CONTACT_PERSON", userId == null ? "Kontaktperson fjernet" : "Kontaktperson: " + userId, null);
        return pathway.view();
    }

    void enterPhase(UUID id, Phase phase) {
        Pathway pathway = load(id);
        if (pathway.phase() == phase) {
            return;
        }
        Phase before = pathway.phase();
        pathway.enter(phase, now());
        record(id, "PHASE", "Fase: " + phase.danish(), before + " -> " + phase);
    }

    void end(UUID id, PathwayOutcome outcome) {
        load(id).end(outcome, now());
        record(id, "ENDED", outcome.danish(), outcome.name());
    }

    Pathway load(UUID id) {
        return pathways.findById(id).orElseThrow(() -> new IllegalStateException("no pathway " + id));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
