package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every FHIR code Carepath reads, and what it means: the code ↔ measurement type mapping (LOINC, the
 * Danish NPU/DNK codes, MedCom's MCS codes, the SKS activity code of a home blood pressure), the UCUM
 * units each code comes with, and Carepath's own code systems (symptoms, colours). One place, so that
 * a change of the measurement types meets one class. The national infrastructure's codes are those of
 * its value set {@code http://ehealth.sundhed.dk/vs/observation-codes} and its ConceptMaps
 * {@code conceptmap-obs-code-to-ucum} and {@code activitydefinition-code-to-observation-code}
 * (FUT implementation guide 8.0.0).
 */
final class FhirCodes {

    static final String LOINC = "http://loinc.org";
    /** NPU, and the Danish DNK codes in the same system */
    static final String NPU = "urn:oid:1.2.208.176.2.1";
    /** MedCom's MCS codes */
    static final String MCS = "urn:oid:1.2.208.184.100.8";
    /** SKS: the activity code ZZ3170 "Hjemmeblodtryksmåling udført af patienten" */
    static final String SKS = "urn:oid:1.2.208.176.2.4";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CPR = "urn:oid:1.2.208.176.1.2";
    static final String SYMPTOMS = "https://carepath.dk/fhir/CodeSystem/heart-failure-symptom";
    /** Carepath's colour of a measurement, as an Observation.interpretation coding and an extension */
    static final String COLOUR = "https://carepath.dk/fhir/CodeSystem/measurement-colour";
    static final String COLOUR_EXTENSION = "https://carepath.dk/fhir/StructureDefinition/measurement-colour";
    static final String ADVICE_EXTENSION = "https://carepath.dk/fhir/StructureDefinition/citizen-advice";
    /** on a half of a blood pressure: the measurement the pair became */
    static final String PAIR_EXTENSION = "https://carepath.dk/fhir/StructureDefinition/blood-pressure-pair";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** What a code measures, and how its value is counted. */
    enum Count {
        /** one value at a moment (or of a period) */
        ONE,
        /** steps per day (MCS88192) */
        PER_DAY,
        /** steps per week (MCS88193): stored as sent, coloured by its daily mean */
        PER_WEEK
    }

    record Meaning(MeasurementType type, Count count, Set<String> units) {
    }

    /** The half of a blood pressure an Observation or a component is. */
    enum Half {
        SYSTOLIC, DIASTOLIC
    }

    /** the units of blood pressure, as its descriptor has them (UCUM mm[Hg], and mmHg) */
    private static final Set<String> BLOOD_PRESSURE_UNITS = Set.copyOf(MeasurementType.BLOOD_PRESSURE.primary().units());

    /** system → code → meaning, for an Observation's code */
    private static final Map<String, Map<String, Meaning>> CODES = Map.of(
            LOINC, Map.of(
                    "29463-7", meaning(MeasurementType.WEIGHT, Count.ONE),
                    "8867-4", meaning(MeasurementType.PULSE, Count.ONE),
                    "85354-9", meaning(MeasurementType.BLOOD_PRESSURE, Count.ONE),
                    "41950-7", meaning(MeasurementType.STEPS, Count.ONE),
                    "88020-3", meaning(MeasurementType.PRO_QUESTIONNAIRE, Count.ONE)),
            NPU, Map.of(
                    "NPU03804", meaning(MeasurementType.WEIGHT, Count.ONE, "kg"),
                    "NPU21692", meaning(MeasurementType.PULSE, Count.ONE, "1/min")),
            MCS, Map.of(
                    "MCS88192", meaning(MeasurementType.STEPS, Count.PER_DAY, "/d"),
                    "MCS88193", new Meaning(MeasurementType.STEPS, Count.PER_WEEK, Set.of("/wk")),
                    "MCS88194", meaning(MeasurementType.STEPS, Count.ONE, "{Number}")),
            SKS, Map.of(
                    "ZZ3170", meaning(MeasurementType.BLOOD_PRESSURE, Count.ONE)));

    /** system|code of the halves, as components of a panel or as Observations of their own */
    private static final Map<String, Half> HALVES = Map.of(
            LOINC + "|8480-6", Half.SYSTOLIC, NPU + "|DNK05472", Half.SYSTOLIC,
            LOINC + "|8462-4", Half.DIASTOLIC, NPU + "|DNK05473", Half.DIASTOLIC);

    /** what the refusal of an unknown code lists */
    static final String KNOWN = "weight LOINC 29463-7/NPU03804, pulse 8867-4/NPU21692, blood pressure 85354-9 or SKS ZZ3170 "
            + "(or its halves as Observations of their own: systolic 8480-6/DNK05472, diastolic 8462-4/DNK05473), "
            + "steps 41950-7/MCS88192/MCS88193/MCS88194, NYHA 88020-3";

    private FhirCodes() {
    }

    private static Meaning meaning(MeasurementType type, Count count, String... fut) {
        Set<String> units = new LinkedHashSet<>(List.of(fut));
        units.addAll(type.primary().units());
        return new Meaning(type, count, Set.copyOf(units));
    }

    /** What a coding of an Observation's code means, if Carepath knows it. */
    static Optional<Meaning> meaning(String system, String code) {
        return Optional.ofNullable(CODES.getOrDefault(system, Map.of()).get(code));
    }

    /** Which half of a blood pressure a coding is, if it is one. */
    static Optional<Half> half(String system, String code) {
        return Optional.ofNullable(HALVES.get(system + "|" + code));
    }

    static Set<String> bloodPressureUnits() {
        return BLOOD_PRESSURE_UNITS;
    }

    /** The code an Observation of a half is sent with, as Carepath answers it. */
    static String code(Half half) {
        return half == Half.SYSTOLIC ? "DNK05472" : "DNK05473";
    }

    /**
     * The value the colour rules read: the value itself, except a week's steps, which the rules (made
     * for a day's steps) read as their daily mean. The stored value is always the sent one.
     */
    static BigDecimal coloured(MeasurementType type, BigDecimal value, String unit) {
        if (type == MeasurementType.STEPS && value != null && "/wk".equals(unit)) {
            return value.divide(BigDecimal.valueOf(7), 2, RoundingMode.HALF_UP);
        }
        return value;
    }

    /** the steps of a week that are possible: seven times a day's */
    static final BigDecimal MAX_STEPS_PER_WEEK = BigDecimal.valueOf(7L * 200_000);

    /** Carepath's colour as the HL7 interpretation a FHIR client knows (null where there is none). */
    static String interpretation(Colour colour) {
        if (colour == null) {
            return null;
        }
        return switch (colour) {
            case RED -> "AA";
            case YELLOW -> "A";
            case GREEN -> "N";
            default -> null;
        };
    }
}
