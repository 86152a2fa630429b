package dk.carepath.pathway;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One value of a measurement type: a weight, a pulse, the systolic and the diastolic pressure, a
 * NYHA class. Everything Carepath does with the value is read from here: how a sender names it, its
 * unit, what no living person can have (refused), what is possible but unlikely (coloured CHECK by
 * the DMN table, which a test holds to these figures), how it is shown, and its thresholds.
 *
 * @param name       the value's name in thresholds, DMN inputs and forms ({@code pulse} → {@code pulseRedHigh})
 * @param field      what a JSON measurement calls it ({@code value}, {@code systolic}, …)
 * @param danish     its Danish name on forms and pages ("Systolisk")
 * @param unit       the unit as pages show it ("kg", "/min"; empty for none)
 * @param units      the unit spellings a sender may use, UCUM first; empty when the value has no unit
 * @param possible   outside this (inclusive) the value is refused as physiologically impossible
 * @param plausible  outside this the colour decision answers CHECK (for weight: the change against the reference)
 * @param decimals   the decimals a value may have (0: whole numbers); it is stored with two
 * @param shown      the decimals pages and summaries show
 * @param typical    an ordinary value, for examples, demo data and tests
 * @param labels     how a value is named where it is a class rather than a figure (NYHA 2 → "II"); empty for figures
 * @param thresholds its threshold bands, or null when it is not coloured against thresholds
 * @param fhirCodes  of a value of a type with several: the codes of its FHIR component, and of an Observation of it alone
 *                   (systolic LOINC 8480-6 / DNK05472); empty for the one value of a type (the type's codes name it)
 */
public record Quantity(String name, String field, String danish, String unit, List<String> units, Range possible, Range plausible,
                       int decimals, int shown, BigDecimal typical, Map<Integer, String> labels, ThresholdBands thresholds,
                       List<FhirCode> fhirCodes) {

    public Quantity {
        units = List.copyOf(units);
        fhirCodes = List.copyOf(fhirCodes);
    }

    /** the one value of a type, named in FHIR by the type's codes */
    public Quantity(String name, String field, String danish, String unit, List<String> units, Range possible, Range plausible,
                    int decimals, int shown, BigDecimal typical, Map<Integer, String> labels, ThresholdBands thresholds) {
        this(name, field, danish, unit, units, possible, plausible, decimals, shown, typical, labels, thresholds, List.of());
    }

    /** An inclusive range. */
    public record Range(BigDecimal min, BigDecimal max) {

        public static Range of(String min, String max) {
            return new Range(new BigDecimal(min), new BigDecimal(max));
        }

        public boolean contains(BigDecimal v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }

        @Override
        public String toString() {
            return min.toPlainString() + "-" + max.toPlainString();
        }
    }

    public boolean hasThresholds() {
        return thresholds != null;
    }

    /** {@code pulseRedHigh} */
    public String threshold(Band band) {
        return name + band.suffix();
    }

    /** "Puls rød øvre" */
    public String label(Band band) {
        return danish + " " + band.danish();
    }

    /** The key the mass update's API names this quantity's thresholds by: PULSE, SYSTOLIC, … */
    public String group() {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    /** The value as shown: "82,4", "II" */
    public String format(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        if (!labels.isEmpty() && value.stripTrailingZeros().scale() <= 0 && labels.containsKey(value.intValue())) {
            return labels.get(value.intValue());
        }
        return number(value, shown);
    }

    /** a figure as Danes write it, with a decimal comma */
    public static String number(BigDecimal value, int decimals) {
        return value == null ? "–" : value.setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }
}
