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
        Object raw = scope.getVariable(field);
        if (raw == null || raw instanceof String s && s.isBlank()) {
            if (required) problems.add(label + " skal udfyldes");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(raw.toString().trim());
            if (value.stripTrailingZeros().scale() > 1) {
                // kept to the tenth, and never rounded silently: 80.25 is neither 80.2 nor 80.3
                problems.add(label + " angives med højst én decimal");
                return null;
            }
            value = value.setScale(1, java.math.RoundingMode.UNNECESSARY);
            if (value.doubleValue() < min || value.doubleValue() > max) {
                problems.add(label + " skal være mellem " + min + " og " + max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(label + " skal være et tal");
            return null;
        }
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

    Thresholds thresholds() {
        return new Thresholds(
                integer("pulseRedHigh", "Puls rød øvre", 20, 250, true),
                integer("pulseYellowHigh", "Puls gul øvre", 20, 250, true),
                integer("pulseYellowLow", "Puls gul nedre", 20, 250, true),
                integer("pulseRedLow", "Puls rød nedre", 20, 250, true),
                decimal("weightRedHigh", "Vægt rød øvre", -20, 20, true),
                decimal("weightYellowHigh", "Vægt gul øvre", -20, 20, true),
                decimal("weightYellowLow", "Vægt gul nedre", -20, 20, true),
                decimal("weightRedLow", "Vægt rød nedre", -20, 20, true),
                integer("systolicRedHigh", "Systolisk rød øvre", 50, 300, false),
                integer("systolicYellowHigh", "Systolisk gul øvre", 50, 300, false),
                integer("systolicYellowLow", "Systolisk gul nedre", 50, 300, false),
                integer("systolicRedLow", "Systolisk rød nedre", 50, 300, false),
                integer("diastolicRedHigh", "Diastolisk rød øvre", 30, 200, false),
                integer("diastolicYellowHigh", "Diastolisk gul øvre", 30, 200, false),
                integer("diastolicYellowLow", "Diastolisk gul nedre", 30, 200, false),
                integer("diastolicRedLow", "Diastolisk rød nedre", 30, 200, false));
    }

    /** Writes thresholds into form fields, for a form that shows the current ones. */
    static java.util.Map<String, Object> fields(Thresholds t) {
        java.util.Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("pulseRedHigh", t.pulseRedHigh());
        fields.put("pulseYellowHigh", t.pulseYellowHigh());
        fields.put("pulseYellowLow", t.pulseYellowLow());
        fields.put("pulseRedLow", t.pulseRedLow());
        fields.put("weightRedHigh", t.weightRedHigh() == null ? null : t.weightRedHigh().doubleValue());
        fields.put("weightYellowHigh", t.weightYellowHigh() == null ? null : t.weightYellowHigh().doubleValue());
        fields.put("weightYellowLow", t.weightYellowLow() == null ? null : t.weightYellowLow().doubleValue());
        fields.put("weightRedLow", t.weightRedLow() == null ? null : t.weightRedLow().doubleValue());
        fields.put("systolicRedHigh", t.systolicRedHigh());
        fields.put("systolicYellowHigh", t.systolicYellowHigh());
        fields.put("systolicYellowLow", t.systolicYellowLow());
        fields.put("systolicRedLow", t.systolicRedLow());
        fields.put("diastolicRedHigh", t.diastolicRedHigh());
        fields.put("diastolicYellowHigh", t.diastolicYellowHigh());
        fields.put("diastolicYellowLow", t.diastolicYellowLow());
        fields.put("diastolicRedLow", t.diastolicRedLow());
        return fields;
    }
}
