package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.citizen.Citizens;
import dk.carepath.pathway.ColouringContext;
import dk.carepath.pathway.ColouringContexts;
import dk.carepath.web.InvalidRequestException;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes measurements in: validated, checked against the citizen's running pathway, coloured by
 * Drools, stored — and only then answered. Escalation follows after the commit (see
 * {@link Escalations}); green measurements never reach the process engine.
 *
 * <p>A batch is all or nothing: any invalid item refuses the whole batch with a problem per item,
 * and nothing is stored. Measurements sent before (same source and sender id) are not stored again
 * and are answered as duplicates; that holds within a batch and between concurrent requests, which
 * the unique key on (source, sender_id) settles.
 */
@Service
public class MeasurementIntake {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MeasurementIntake.class);

    private final ColouringContexts contexts;
    private final Colouring colouring;
    private final MeasurementStore store;
    private final Escalations escalations;
    private final CitizenAdvice advice;
    private final Citizens citizens;
    private final TransactionTemplate tx;
    private final MeasurementMetrics metrics;

    private final Clock clock;

    MeasurementIntake(ColouringContexts contexts, Colouring colouring, MeasurementStore store, Escalations escalations,
                      CitizenAdvice advice, Citizens citizens, DataSource dataSource, MeasurementMetrics metrics, Clock clock) {
        this.clock = clock;
        this.metrics = metrics;
        this.contexts = contexts;
        this.colouring = colouring;
        this.store = store;
        this.escalations = escalations;
        this.advice = advice;
        this.citizens = citizens;
        // intake writes only plain SQL: a JDBC transaction spares it the JPA session's bookkeeping per request
        this.tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    /**
     * One measurement from inside Carepath (the demo data), validated like any other.
     *
     * @param value weight kg, pulse /min, systolic mmHg, steps or NYHA class; {@code value2} the diastolic
     */
    public IntakeResult receive(String source, String senderId, UUID citizenId, dk.carepath.pathway.MeasurementType type,
                                java.math.BigDecimal value, java.math.BigDecimal value2, List<Symptom> symptoms, String unit,
                                Instant measuredAt) {
        // the values go where the type's descriptor says a JSON request carries them
        java.util.Map<String, java.math.BigDecimal> fields = new java.util.HashMap<>();
        fields.put(type.primary().field(), value);
        if (type.quantities().size() > 1) {
            fields.put(type.quantities().get(1).field(), value2);
        }
        MeasurementRequest request = new MeasurementRequest(senderId, citizenId, type, fields.get("value"), fields.get("systolic"),
                fields.get("diastolic"), fields.get("nyhaClass") == null ? null : fields.get("nyhaClass").intValueExact(), symptoms, unit,
                measuredAt.atOffset(java.time.ZoneOffset.UTC));
        List<FieldProblem> problems = Validation.list();
        MeasurementInput input = Validation.json(source, request, "", problems, clock.instant());
        if (input == null) {
            throw new InvalidRequestException(problems);
        }
        return one(input, "senderId");
    }

    IntakeResult one(MeasurementInput m) {
        return one(m, "senderId");
    }

    /**
     * One measurement; state problems (unknown citizen, no running pathway) answer 422/409.
     *
     * @param idField what the request calls the sender's id ({@code senderId}, FHIR {@code identifier}), for a conflict
     */
    IntakeResult one(MeasurementInput m, String idField) {
        ColouringContext context = contexts.forCitizen(m.citizenId()).orElseThrow(() -> noPathway(m.citizenId(), "citizenId"));
        requireAccepting(context, m, "");
        ColourResult colour = colouring.colour(m, context);
        MeasurementStore.NewRow row = new MeasurementStore.NewRow(m, context.pathwayId(), colour, escalation(colour), clock.instant());
        long id;
        try {
            id = store.insert(row); // one statement: atomic without a transaction of its own
        } catch (DuplicateKeyException e) {
            StoredMeasurement before = store.bySenderIds(m.source(), List.of(m.senderId())).get(m.senderId());
            requireSame(m, before, idField);
            return duplicate(before);
        }
        metrics.received(m.type(), colour.colour());
        if (row.escalation() == EscalationState.PENDING) {
            escalations.soon(List.of(new Escalations.Pending(id, colour.colour())));
        }
        return new IntakeResult(m.senderId(), id, colour.colour(), colour.reason(), colour.thresholdSetId(), advice.text(colour.colour(), context.pathwayId()), false);
    }

    /**
     * A batch, all or nothing; {@code prefix} names the items in problems ("measurements", "entry"),
     * {@code idField} the sender's id in an item ({@code senderId}, FHIR {@code identifier}).
     */
    List<IntakeResult> batch(List<MeasurementInput> inputs, String prefix, String fieldSuffix, String idField) {
        for (int attempt = 1; ; attempt++) {
            try {
                return batchOnce(inputs, prefix, fieldSuffix, idField);
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw ProblemException.conflict("the batch collided with another request storing the same measurements; send it again");
                }
            }
        }
    }

    private List<IntakeResult> batchOnce(List<MeasurementInput> inputs, String prefix, String fieldSuffix, String idField) {
        Set<UUID> citizenIds = new LinkedHashSet<>();
        inputs.forEach(m -> citizenIds.add(m.citizenId()));
        Map<UUID, ColouringContext> byCitizen = contexts.forCitizens(citizenIds);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput m = inputs.get(i);
            String item = prefix + "[" + i + "]" + fieldSuffix;
            ColouringContext context = byCitizen.get(m.citizenId());
            if (context == null) {
                problems.add(new FieldProblem(item + "citizenId", noPathway(m.citizenId(), "citizenId").getMessage()));
            } else {
                try {
                    requireAccepting(context, m, item);
                } catch (ProblemException e) {
                    problems.add(new FieldProblem(e.field() == null ? item + "citizenId" : e.field(), e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }

        // a measurement is known by its source and sender id together
        Map<String, StoredMeasurement> before = new HashMap<>();
        Map<String, List<String>> bySource = new HashMap<>();
        inputs.forEach(m -> bySource.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(m.senderId()));
        bySource.forEach((source, ids) -> store.bySenderIds(source, ids).forEach((id, m) -> before.put(key(source, id), m)));
        // an id sent before, or twice in this batch, must name the same measurement each time
        Map<String, MeasurementInput> first = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            MeasurementInput m = inputs.get(i);
            String field = prefix + "[" + i + "]" + fieldSuffix + idField;
            requireSame(m, before.get(key(m)), field);
            MeasurementInput earlier = first.putIfAbsent(key(m), m);
            if (earlier != null) {
                String differs = difference(m, earlier);
                if (differs != null) {
                    throw conflict(m, differs, field, "twice in this batch");
                }
            }
        }
        Map<String, MeasurementStore.NewRow> fresh = new HashMap<>();
        List<MeasurementStore.NewRow> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (MeasurementInput m : inputs) {
            if (before.containsKey(key(m)) || fresh.containsKey(key(m))) {
                continue;
            }
            ColourResult colour = colouring.colour(m, byCitizen.get(m.citizenId()));
            MeasurementStore.NewRow row = new MeasurementStore.NewRow(m, byCitizen.get(m.citizenId()).pathwayId(), colour,
                    escalation(colour), now);
            fresh.put(key(m), row);
            rows.add(row);
        }
        Map<String, Long> stored = tx.execute(status -> {
            store.insertAll(rows);
            rows.forEach(r -> metrics.received(r.input().type(), r.colour().colour()));
            Map<String, Long> ids = new HashMap<>();
            Map<String, List<String>> freshBySource = new HashMap<>();
            rows.forEach(r -> freshBySource.computeIfAbsent(r.input().source(), k -> new ArrayList<>()).add(r.input().senderId()));
            freshBySource.forEach((source, senderIds) ->
                    store.idsOf(source, senderIds).forEach((senderId, id) -> ids.put(key(source, senderId), id)));
            return ids;
        });
        List<IntakeResult> results = new ArrayList<>();
        List<Escalations.Pending> toEscalate = new ArrayList<>();
        Set<String> answered = new java.util.HashSet<>();
        for (MeasurementInput m : inputs) {
            if (before.containsKey(key(m))) {
                results.add(duplicate(before.get(key(m))));
                continue;
            }
            long id = stored.get(key(m));
            MeasurementStore.NewRow row = fresh.get(key(m));
            // the same measurement twice in one batch: stored once, the second answered as sent before
            boolean again = !answered.add(key(m));
            if (!again && row.escalation() == EscalationState.PENDING) {
                toEscalate.add(new Escalations.Pending(id, row.colour().colour()));
            }
            results.add(new IntakeResult(m.senderId(), id, row.colour().colour(), row.colour().reason(),
                    row.colour().thresholdSetId(), advice.text(row.colour().colour(), row.pathwayId()), again));
        }
        escalations.soon(toEscalate);
        return results;
    }

    /**
     * A measurement's identity is its sender's source and id, bound to its citizen and content: the
     * same id with the same content is the same measurement sent again; with another citizen or other
     * content it is an integration fault, refused (409) and logged, never answered with what is stored.
     */
    private static void requireSame(MeasurementInput m, StoredMeasurement before, String field) {
        if (before == null) {
            return;
        }
        String differs = difference(m, before);
        if (differs != null) {
            throw conflict(m, differs, field, "before");
        }
    }

    private static ProblemException conflict(MeasurementInput m, String differs, String field, String when) {
        log.warn("possible integration fault: sender {} sent id '{}' {} for a measurement with another {}", m.source(),
                m.senderId(), when, differs);
        return new ProblemException(HttpStatus.CONFLICT, field, "this id was sent " + when + " for a different measurement (another "
                + differs + "): one id names one measurement; give a new measurement a new id");
    }

    /** What a measurement differs in from one with the same id, or null when it is the same measurement. */
    static String difference(MeasurementInput m, MeasurementInput other) {
        return difference(m, other.citizenId(), other.type(), other.value(), other.value2(), other.unit(), other.measuredAt(),
                other.symptomText());
    }

    static String difference(MeasurementInput m, StoredMeasurement s) {
        return difference(m, s.citizenId(), s.type(), s.value(), s.value2(), s.unit(), s.measuredAt(), s.symptoms());
    }

    private static String difference(MeasurementInput m, UUID citizenId, dk.carepath.pathway.MeasurementType type,
                                     java.math.BigDecimal value, java.math.BigDecimal value2, String unit, Instant measuredAt,
                                     String symptoms) {
        if (!m.citizenId().equals(citizenId)) {
            return "citizen";
        }
        if (m.type() != type) {
            return "type";
        }
        if (!sameNumber(m.value(), value) || !sameNumber(m.value2(), value2)) {
            return "value";
        }
        if (!java.util.Objects.equals(blankless(m.unit()), blankless(unit))) {
            return "unit";
        }
        // the database keeps microseconds (and rounds to them)
        if (Math.abs(java.time.Duration.between(m.measuredAt(), measuredAt).toNanos()) >= 1000) {
            return "time of measurement";
        }
        if (!java.util.Objects.equals(blankless(m.symptomText()), blankless(symptoms))) {
            return "symptoms";
        }
        return null;
    }

    private static boolean sameNumber(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankless(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String key(MeasurementInput m) {
        return key(m.source(), m.senderId());
    }

    private static String key(String source, String senderId) {
        return source + "\u0000" + senderId;
    }

    private IntakeResult duplicate(StoredMeasurement m) {
        return new IntakeResult(m.senderId(), m.id(), m.colour(), m.colourReason(), m.thresholdSetId(), advice.text(m.colour(), m.pathwayId()), true);
    }

    /** Escalation is needed for colours the rules act on, and for a measurement the rules failed to colour. */
    private static EscalationState escalation(ColourResult colour) {
        return EscalationState.of(colour.colour());
    }

    private void requireAccepting(ColouringContext context, MeasurementInput m, String prefix) {
        if (!context.hasPlan()) {
            throw new ProblemException(HttpStatus.CONFLICT, prefix + "citizenId",
                    "the citizen's pathway has no monitoring plan yet: no measurements are accepted before it has one");
        }
    }

    /** 422 for an unknown citizen, 409 for a citizen whose pathway has ended (a discharged pathway takes no measurements). */
    private ProblemException noPathway(UUID citizenId, String field) {
        if (citizens.find(citizenId).isEmpty()) {
            return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, field, "no citizen with id " + citizenId);
        }
        return new ProblemException(HttpStatus.CONFLICT, field,
                "the citizen has no running pathway (discharged or never included): no measurements are accepted");
    }
}
