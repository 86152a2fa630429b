package dk.carepath.measurement;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.Citizens;
import dk.carepath.citizen.FhirPatients;
import dk.carepath.pathway.ColouringContext;
import dk.carepath.pathway.ColouringContexts;
import dk.carepath.pathway.JournalKind;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Pathways;
import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import dk.carepath.web.ProblemException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what a FHIR submission carries, as the national infrastructure shapes it, all or nothing in
 * one transaction: new measurements; its sender's corrections (status amended/corrected: the value
 * replaced, the old one kept in history, the colour recomputed and escalated again); retractions
 * (entered-in-error: out of triage, alarms withdrawn); halves of blood pressures, paired into one
 * measurement when the other half is there (same sender, citizen, time and basedOn, in the same
 * submission or within the pairing window) and stored alone as CHECK when it does not come. Escalation
 * follows after the commit, as for every measurement.
 */
@Service
class FhirIntake {

    private static final Logger log = LoggerFactory.getLogger(FhirIntake.class);

    /** What became of one resource of a submission. */
    enum Status {
        /** stored now (a measurement, or a pair completed by this half) */
        CREATED,
        /** the sender's correction replaced the stored value */
        CORRECTED,
        /** retracted */
        RETRACTED,
        /** a half of a blood pressure, stored, waiting for its other half */
        WAITING,
        /** acknowledged, not stored (Media, Provenance) */
        SKIPPED
    }

    /**
     * @param again        sent before and already so: nothing changed
     * @param measurementId the measurement it is (for a half: the pair's, once paired)
     * @param partId       for a half: its own id
     */
    record Outcome(FhirItem item, Status status, boolean again, Long measurementId, Long partId, Colour colour, String reason,
                   Long thresholdSetId, String advice, Instant at) {
    }

    private final ColouringContexts contexts;
    private final Colouring colouring;
    private final MeasurementStore store;
    private final MeasurementParts parts;
    private final AlarmStore alarms;
    private final Escalations escalations;
    private final CitizenAdvice advice;
    private final Citizens citizens;
    private final FhirPatients patients;
    private final IntakeAccess access;
    private final Pathways pathways;
    private final AuditTrail audit;
    private final MeasurementMetrics metrics;
    private final TransactionTemplate tx;
    private final FhirProperties properties;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Clock clock;

    FhirIntake(ColouringContexts contexts, Colouring colouring, MeasurementStore store, MeasurementParts parts, AlarmStore alarms,
               Escalations escalations, CitizenAdvice advice, Citizens citizens, FhirPatients patients, IntakeAccess access,
               Pathways pathways, AuditTrail audit, MeasurementMetrics metrics, TransactionTemplate tx, FhirProperties properties,
               JdbcTemplate jdbc, @Value("${carepath.zone}") ZoneId zone, Clock clock) {
        this.contexts = contexts;
        this.colouring = colouring;
        this.store = store;
        this.parts = parts;
        this.alarms = alarms;
        this.escalations = escalations;
        this.advice = advice;
        this.citizens = citizens;
        this.patients = patients;
        this.access = access;
        this.pathways = pathways;
        this.audit = audit;
        this.metrics = metrics;
        this.tx = tx;
        this.properties = properties;
        this.jdbc = jdbc;
        this.zone = zone;
        this.clock = clock;
    }

