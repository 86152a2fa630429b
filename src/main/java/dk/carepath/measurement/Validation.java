package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import dk.carepath.web.InvalidRequestException.FieldProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The checks every measurement passes, from JSON or FHIR: required fields, units (UCUM), and values
 * that no living person can have. Plausible-but-odd values pass and are coloured CHECK by the rules.
 * Problems name the field by its path in the request ({@code measurements[3].unit}).
 */
final class Validation {

    /** Accepted unit spellings per type: UCUM first, then the common ASCII spelling. */
    static final Map<MeasurementType, Set<String>> UNITS = Map.of(
            MeasurementType.WEIGHT, Set.of("kg"),
            MeasurementType.PULSE, Set.of("/min", "{beats}/min", "{beat}/min", "1/min", "bpm"),
            MeasurementType.BLOOD_PRESSURE, Set.of("mm[Hg]", "mmHg"),
            MeasurementType.STEPS, Set.of("{steps}", "{steps}/d", "1", "/d"));

    /** The physiologically possible range of each value, inclusive. */
    record Range(double min, double max) {
        boolean contains(BigDecimal v) {
            return v.doubleValue() >= min && v.doubleValue() <= max;
        }
    }

    static final Range WEIGHT = new Range(20, 400);
    static final Range PULSE = new Range(20, 300);
    static final Range SYSTOLIC = new Range(40, 300);
    static final Range DIASTOLIC = new Range(20, 200);
    static final Range STEPS = new Range(0, 200_000);
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
        BigDecimal value = r.value();
        BigDecimal value2 = null;
        switch (r.type()) {
            case WEIGHT, PULSE, STEPS -> {
                v.required("value", value);
                v.notUsed("systolic", r.systolic(), r.type());
                v.notUsed("diastolic", r.diastolic(), r.type());
                v.notUsed("nyhaClass", r.nyhaClass(), r.type());
            }
            case BLOOD_PRESSURE -> {
                v.notUsed("value", r.value(), r.type());
                value = r.systolic();
                value2 = r.diastolic();
                v.required("systolic", value);
                v.required("diastolic", value2);
            }
            case PRO_QUESTIONNAIRE -> {
                v.notUsed("value", r.value(), r.type());
                value = r.nyhaClass() == null ? null : BigDecimal.valueOf(r.nyhaClass());
                v.required("nyhaClass", value);
            }
        }
        v.values(r.type(), value, value2, r.type() == MeasurementType.BLOOD_PRESSURE ? "systolic" : "value");
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

    void values(MeasurementType type, BigDecimal value, BigDecimal value2, String field) {
        switch (type) {
            case WEIGHT -> range(field, value, WEIGHT, "kg");
            case PULSE -> range(field, value, PULSE, "/min");
            case STEPS -> {
                range(field, value, STEPS, "steps");
                if (value != null && value.stripTrailingZeros().scale() > 0) {
                    problem(field, "must be a whole number of steps");
                }
            }
            case BLOOD_PRESSURE -> {
                range("systolic", value, SYSTOLIC, "mmHg");
                range("diastolic", value2, DIASTOLIC, "mmHg");
                if (value != null && value2 != null && value2.compareTo(value) >= 0) {
                    problem("diastolic", "must be lower than the systolic pressure");
                }
            }
            case PRO_QUESTIONNAIRE -> {
                if (value != null && (value.intValue() < 1 || value.intValue() > 4 || value.stripTrailingZeros().scale() > 0)) {
                    problem("nyhaClass", "must be a NYHA class from 1 to 4");
                }
            }
        }
    }

    private void range(String field, BigDecimal value, Range range, String unit) {
        if (value != null && value.stripTrailingZeros().scale() > DECIMALS) {
            problem(field, "at most " + DECIMALS + " decimals: " + unit + " is stored and coloured to the hundredth");
        }
        if (value != null && !range.contains(value)) {
            problem(field, "physiologically impossible: " + excerpt(value.toString()) + " " + unit
                    + " (possible: " + fmt(range.min()) + "-" + fmt(range.max()) + ")");
        }
    }

    void unit(MeasurementType type, String unit) {
        Set<String> accepted = UNITS.get(type);
        if (type == MeasurementType.PRO_QUESTIONNAIRE) {
            if (unit != null && !unit.isBlank()) {
                problem("unit", "a questionnaire answer has no unit");
            }
            return;
        }
        if (type == MeasurementType.STEPS && (unit == null || unit.isBlank())) {
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
        if (type != MeasurementType.PRO_QUESTIONNAIRE) {
            problem("symptoms", "are answered in a PRO_QUESTIONNAIRE, not with a " + type);
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

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
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
