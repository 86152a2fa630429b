package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Quantity;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The checks every measurement passes, from JSON or FHIR: required fields, units (UCUM), and values
 * that no living person can have. Plausible-but-odd values pass and are coloured CHECK by the rules.
 * Problems name the field by its path in the request ({@code measurements[3].unit}).
 */
final class Validation {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    static final int MAX_ID = 200;

    private final String prefix;
    private final List<FieldProblem> problems;
    private final Map<String, String> aliases;

    Validation(String prefix, List<FieldProblem> problems) {
        this(prefix, problems, Map.of());
    }

    /** @param aliases what the request calls a field (FHIR: "diastolic" is component[diastolic].valueQuantity.value) */
    Validation(String prefix, List<FieldProblem> problems, Map<String, String> aliases) {
        this.prefix = prefix;
        this.problems = problems;
        this.aliases = aliases;
    }

    void problem(String field, String message) {
        problems.add(new FieldProblem(prefix + aliases.getOrDefault(field, field), message));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** Validates one JSON measurement; returns it as input, or null with the problems recorded. */
    static MeasurementInput json(String source, MeasurementRequest r, String prefix, List<FieldProblem> problems, Instant now) {
        Validation v = new Validation(prefix, problems);
        int before = problems.size();
        if (r == null) {
            v.problem("", "missing measurement");
            return null;
        }
        String senderId = v.identifier("senderId", r.senderId());
        if (r.citizenId() == null) {
            v.problem("citizenId", "is required");
        }
        v.measuredAt(r.measuredAt() == null ? null : r.measuredAt().toInstant(), now);
        if (r.type() == null) {
            v.problem("type", "is required (one of " + List.of(MeasurementType.values()) + ")");
            return null;
        }
        // each value where the type's descriptor says the request carries it; the request's other value fields must be empty
        Map<String, Object> sent = new java.util.LinkedHashMap<>();
        sent.put("value", r.value());
        sent.put("systolic", r.systolic());
        sent.put("diastolic", r.diastolic());
        sent.put("nyhaClass", r.nyhaClass());
        List<Quantity> quantities = r.type().quantities();
        BigDecimal[] values = new BigDecimal[2];
        for (int i = 0; i < quantities.size(); i++) {
            Object raw = sent.get(quantities.get(i).field());
            values[i] = raw == null ? null : raw instanceof BigDecimal d ? d : new BigDecimal(raw.toString());
            v.required(quantities.get(i).field(), values[i]);
        }
        sent.forEach((field, raw) -> {
            if (quantities.stream().noneMatch(q -> q.field().equals(field))) {
                v.notUsed(field, raw, r.type());
            }
        });
        BigDecimal value = values[0];
        BigDecimal value2 = values[1];
        v.values(r.type(), value, value2, r.type().primary().field());
        v.unit(r.type(), r.unit());
        v.symptoms(r.type(), r.symptoms());
        if (problems.size() > before) {
            return null;
        }
        List<String> symptoms = r.symptoms() == null ? List.of() : r.symptoms().stream().map(Enum::name).distinct().sorted().toList();
        // (symptoms() refused nulls and symptoms on other types above)
        return new MeasurementInput(source, senderId, r.citizenId(), r.type(), value, value2, symptoms,
                r.unit() == null ? null : r.unit().strip(), atStoredPrecision(r.measuredAt().toInstant()));
    }

    /**
     * A sender's id as Carepath keeps it: Unicode-normalised (NFC) and trimmed, so that two spellings
     * of one id are one; refused with control or invisible formatting characters (a NUL byte would make
     * two different ids look the same), blank, or longer than {@link #MAX_ID}.
     */
    String identifier(String field, String id) {
        if (id == null || id.isBlank()) {
            problem(field, "is required: the sender's own id of the measurement, so that sending it again stores it once");
            return null;
        }
        String normal = java.text.Normalizer.normalize(id, java.text.Normalizer.Form.NFC).strip();
        if (CONTROL.matcher(normal).find()) {
            problem(field, "must not contain control or invisible characters");
            return null;
        }
        if (normal.isEmpty()) {
            problem(field, "is required: the sender's own id of the measurement, so that sending it again stores it once");
            return null;
        }
        if (normal.length() > MAX_ID) {
            problem(field, "must be at most " + MAX_ID + " characters");
            return null;
        }
        return normal;
    }

    /** The moment as the database keeps it (microseconds), so that a measurement sent again is recognised as the same. */
    static Instant atStoredPrecision(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** control characters, and format characters such as zero-width spaces and joiners */
    static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}]");

