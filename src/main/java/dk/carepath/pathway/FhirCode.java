package dk.carepath.pathway;

import java.util.List;

/**
 * A code a FHIR Observation names a measurement type (or one value of it) by, as the descriptors of
 * {@link MeasurementType} declare them: LOINC, the Danish NPU/DNK codes, MedCom's MCS codes, SKS. The
 * national infrastructure's codes are those of its value set
 * {@code http://ehealth.sundhed.dk/vs/observation-codes} and its ConceptMaps
 * {@code conceptmap-obs-code-to-ucum} and {@code activitydefinition-code-to-observation-code} (FUT
 * implementation guide 8.0.0). Plain strings: the pathway module knows codes, not HAPI FHIR.
 *
 * @param units the UCUM units this code comes with besides its quantity's own ({@code 1/min} of NPU21692);
 *              a counted code's ({@code days} > 1) replace them
 * @param days  1 for a value of a moment or a day; 7 for a week's count (MCS88193 steps per week), stored as sent and
 *              coloured by its daily mean
 */
public record FhirCode(String system, String code, List<String> units, int days) {

    public static final String LOINC = "http://loinc.org";
    /** NPU, and the Danish DNK codes in the same system */
    public static final String NPU = "urn:oid:1.2.208.176.2.1";
    /** MedCom's MCS codes */
    public static final String MCS = "urn:oid:1.2.208.184.100.8";
    /** SKS: activity codes such as ZZ3170 "Hjemmeblodtryksmåling udført af patienten" */
    public static final String SKS = "urn:oid:1.2.208.176.2.4";

    public FhirCode {
        units = List.copyOf(units);
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
    }

    public static FhirCode loinc(String code, String... units) {
        return new FhirCode(LOINC, code, List.of(units), 1);
    }

    public static FhirCode npu(String code, String... units) {
        return new FhirCode(NPU, code, List.of(units), 1);
    }

    public static FhirCode mcs(String code, String... units) {
        return new FhirCode(MCS, code, List.of(units), 1);
    }

    public static FhirCode sks(String code) {
        return new FhirCode(SKS, code, List.of(), 1);
    }

    /** a count over {@code days} days in its own unit ({@code /wk}) */
    public FhirCode counting(int days, String unit) {
        return new FhirCode(system, code, List.of(unit), days);
    }

    public boolean is(String system, String code) {
        return this.system.equals(system) && this.code.equals(code);
    }

    /** "LOINC 29463-7", "NPU03804", "SKS ZZ3170" */
    public String shortName() {
        return switch (system) {
            case LOINC -> "LOINC " + code;
            case SKS -> "SKS " + code;
            default -> code;
        };
    }
}
