package dk.carepath.pathway;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a monitoring plan can ask the citizen to measure or answer [002 §4.2.1], each described here
 * and only here: its values ({@link Quantity}: units, possible and plausible ranges, precision,
 * thresholds and their defaults), the DMN decision that colours it, its field on the plan form and
 * how it is written for nurses and citizens. Intake, validation, colouring, planning, the mass update,
 * triage and the citizen page all read these descriptors; {@code MeasurementTypesTest} runs every
 * type through all of them. Adding a type: docs/measurements.md.
 */
public enum MeasurementType {

    WEIGHT("Vægt", "weight-colour", "weightFrequency", Frequency.DAILY, false, false, true,
            List.of(FhirCode.loinc("29463-7"), FhirCode.npu("NPU03804", "kg")),
            new Wording("Vægt ", " kg", "", " kg"),
            new Quantity("weight", "value", "Vægt", "kg", List.of("kg"), Quantity.Range.of("20", "400"),
                    // plausible: the change against the reference weight, as the table compares it
                    Quantity.Range.of("-15", "15"), 2, 1, new BigDecimal("82.0"), Map.of(),
                    ThresholdBands.of(true, "-20", "20", 1, true, "-3.0", "-2.0", "2.0", "3.0"))),

    PULSE("Puls", "pulse-colour", "pulseFrequency", Frequency.DAILY, false, false, true,
            List.of(FhirCode.loinc("8867-4"), FhirCode.npu("NPU21692", "1/min")),
            new Wording("Puls ", " slag/min", "", " /min"),
            new Quantity("pulse", "value", "Puls", "/min", List.of("/min", "{beats}/min", "{beat}/min", "1/min", "bpm"),
                    Quantity.Range.of("20", "300"), Quantity.Range.of("30", "220"), 2, 0, new BigDecimal("72"), Map.of(),
                    ThresholdBands.of(false, "20", "250", 0, true, "40", "45", "90", "100"))),

    BLOOD_PRESSURE("Blodtryk", "blood-pressure-colour", "bloodPressureFrequency", Frequency.DAILY, false, false, true,
            // the panel, or the home blood pressure activity (FUT sends it as two Observations, one per value)
            List.of(FhirCode.loinc("85354-9"), FhirCode.sks("ZZ3170")),
            new Wording("Blodtryk ", " mmHg", "", " mmHg"),
            new Quantity("systolic", "systolic", "Systolisk", "mmHg", List.of("mm[Hg]", "mmHg"),
                    Quantity.Range.of("40", "300"), Quantity.Range.of("70", "250"), 2, 0, new BigDecimal("130"), Map.of(),
                    // set individually at the start of titration: the guideline has no default
                    ThresholdBands.of(false, "50", "300", 0, false), List.of(FhirCode.loinc("8480-6"), FhirCode.npu("DNK05472"))),
            new Quantity("diastolic", "diastolic", "Diastolisk", "mmHg", List.of("mm[Hg]", "mmHg"),
                    Quantity.Range.of("20", "200"), Quantity.Range.of("35", "150"), 2, 0, new BigDecimal("80"), Map.of(),
                    ThresholdBands.of(false, "30", "200", 0, false), List.of(FhirCode.loinc("8462-4"), FhirCode.npu("DNK05473")))),

    STEPS("Skridt", "steps-colour", "stepsFrequency", null, false, true, false,
            // a day's steps (MCS88192), a count over the Observation's period (MCS88194), a week's (MCS88193)
            List.of(FhirCode.loinc("41950-7"), FhirCode.mcs("MCS88192", "/d"), FhirCode.mcs("MCS88194", "{Number}"),
                    FhirCode.mcs("MCS88193").counting(7, "/wk")),
            new Wording("Skridt ", "", "", " skridt"),
            new Quantity("steps", "value", "Skridt", "skridt", List.of("{steps}", "{steps}/d", "1", "/d"),
                    Quantity.Range.of("0", "200000"), Quantity.Range.of("0", "50000"), 0, 0, new BigDecimal("4200"), Map.of(), null)),

    PRO_QUESTIONNAIRE("Spørgeskema (PRO) inkl. NYHA", "pro-colour", "proFrequency", Frequency.WEEKLY, true, false, false,
            List.of(FhirCode.loinc("88020-3")),
            new Wording("Spørgeskema: NYHA-klasse ", "", "NYHA ", ""),
            new Quantity("nyhaClass", "nyhaClass", "NYHA-klasse", "", List.of(), Quantity.Range.of("1", "4"), Quantity.Range.of("1", "4"),
                    0, 0, new BigDecimal("2"), Map.of(1, "I", 2, "II", 3, "III", 4, "IV"), null));

    /**
     * How a measurement of the type is written: in task summaries and mails ("Puls 72 slag/min") and on
     * pages ("72 /min"); the values of a type with two are joined by "/" ("135/85 mmHg").
     */
    public record Wording(String summaryPrefix, String summaryUnit, String displayPrefix, String displayUnit) {
    }