    /** the precision a value is stored with; a value that needs more would be coloured as one and stored as another */
    static final int DECIMALS = 2;

    void measuredAt(Instant measuredAt, Instant now) {
        if (measuredAt == null) {
            problem("measuredAt", "is required");
        } else if (measuredAt.isAfter(now.plus(CLOCK_SKEW))) {
            problem("measuredAt", "is in the future");
        } else if (measuredAt.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
            problem("measuredAt", "is before 2000");
        }
    }

    void required(String field, Object value) {
        if (value == null) {
            problem(field, "is required");
        }
    }

    void notUsed(String field, Object value, MeasurementType type) {
        if (value != null) {
            problem(field, "is not used for " + type);
        }
    }

    /**
     * Each value against its quantity: possible range, precision; of a type with two values, the
     * second must be lower than the first (the diastolic below the systolic pressure).
     *
     * @param field what the request calls the first value
     */
    void values(MeasurementType type, BigDecimal value, BigDecimal value2, String field) {
        List<Quantity> quantities = type.quantities();
        for (int i = 0; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            range(i == 0 ? field : q.field(), i == 0 ? value : value2, q);
        }
        if (quantities.size() == 2 && value != null && value2 != null && value2.compareTo(value) >= 0) {
            problem(quantities.get(1).field(), "must be lower than the " + quantities.get(0).name() + " value");
        }
    }

    private void range(String field, BigDecimal value, Quantity q) {
        if (value == null) {
            return;
        }
        String unit = q.unit().isEmpty() ? "" : " " + q.unit();
        if (q.decimals() == 0 && value.stripTrailingZeros().scale() > 0) {
            problem(field, "must be a whole number (" + q.danish() + ")");
        } else if (value.stripTrailingZeros().scale() > Math.min(q.decimals(), DECIMALS)) {
            problem(field, "at most " + Math.min(q.decimals(), DECIMALS) + " decimals:" + unit + " " + q.danish()
                    + " is stored and coloured to the hundredth");
        }
        if (!q.possible().contains(value) && !q.labels().isEmpty()) {
            problem(field, "must be a " + q.danish() + " from " + q.possible().min() + " to " + q.possible().max());
        } else if (!q.possible().contains(value)) {
            problem(field, "physiologically impossible: " + excerpt(value.toString()) + unit
                    + " (possible: " + q.possible() + ")");
        }
    }

    void unit(MeasurementType type, String unit) {
        List<String> accepted = type.primary().units();
        if (accepted.isEmpty()) {
            if (unit != null && !unit.isBlank()) {
                problem("unit", "a " + type + " has no unit");
            }
            return;
        }
        if (type.unitOptional() && (unit == null || unit.isBlank())) {
            return;
        }
        if (unit == null || unit.isBlank()) {
            problem("unit", "is required for " + type + " (" + accepted.stream().sorted().toList() + ")");
        } else if (!accepted.contains(unit.strip())) {
            // strip, not trim: trim would also drop a NUL and other control characters, and store them
            problem("unit", excerpt(unit) + " is not a unit of " + type + " (UCUM: " + accepted.stream().sorted().toList() + ")");
        }
    }

    /** Symptoms belong to a questionnaire answer; none of them may be missing. */
    void symptoms(MeasurementType type, List<Symptom> symptoms) {
        if (symptoms == null || symptoms.isEmpty()) {
            return;
        }
        if (!type.answersSymptoms()) {
            problem("symptoms", "are answered in a questionnaire ("
                    + java.util.Arrays.stream(MeasurementType.values()).filter(MeasurementType::answersSymptoms).toList() + "), not with a " + type);
            return;
        }
        for (int i = 0; i < symptoms.size(); i++) {
            if (symptoms.get(i) == null) {
                problem("symptoms[" + i + "]", "is empty: name a symptom (one of " + List.of(Symptom.values()) + ")");
            }
        }
    }

    /** a sent value as it is echoed in a problem: quoted, at most 40 characters, control characters shown by their code (U+0000) */
    static String excerpt(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        StringBuilder visible = new StringBuilder("'");
        shown.codePoints().forEach(c -> visible.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("U+%04X", c) : new String(Character.toChars(c))));
        return visible.append("'").toString();
    }

    static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<FieldProblem> list() {
        return new ArrayList<>();
    }
}
