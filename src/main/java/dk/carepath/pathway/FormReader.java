package dk.carepath.pathway;

import dk.carepath.engine.FormRules;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads a submitted form's fields with types and ranges, collecting every problem in Danish so
 * that the person completing the task sees all of them at once.
 */
final class FormReader {

    private final VariableScope scope;
    private final List<String> problems = new ArrayList<>();

    FormReader(VariableScope scope) {
        this.scope = scope;
    }

    Integer integer(String field, String label, int min, int max, boolean required) {
        Object raw = scope.getVariable(field);
        if (raw == null || raw instanceof String s && s.isBlank()) {
            if (required) problems.add(label + " skal udfyldes");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.toString().trim());
            if (value.stripTrailingZeros().scale() > 0) {
                problems.add(label + " skal være et helt tal");
                return null;
            }
            int v = value.intValueExact();
            if (v < min || v > max) {
                problems.add(label + " skal være mellem " + min + " og " + max);
                return null;
            }
            return v;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(label + " skal være et tal");
            return null;
        }
    }

    BigDecimal decimal(String field, String label, double min, double max, boolean required) {
        return decimal(field, label, min, max, required, 1);
    }

    /** A number with at most {@code decimals} decimals, never rounded; a whole number when decimals is 0. */
    BigDecimal decimal(String field, String label, double min, double max, boolean required, int decimals) {
        Object raw = scope.getVariable(field);
        if (raw == null || raw instanceof String s && s.isBlank()) {
            if (required) problems.add(label + " skal udfyldes");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.toString().trim());
            if (value.stripTrailingZeros().scale() > decimals) {
                // kept to its precision, and never rounded silently: 80.25 is neither 80.2 nor 80.3
                problems.add(label + (decimals == 0 ? " skal være et helt tal" : decimals == 1 ? " angives med højst én decimal"
                        : " angives med højst " + decimals + " decimaler"));
                return null;
            }
            value = value.setScale(decimals, java.math.RoundingMode.UNNECESSARY);
            if (value.doubleValue() < min || value.doubleValue() > max) {
                problems.add(label + " skal være mellem " + plain(min) + " og " + plain(max));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(label + " skal være et tal");
            return null;
        }
    }

    /** 20 rather than 20.0, 2.5 as 2,5 */
    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }

    <E extends Enum<E>> E choice(String field, String label, Class<E> type, boolean required) {
        Object raw = scope.getVariable(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) problems.add(label + " skal vælges");
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toString());
        } catch (IllegalArgumentException e) {
            problems.add(label + ": ukendt værdi '" + raw + "'");
            return null;
        }
    }

    LocalTime time(String field, String label) {
        Object raw = scope.getVariable(field);
        if (raw == null || raw.toString().isBlank()) {
            problems.add(label + " skal udfyldes");
            return null;
        }
        try {
            return LocalTime.parse(raw.toString().trim());
        } catch (DateTimeParseException e) {
            problems.add(label + " skal være et klokkeslæt som 08:00");
            return null;
        }
    }

    boolean flag(String field) {
        Object raw = scope.getVariable(field);
        return raw instanceof Boolean b ? b : raw != null && Boolean.parseBoolean(raw.toString());
    }

    String text(String field) {
        Object raw = scope.getVariable(field);
        return raw == null || raw.toString().isBlank() ? null : raw.toString().trim();
    }

    void problem(String problem) {
        problems.add(problem);
    }

    void problems(List<String> more) {
        problems.addAll(more);
    }

    /** Refuses the task completion if anything was wrong. */
    void check() {
        if (!problems.isEmpty()) {
            throw FormRules.invalid(problems);
        }
    }

    /** Every thresholded quantity's four thresholds, each read with its band's precision and bounds. */
    Thresholds thresholds() {
        java.util.Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (Quantity q : MeasurementType.allThresholded()) {
            ThresholdBands bands = q.thresholds();
            for (Band band : Band.values()) {
                values.put(q.threshold(band), decimal(q.threshold(band), q.label(band), bands.bounds().min().doubleValue(),
                        bands.bounds().max().doubleValue(), bands.required(), bands.decimals()));
            }
        }
        return new Thresholds(values);
    }

    /** Writes thresholds into form fields, for a form that shows the current ones. */
    static java.util.Map<String, Object> fields(Thresholds t) {
        return t.formFields();
    }
}