    private final String danish;
    private final String decision;
    private final String planField;
    private final Frequency defaultFrequency;
    private final boolean answersSymptoms;
    private final boolean unitOptional;
    private final boolean charted;
    private final List<FhirCode> fhirCodes;
    private final Wording wording;
    private final List<Quantity> quantities;

    MeasurementType(String danish, String decision, String planField, Frequency defaultFrequency, boolean answersSymptoms,
                    boolean unitOptional, boolean charted, List<FhirCode> fhirCodes, Wording wording, Quantity... quantities) {
        this.danish = danish;
        this.decision = decision;
        this.planField = planField;
        this.defaultFrequency = defaultFrequency;
        this.answersSymptoms = answersSymptoms;
        this.unitOptional = unitOptional;
        this.charted = charted;
        this.fhirCodes = List.copyOf(fhirCodes);
        this.wording = wording;
        this.quantities = List.of(quantities);
    }

    public String danish() {
        return danish;
    }

    /** the decision of rules/measurement-colour.dmn that colours the type */
    public String decision() {
        return decision;
    }

    /** the plan form's frequency field ("NONE": not measured) */
    public String planField() {
        return planField;
    }

    /** the guideline's frequency in the start-up; empty: not measured unless chosen */
    public Optional<Frequency> defaultFrequency() {
        return Optional.ofNullable(defaultFrequency);
    }

    /** a questionnaire answer, which may carry symptoms */
    public boolean answersSymptoms() {
        return answersSymptoms;
    }

    /** a sender may leave the unit out (a step count is a count) */
    public boolean unitOptional() {
        return unitOptional;
    }

    /** drawn as a chart on the citizen page */
    public boolean charted() {
        return charted;
    }

    /**
     * the codes a FHIR Observation of the type carries, the first the one Carepath names the type by; how its value is
     * carried follows from the values: one figure in {@code valueQuantity}, a class ({@link Quantity#labels()}) in
     * {@code valueInteger}, several values as components coded by {@link Quantity#fhirCodes()}
     */
    public List<FhirCode> fhirCodes() {
        return fhirCodes;
    }

    /** the units an Observation with the code may carry: the code's own, then (except for a count of several days) the type's */
    public List<String> fhirUnits(FhirCode code) {
        java.util.LinkedHashSet<String> units = new java.util.LinkedHashSet<>(code.units());
        if (code.days() == 1) {
            units.addAll(primary().units());
        }
        return List.copyOf(units);
    }

    /**
     * The value the colour rules read: the value itself, except a count of several days (a week's steps, unit
     * {@code /wk}), which the rules (made for a day) read as its daily mean. The stored value is always the sent one.
     */
    public BigDecimal coloured(BigDecimal value, String unit) {
        if (value == null || unit == null || primary().units().contains(unit)) {
            return value;
        }
        return fhirCodes.stream().filter(c -> c.days() > 1 && c.units().contains(unit)).findFirst()
                .map(c -> value.divide(BigDecimal.valueOf(c.days()), 2, java.math.RoundingMode.HALF_UP)).orElse(value);
    }

    /** the type's values, in the order a measurement keeps them ({@code value}, {@code value2}) */
    public List<Quantity> quantities() {
        return quantities;
    }

    public Quantity primary() {
        return quantities.get(0);
    }

    /** the thresholded quantities of the type */
    public List<Quantity> thresholded() {
        return quantities.stream().filter(Quantity::hasThresholds).toList();
    }

    /** "Puls 72 slag/min", "Blodtryk 135/85 mmHg", "Spørgeskema: NYHA-klasse 2" */
    public String summary(BigDecimal value, BigDecimal value2) {
        return wording.summaryPrefix() + joined(value, value2, false) + wording.summaryUnit();
    }

    /** "82,4 kg", "72 /min", "135/85 mmHg", "4200 skridt", "NYHA II" */
    public String display(BigDecimal value, BigDecimal value2) {
        return wording.displayPrefix() + joined(value, value2, true) + wording.displayUnit();
    }

    private String joined(BigDecimal value, BigDecimal value2, boolean labelled) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            BigDecimal v = i == 0 ? value : value2;
            if (i > 0) text.append('/');
            text.append(labelled ? q.format(v) : v == null ? "?" : Quantity.number(v, q.shown()));
        }
        return text.toString();
    }

    /** every quantity of every type */
    public static Stream<Quantity> allQuantities() {
        return Arrays.stream(values()).flatMap(t -> t.quantities().stream());
    }

    /** every quantity that has thresholds, in the order of the types */
    public static List<Quantity> allThresholded() {
        return allQuantities().filter(Quantity::hasThresholds).toList();
    }

    /** the thresholded quantity the mass update names by its group (PULSE, SYSTOLIC, …) */
    public static Optional<Quantity> byGroup(String group) {
        return allQuantities().filter(Quantity::hasThresholds).filter(q -> q.group().equalsIgnoreCase(group)).findFirst();
    }

    /** the type a quantity belongs to */
    public static MeasurementType of(Quantity quantity) {
        return Arrays.stream(values()).filter(t -> t.quantities().contains(quantity)).findFirst().orElseThrow();
    }
}