    /** Stores a submission, all or nothing; a collision with a concurrent request storing the same ids is tried again. */
    List<Outcome> submit(List<FhirItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                return submitOnce(items);
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw ProblemException.conflict("the submission collided with another request storing the same measurements; send it again");
                }
            }
        }
    }

    private List<Outcome> submitOnce(List<FhirItem> items) {
        Set<UUID> citizenIds = new LinkedHashSet<>();
        items.stream().filter(i -> i.input() != null && i.input().citizenId() != null).forEach(i -> citizenIds.add(i.input().citizenId()));
        Map<UUID, ColouringContext> byCitizen = contexts.forCitizens(citizenIds);
        for (FhirItem item : items) {
            if (item.input() == null || item.input().citizenId() == null) {
                continue;
            }
            ColouringContext context = byCitizen.get(item.input().citizenId());
            String field = item.path() + ".subject";
            if (context == null) {
                if (citizens.find(item.input().citizenId()).isEmpty()) {
                    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field, "no citizen with id " + item.input().citizenId());
                }
                if (item.kind() == FhirItem.Kind.MEASUREMENT && !item.amended() || item.kind() == FhirItem.Kind.HALF && !item.amended()) {
                    throw new ProblemException(HttpStatus.CONFLICT, field,
                            "the citizen has no running pathway (discharged or never included): no measurements are accepted");
                }
            } else if (!context.hasPlan()) {
                throw new ProblemException(HttpStatus.CONFLICT, field,
                        "the citizen's pathway has no monitoring plan yet: no measurements are accepted before it has one");
            }
        }
        List<Escalations.Pending> pending = new ArrayList<>();
        List<Outcome> outcomes = tx.execute(status -> {
            Instant now = clock.instant();
            List<Outcome> done = new ArrayList<>();
            for (FhirItem item : items) {
                done.add(switch (item.kind()) {
                    case SKIPPED -> new Outcome(item, Status.SKIPPED, false, null, null, null, item.note(), null, null, now);
                    case MEASUREMENT -> measurement(item, byCitizen.get(item.input().citizenId()), now, pending);
                    case HALF -> half(item, byCitizen.get(item.input().citizenId()), now, pending);
                    case RETRACTION -> retraction(item, now, pending);
                });
            }
            return done;
        });
        escalations.soon(pending);
        return outcomes;
    }

    // ---- measurements

    private Outcome measurement(FhirItem item, ColouringContext context, Instant now, List<Escalations.Pending> pending) {
        MeasurementInput m = item.input();
        link(item);
        StoredMeasurement before = store.bySenderIds(m.source(), List.of(m.senderId())).get(m.senderId());
        if (before == null) {
            if (context == null) {
                throw new ProblemException(HttpStatus.CONFLICT, item.path() + ".subject",
                        "the citizen has no running pathway (discharged or never included): no measurements are accepted");
            }
            refuseAHalfsId(item);
            ColourResult colour = colouring.colour(m, context);
            MeasurementStore.NewRow row = new MeasurementStore.NewRow(m, context.pathwayId(), colour, escalation(colour), now);
            long id = store.insert(row);
            if (item.periodStart() != null) {
                store.period(id, item.periodStart());
            }
            metrics.received(m.type(), colour.colour());
            if (row.escalation() == EscalationState.PENDING) {
                pending.add(new Escalations.Pending(id, colour.colour()));
            }
            return outcome(item, Status.CREATED, false, id, context.pathwayId(), colour, now);
        }
        boolean retracted = store.retractedAt(before.id()).isPresent();
        String differs = MeasurementIntake.difference(m, before);
        if (differs == null && Objects.equals(periodStart(before.id()), item.periodStart())) {
            return stored(item, retracted ? Status.RETRACTED : item.amended() ? Status.CORRECTED : Status.CREATED, before);
        }
        String field = item.path() + ".identifier";
        if (!item.amended()) {
            throw conflict(m, differs == null ? "period" : differs, field);
        }
        if (retracted) {
            throw new ProblemException(HttpStatus.CONFLICT, field, "the measurement of this identifier was retracted (entered-in-error): "
                    + "it cannot be corrected; send the measurement anew with a new identifier");
        }
        if ("citizen".equals(differs) || "type".equals(differs)) {
            throw new ProblemException(HttpStatus.CONFLICT, field, "a correction keeps the measurement's citizen and type (this one has another "
                    + differs + "): retract the measurement (entered-in-error) and send the right one with a new identifier");
        }
        return correct(item, before, m, item.periodStart(), now, pending);
    }

    /** A correction: the old value to the history, the new one coloured against the citizen's thresholds and escalated again. */
    private Outcome correct(FhirItem item, StoredMeasurement before, MeasurementInput m, Instant periodStart, Instant now,
                            List<Escalations.Pending> pending) {
        ColouringContext context = contexts.forPathway(before.pathwayId()).filter(ColouringContext::hasPlan).orElseThrow(() ->
                new ProblemException(HttpStatus.CONFLICT, item.path() + ".identifier", "the measurement's pathway has no monitoring plan"));
        String change = item.resource() != null && item.resource() instanceof org.hl7.fhir.r4.model.Observation o
                && o.getStatus() == org.hl7.fhir.r4.model.Observation.ObservationStatus.CORRECTED ? "CORRECTED" : "AMENDED";
        store.history(before, change, audit.currentActor(), now);
        MeasurementInput corrected = new MeasurementInput(before.source(), before.senderId(), before.citizenId(), before.type(), m.value(),
                m.value2(), m.symptoms(), m.unit(), m.measuredAt());
        ColourResult colour = colouring.colour(corrected, context);
        boolean escalate = escalates(before.colour()) || escalates(colour.colour()) || !alarms.ofMeasurement(before.id()).isEmpty();
        store.replace(before.id(), corrected, periodStart, colour, escalate ? EscalationState.PENDING : EscalationState.NONE);
        StoredMeasurement after = store.find(before.id()).orElseThrow();
        pathways.record(before.pathwayId(), JournalKind.MEASUREMENT_CORRECTED, "Måling rettet af afsenderen",
                "Før: " + Summaries.of(before, zone) + "\nNu: " + Summaries.of(after, zone));
        audit.changed(AuditAction.UPDATE, "measurement", before.citizenId(), before.pathwayId(),
                "measurement " + before.id() + " corrected by its sender (" + change.toLowerCase() + ")");
        if (escalate) {
            pending.add(new Escalations.Pending(before.id(), colour.colour()));
        }
        return outcome(item, Status.CORRECTED, false, before.id(), before.pathwayId(), colour, now);
    }

    // ---- halves of blood pressures

    private Outcome half(FhirItem item, ColouringContext context, Instant now, List<Escalations.Pending> pending) {
        MeasurementInput m = item.input();
        FhirCodes.Half half = item.half();
        BigDecimal value = MeasurementParts.value(m, half);
        link(item);
        MeasurementParts.Part before = parts.bySender(m.source(), m.senderId()).orElse(null);
        String field = item.path() + ".identifier";
        if (before != null) {
            boolean same = before.citizenId().equals(m.citizenId()) && before.half() == half && before.value().compareTo(value) == 0
                    && Objects.equals(before.unit(), m.unit()) && before.measuredAt().equals(m.measuredAt());
            if (same) {
                return part(item, before, before.retractedAt() != null ? Status.RETRACTED
                        : before.measurementId() == null ? Status.WAITING : item.amended() ? Status.CORRECTED : Status.CREATED, true, now);
            }
            if (!item.amended()) {
                throw conflict(m, !before.citizenId().equals(m.citizenId()) ? "citizen" : before.half() != half ? "type" : "value", field);
            }
            if (before.retractedAt() != null || !before.citizenId().equals(m.citizenId()) || before.half() != half) {
                throw new ProblemException(HttpStatus.CONFLICT, field, "a correction keeps the half's citizen and code, and a retracted one "
                        + "stays retracted: retract it (entered-in-error) and send the right one with a new identifier");
            }
            parts.correct(before.id(), value, m.unit(), m.measuredAt());
            if (before.measurementId() == null) {
                return part(item, parts.findForUpdate(before.id()).orElseThrow(), Status.CORRECTED, false, now);
            }
            StoredMeasurement pair = store.find(before.measurementId()).orElseThrow();
            MeasurementInput both = pairOf(parts.ofMeasurement(pair.id()), item);
            Outcome corrected = correct(item, pair, both, null, now, pending);
            return new Outcome(item, Status.CORRECTED, false, pair.id(), before.id(), corrected.colour(), corrected.reason(),
                    corrected.thresholdSetId(), corrected.advice(), now);
        }
        if (context == null) {
            throw new ProblemException(HttpStatus.CONFLICT, item.path() + ".subject",
                    "the citizen has no running pathway (discharged or never included): no measurements are accepted");
        }
        MeasurementParts.Part mate = parts.waitingMate(m.source(), m.citizenId(), half, m.measuredAt(), item.basedOn(),
                now.minus(properties.pairingWindow())).orElse(null);
        if (mate == null) {
            long partId = parts.insert(m, half, context.pathwayId(), item.basedOn(), now, null);
            return part(item, parts.findForUpdate(partId).orElseThrow(), Status.WAITING, false, now);
        }
        BigDecimal systolic = half == FhirCodes.Half.SYSTOLIC ? value : mate.value();
        BigDecimal diastolic = half == FhirCodes.Half.DIASTOLIC ? value : mate.value();
        if (diastolic.compareTo(systolic) >= 0) {
            throw new InvalidRequestException(List.of(new FieldProblem(item.path() + ".valueQuantity.value", half == FhirCodes.Half.DIASTOLIC
                    ? "must be lower than the systolic pressure of its other half (" + systolic.toPlainString() + " mmHg)"
                    : "must be higher than the diastolic pressure of its other half (" + diastolic.toPlainString() + " mmHg)")));
        }
        String senderId = half == FhirCodes.Half.SYSTOLIC ? m.senderId() : mate.senderId();
        MeasurementInput pair = new MeasurementInput(m.source(), senderId, m.citizenId(), MeasurementType.BLOOD_PRESSURE, systolic, diastolic,
                List.of(), m.unit(), m.measuredAt());
        ColourResult colour = colouring.colour(pair, context);
        MeasurementStore.NewRow row = new MeasurementStore.NewRow(pair, context.pathwayId(), colour, escalation(colour), now);
        long id = store.insert(row);
        long partId = parts.insert(m, half, context.pathwayId(), item.basedOn(), now, id);
        parts.pair(mate.id(), id);
        metrics.received(MeasurementType.BLOOD_PRESSURE, colour.colour());
        if (row.escalation() == EscalationState.PENDING) {
            pending.add(new Escalations.Pending(id, colour.colour()));
        }
        return new Outcome(item, Status.CREATED, false, id, partId, colour.colour(), colour.reason(), colour.thresholdSetId(),
                advice.text(colour.colour(), context.pathwayId()), now);
    }

    /** Both halves of a pair as one blood pressure, the corrected one as sent now. */
    private static MeasurementInput pairOf(List<MeasurementParts.Part> both, FhirItem item) {
        MeasurementInput m = item.input();
        BigDecimal systolic = null;
        BigDecimal diastolic = null;
        for (MeasurementParts.Part p : both) {
            BigDecimal value = p.half() == item.half() ? MeasurementParts.value(m, item.half()) : p.value();
            if (p.half() == FhirCodes.Half.SYSTOLIC) {
                systolic = value;
            } else {
                diastolic = value;
            }
        }
        if (systolic != null && diastolic != null && diastolic.compareTo(systolic) >= 0) {
            throw new InvalidRequestException(List.of(new FieldProblem(item.path() + ".valueQuantity.value",
                    "the corrected half must keep the diastolic pressure below the systolic one")));
        }
        return new MeasurementInput(m.source(), m.senderId(), m.citizenId(), MeasurementType.BLOOD_PRESSURE, systolic, diastolic, List.of(),
                m.unit(), m.measuredAt());
    }

    private Outcome part(FhirItem item, MeasurementParts.Part part, Status status, boolean again, Instant now) {
        if (part.measurementId() == null) {
            return new Outcome(item, status, again, null, part.id(), null, null, null, null, again ? part.receivedAt() : now);
        }
        StoredMeasurement pair = store.find(part.measurementId()).orElseThrow();
        return new Outcome(item, status, again, pair.id(), part.id(), pair.colour(), pair.colourReason(), pair.thresholdSetId(),
                advice.text(pair.colour(), pair.pathwayId()), again ? pair.receivedAt() : now);
    }

    /**
     * Halves whose other half did not come within the pairing window are stored alone, as a blood
     * pressure with only that value, coloured CHECK: a person must look (never lost, never guessed).
     */
    @Scheduled(fixedDelayString = "${carepath.fhir.pairing-check-interval:PT1M}")
    void storeLoneHalves() {
        List<MeasurementParts.Part> expired;
        try {
            expired = parts.expired(clock.instant().minus(properties.pairingWindow()), 500);
        } catch (RuntimeException e) {
            log.warn("lone halves of blood pressures not looked at this round: {}", e.getMessage());
            return;
        }
        for (MeasurementParts.Part candidate : expired) {
            try {
                Escalations.Pending stored = tx.execute(status -> storeAlone(candidate.id()));
                if (stored != null) {
                    escalations.soon(List.of(stored));
                }
            } catch (RuntimeException e) {
                log.warn("lone half {} of a blood pressure not stored this round: {}", candidate.id(), e.getMessage());
            }
        }
    }

    Escalations.Pending storeAlone(long partId) {
        MeasurementParts.Part part = parts.findForUpdate(partId).orElse(null);
        if (part == null || part.measurementId() != null || part.retractedAt() != null) {
            return null;
        }
        boolean systolic = part.half() == FhirCodes.Half.SYSTOLIC;
        MeasurementInput alone = new MeasurementInput(part.source(), part.senderId(), part.citizenId(), MeasurementType.BLOOD_PRESSURE,
                systolic ? part.value() : null, systolic ? null : part.value(), List.of(), part.unit(), part.measuredAt());
        Long thresholdSetId = contexts.forPathway(part.pathwayId()).map(ColouringContext::thresholdSetId).orElse(null);
        ColourResult colour = new ColourResult(Colour.CHECK, systolic ? "Kun det systoliske blodtryk kom – det diastoliske mangler"
                : "Kun det diastoliske blodtryk kom – det systoliske mangler", "pairing", thresholdSetId);
        long id = store.insert(new MeasurementStore.NewRow(alone, part.pathwayId(), colour, EscalationState.PENDING, clock.instant()));
        parts.pair(part.id(), id);
        metrics.received(MeasurementType.BLOOD_PRESSURE, Colour.CHECK);
        log.info("half {} of a blood pressure stored alone as measurement {} (CHECK): its other half did not come", part.id(), id);
        return new Escalations.Pending(id, Colour.CHECK);
    }

    // ---- retractions

    private Outcome retraction(FhirItem item, Instant now, List<Escalations.Pending> pending) {
        MeasurementInput m = item.input();
        String reason = "Trukket tilbage af afsenderen (entered-in-error)" + (item.note() == null ? "" : ": " + bounded(item.note()));
        MeasurementParts.Part part = parts.bySender(m.source(), m.senderId()).orElse(null);
        if (part != null) {
            access.check(part.citizenId(), item.path() + ".identifier");
            if (part.retractedAt() != null) {
                return part(item, part, Status.RETRACTED, true, now);
            }
            parts.retract(part.id(), now);
            if (part.measurementId() == null) {
                audit.changed(AuditAction.UPDATE, "measurement", part.citizenId(), part.pathwayId(),
                        "half " + part.id() + " of a blood pressure retracted by its sender before its other half came");
                return part(item, parts.findForUpdate(part.id()).orElseThrow(), Status.RETRACTED, false, now);
            }
            // a pair is one blood pressure: without one of its halves it is none, so the pair is retracted
            parts.ofMeasurement(part.measurementId()).forEach(p -> parts.retract(p.id(), now));
            StoredMeasurement pair = store.find(part.measurementId()).orElseThrow();
            retract(pair, reason, now, pending);
            return new Outcome(item, Status.RETRACTED, false, pair.id(), part.id(), pair.colour(), reason, pair.thresholdSetId(), null, now);
        }
        StoredMeasurement before = store.bySenderIds(m.source(), List.of(m.senderId())).get(m.senderId());
        if (before == null) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, item.path() + ".identifier",
                    "no measurement of yours with this identifier to retract");
        }
        access.check(before.citizenId(), item.path() + ".identifier");
        if (store.retractedAt(before.id()).isPresent()) {
            return new Outcome(item, Status.RETRACTED, true, before.id(), null, before.colour(), before.colourReason(),
                    before.thresholdSetId(), null, before.receivedAt());
        }
        retract(before, reason, now, pending);
        return new Outcome(item, Status.RETRACTED, false, before.id(), null, before.colour(), reason, before.thresholdSetId(), null, now);
    }

    private void retract(StoredMeasurement m, String reason, Instant now, List<Escalations.Pending> pending) {
        store.history(m, "ENTERED_IN_ERROR", audit.currentActor(), now);
        boolean withdraw = m.escalation() == EscalationState.PENDING || !alarms.ofMeasurement(m.id()).isEmpty();
        store.retract(m.id(), reason, now, withdraw);
        if (withdraw) {
            pending.add(new Escalations.Pending(m.id(), m.colour()));
        }
        pathways.record(m.pathwayId(), JournalKind.MEASUREMENT_RETRACTED, "Måling trukket tilbage af afsenderen",
                Summaries.of(m, zone) + "\n" + reason);
        audit.changed(AuditAction.UPDATE, "measurement", m.citizenId(), m.pathwayId(),
                "measurement " + m.id() + " retracted by its sender (entered-in-error)");
    }

    // ---- helpers

    /** A patient of a configured service named with the CPR number: linked to the citizen, never over another link. */
    private void link(FhirItem item) {
        if (item.learn() == null) {
            return;
        }
        if (patients.link(item.learn().citizenId(), item.learn().patient(), "CPR") == FhirPatients.Link.CONFLICT) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, item.path() + ".subject.reference", "the patient "
                    + item.learn().patient().url() + " and the CPR number name different citizens in Carepath (one is linked to another)");
        }
    }

    /** One id names one thing: a whole measurement cannot take the id a half was sent with. */
    private void refuseAHalfsId(FhirItem item) {
        if (parts.bySender(item.input().source(), item.input().senderId()).isPresent()) {
            throw conflict(item.input(), "type", item.path() + ".identifier");
        }
    }

    private Instant periodStart(long id) {
        return jdbc.query("select period_start from measurement where id = ?", (rs, n) -> {
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        }, id).stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    private Outcome outcome(FhirItem item, Status status, boolean again, long id, UUID pathwayId, ColourResult colour, Instant at) {
        return new Outcome(item, status, again, id, null, colour.colour(), colour.reason(), colour.thresholdSetId(),
                advice.text(colour.colour(), pathwayId), at);
    }

    private Outcome stored(FhirItem item, Status status, StoredMeasurement m) {
        return new Outcome(item, status, true, m.id(), null, m.colour(), m.colourReason(), m.thresholdSetId(),
                status == Status.RETRACTED ? null : advice.text(m.colour(), m.pathwayId()), m.receivedAt());
    }

    private static ProblemException conflict(MeasurementInput m, String differs, String field) {
        log.warn("possible integration fault: sender {} sent id '{}' before for a measurement with another {}", m.source(), m.senderId(),
                differs);
        return new ProblemException(HttpStatus.CONFLICT, field, "this id was sent before for a different measurement (another " + differs
                + "): one id names one measurement; give a new measurement a new id, or send a correction with status amended");
    }

    private static boolean escalates(Colour colour) {
        return colour == null || colour.escalates();
    }

    private static EscalationState escalation(ColourResult colour) {
        return EscalationState.of(colour.colour());
    }

    private static String bounded(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
