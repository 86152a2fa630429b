package dk.carepath.measurement;

import dk.carepath.pathway.FhirCode;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * FHIR's side of the measurement types: which type (and which value of it) a coding of an
 * Observation names, read from the types' descriptors ({@link MeasurementType#fhirCodes()},
 * {@link dk.carepath.pathway.Quantity#fhirCodes()}, {@link FhirCode}), so that a type's codes are
 * declared once, with the type; and Carepath's own code systems (symptoms, colours), which belong to no
 * type.
 */
final class FhirCodes {

    static final String LOINC = FhirCode.LOINC;
    static final String NPU = FhirCode.NPU;
    static final String MCS = FhirCode.MCS;
    static final String SKS = FhirCode.SKS;
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

    /** What an Observation's code names: the type, the code (a count of several days, or not), and the units it may carry. */
    record Meaning(MeasurementType type, FhirCode code, Set<String> units) {

        /** a count over several days (a week's steps), stored as sent and coloured by its daily mean */
        boolean counted() {
            return code.days() > 1;
        }

        /** what such a count may be: its quantity's possible range times its days */
        Quantity.Range possible() {
            Quantity.Range day = type.primary().possible();
            BigDecimal days = BigDecimal.valueOf(code.days());
            return new Quantity.Range(day.min().multiply(days), day.max().multiply(days));
        }
    }

    /**
     * The value of a type with two an Observation or a component is: the first or the second (of a blood
     * pressure, the only such type, the systolic and the diastolic; stored by these names).
     */
    enum Half {
        SYSTOLIC, DIASTOLIC;

        int index() {
            return ordinal();
        }
    }

    /** A coding of a value of a type with two. */
    record HalfMeaning(MeasurementType type, Half half) {

        Quantity quantity() {
            return type.quantities().get(half.index());
        }
    }

    private FhirCodes() {
    }

    /** What a coding of an Observation's code means, if a type declares it. */
    static Optional<Meaning> meaning(String system, String code) {
        for (MeasurementType type : MeasurementType.values()) {
            for (FhirCode c : type.fhirCodes()) {
                if (c.is(system, code)) {
                    return Optional.of(new Meaning(type, c, Set.copyOf(type.fhirUnits(c))));
                }
            }
        }
        return Optional.empty();
    }

    /** Which value of a type with two a coding is, if it is one. */
    static Optional<HalfMeaning> half(String system, String code) {
        for (MeasurementType type : MeasurementType.values()) {
            if (type.quantities().size() != 2) {
                continue;
            }
            for (Half half : Half.values()) {
                if (type.quantities().get(half.index()).fhirCodes().stream().anyMatch(c -> c.is(system, code))) {
                    return Optional.of(new HalfMeaning(type, half));
                }
            }
        }
        return Optional.empty();
    }

    /** "systolic LOINC 8480-6/DNK05472" */
    static String codes(Quantity q) {
        return q.name() + " " + q.fhirCodes().stream().map(FhirCode::shortName).collect(Collectors.joining("/"));
    }

    /** what the refusal of an unknown code lists: every type's codes, and its values' */
    static String known() {
        StringBuilder known = new StringBuilder();
        for (MeasurementType type : MeasurementType.values()) {
            if (!known.isEmpty()) {
                known.append(", ");
            }
            known.append(type.name()).append(' ').append(type.fhirCodes().stream().map(FhirCode::shortName).collect(Collectors.joining("/")));
            if (type.quantities().size() > 1) {
                known.append(" (or its values as Observations of their own: ")
                        .append(type.quantities().stream().map(FhirCodes::codes).collect(Collectors.joining(", "))).append(')');
            }
        }
        return known.toString();
    }

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
