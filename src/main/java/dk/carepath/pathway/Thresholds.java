package dk.carepath.pathway;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A citizen's individual colour thresholds (grænseværdier), by name ({@code pulseRedHigh}: a
 * quantity and a {@link Band}). A value at or beyond a threshold takes that threshold's colour (see
 * docs/measurement-colours.md). Which thresholds exist, their bounds, precision and defaults are the
 * measurement types' ({@link MeasurementType}); weight thresholds are changes in kg against the
 * reference weight; blood pressure thresholds are set individually and may be absent.
 *
 * @param values the thresholds that are set, each at its band's precision (an absent one is not set)
 */
public record Thresholds(Map<String, BigDecimal> values) {

    /** The default table of the clinical guideline [002 §4.2.1 Skema 1]. */
    public static final Thresholds DEFAULT = defaults();

    public Thresholds {
        TreeMap<String, BigDecimal> normal = new TreeMap<>();
        values.forEach((name, value) -> {
            if (value != null) {
                normal.put(name, normal(name, value));
            }
        });
        values = Collections.unmodifiableMap(normal);
    }

    /** From values of any number type, as forms and the API give them; nulls are not set. */
    @JsonCreator
    public static Thresholds of(Map<String, ? extends Number> values) {
        Map<String, BigDecimal> decimals = new java.util.HashMap<>();
        values.forEach((name, value) -> decimals.put(name, value == null ? null : new BigDecimal(value.toString())));
        return new Thresholds(decimals);
    }

    private static Thresholds defaults() {
        Map<String, BigDecimal> values = new java.util.HashMap<>();
        for (Quantity q : MeasurementType.allThresholded()) {
            List<BigDecimal> defaults = q.thresholds().defaults();
            for (int i = 0; defaults != null && i < Band.values().length; i++) {
                values.put(q.threshold(Band.values()[i]), defaults.get(i));
            }
        }
        return new Thresholds(values);
    }

    /** the same figure at the band's precision (2 → 2.0 for weight), so that equal thresholds are equal */
    private static BigDecimal normal(String name, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int decimals = quantityOf(name).map(q -> q.thresholds().decimals()).orElse(0);
        return stripped.setScale(Math.max(decimals, Math.max(0, stripped.scale())));
    }

    private static java.util.Optional<Quantity> quantityOf(String name) {
        return MeasurementType.allThresholded().stream()
                .filter(q -> Arrays.stream(Band.values()).anyMatch(b -> q.threshold(b).equals(name))).findFirst();
    }

    public BigDecimal get(String name) {
        return values.get(name);
    }

    public BigDecimal get(Quantity quantity, Band band) {
        return values.get(quantity.threshold(band));
    }

    /** whether any of the quantity's thresholds is set */
    public boolean has(Quantity quantity) {
        return Arrays.stream(Band.values()).anyMatch(b -> values.containsKey(quantity.threshold(b)));
    }

    /** A quantity's thresholds ascending (red low, yellow low, yellow high, red high); null when none is set. */
    public List<BigDecimal> group(Quantity quantity) {
        if (!has(quantity)) {
            return null;
        }
        return Arrays.stream(Band.values()).map(b -> get(quantity, b)).toList();
    }

    /** These thresholds with a quantity's four replaced (null: removed). */
    public Thresholds with(Quantity quantity, List<BigDecimal> ascending) {
        Map<String, BigDecimal> changed = new java.util.HashMap<>(values);
        for (int i = 0; i < Band.values().length; i++) {
            changed.put(quantity.threshold(Band.values()[i]), ascending == null ? null : ascending.get(i));
        }
        return new Thresholds(changed);
    }

    /** Every threshold of every type by name, null where not set: the colour decisions' inputs, and the API's shape. */
    @JsonValue
    public Map<String, BigDecimal> all() {
        Map<String, BigDecimal> all = new LinkedHashMap<>();
        for (Quantity q : MeasurementType.allThresholded()) {
            for (Band b : Band.values()) {
                all.put(q.threshold(b), get(q, b));
            }
        }
        values.forEach(all::putIfAbsent);
        return all;
    }

    /** The thresholds as form fields: whole numbers as integers, others as doubles (what Camunda Forms' number fields hold). */
    public Map<String, Object> formFields() {
        Map<String, Object> fields = new java.util.HashMap<>();
        for (Quantity q : MeasurementType.allThresholded()) {
            for (Band b : Band.values()) {
                BigDecimal v = get(q, b);
                fields.put(q.threshold(b), v == null ? null : q.thresholds().decimals() == 0 ? (Object) v.intValueExact() : (Object) v.doubleValue());
            }
        }
        return fields;
    }

    /** The problems with these thresholds, in Danish for the form that set them; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Quantity q : MeasurementType.allThresholded()) {
            List<BigDecimal> group = group(q);
            problems.addAll(problems(q, group == null ? Arrays.asList(null, null, null, null) : group));
        }
        for (MeasurementType type : MeasurementType.values()) {
            List<Quantity> thresholded = type.thresholded();
            long set = thresholded.stream().filter(this::has).count();
            if (thresholded.size() > 1 && set > 0 && set < thresholded.size()) {
                problems.add(type.danish() + ": angiv grænser for " + String.join(" og ",
                        thresholded.stream().map(q -> q.danish().toLowerCase()).toList()) + ", eller for ingen af dem");
            }
        }
        return problems;
    }

    /** The problems of one quantity's thresholds (red low, yellow low, yellow high, red high), in Danish. */
    static List<String> problems(Quantity q, List<BigDecimal> ascending) {
        List<String> problems = new ArrayList<>();
        ThresholdBands bands = q.thresholds();
        String what = q.danish() + (bands.relativeToReference() ? " (" + q.unit() + " i forhold til referencevægt)" : "");
        long present = ascending.stream().filter(Objects::nonNull).count();
        if (present == 0 && !bands.required()) {
            return problems;
        }
        if (present < 4) {
            problems.add(what + ": alle fire grænser (rød nedre, gul nedre, gul øvre, rød øvre) skal udfyldes");
            return problems;
        }
        for (BigDecimal v : ascending) {
            if (!bands.bounds().contains(v)) {
                problems.add(what + ": grænserne skal ligge mellem " + bands.bounds().min().toPlainString() + " og "
                        + bands.bounds().max().toPlainString());
                return problems;
            }
            if (v.stripTrailingZeros().scale() > bands.decimals()) {
                problems.add(what + ": grænserne angives med " + (bands.decimals() == 0 ? "hele tal" : "højst " + bands.decimals() + " decimal"));
                return problems;
            }
        }
        for (int i = 1; i < ascending.size(); i++) {
            if (ascending.get(i - 1).compareTo(ascending.get(i)) >= 0) {
                problems.add(what + ": grænserne skal stige: rød nedre < gul nedre < gul øvre < rød øvre");
                return problems;
            }
        }
        if (bands.relativeToReference() && (ascending.get(1).signum() >= 0 || ascending.get(2).signum() <= 0)) {
            problems.add(q.danish() + ": gul nedre grænse skal være under 0 og gul øvre grænse over 0 " + q.unit());
        }
        return problems;
    }
}
