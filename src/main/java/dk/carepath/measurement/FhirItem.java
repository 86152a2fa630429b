package dk.carepath.measurement;

import dk.carepath.citizen.FhirPatients;
import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource of a FHIR submission, read: a measurement (new, or its sender's correction), a half of
 * a blood pressure, a retraction, or a resource Carepath acknowledges without storing (Media,
 * Provenance).
 *
 * @param amended     status amended or corrected: replaces what was stored under the same identifier
 * @param path        the resource's FHIRPath in the request ({@code Observation}, {@code Bundle.entry[2].resource})
 * @param input       the measurement (for a half: a blood pressure with only its one value)
 * @param half        which half of a blood pressure, for a HALF
 * @param basedOn     the ServiceRequest the measurement answers (FUT: its basedOn), which pairs halves
 * @param periodStart the start of the period a measurement covers, when it is no moment (a day's steps)
 * @param learn       a patient of a FHIR patient service the subject named and the CPR resolved: linked on storing
 * @param note        for a SKIPPED resource: why Carepath does not store it; for a RETRACTION: the reason
 */
record FhirItem(Kind kind, boolean amended, String path, Resource resource, MeasurementInput input, FhirCodes.Half half,
                String basedOn, Instant periodStart, PatientLink learn, String note) {

    enum Kind {
        /** a measurement: new (status final), or with {@code amended} its sender's correction (amended, corrected) */
        MEASUREMENT,
        /** one half of a blood pressure, as an Observation of its own */
        HALF,
        /** status entered-in-error: the measurement of the same identifier is retracted */
        RETRACTION,
        /** acknowledged, not stored: not a measurement */
        SKIPPED
    }

    record PatientLink(UUID citizenId, FhirPatients.PatientRef patient) {
    }

    boolean stores() {
        return kind != Kind.SKIPPED;
    }

    static FhirItem skipped(String path, Resource resource, String why) {
        return new FhirItem(Kind.SKIPPED, false, path, resource, null, null, null, null, null, why);
    }
}
