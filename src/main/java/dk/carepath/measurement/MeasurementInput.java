package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One validated measurement, however it arrived (JSON or FHIR).
 *
 * @param source    who sent it: the sender's identifier system, or the authenticated sender
 * @param senderId  the sender's own id of the measurement: (source, senderId) is unique
 * @param value     weight kg, pulse /min, systolic mmHg, steps, NYHA class
 * @param value2    diastolic mmHg, for blood pressure
 */
record MeasurementInput(String source, String senderId, UUID citizenId, MeasurementType type, BigDecimal value,
                        BigDecimal value2, List<String> symptoms, String unit, Instant measuredAt) {

    String symptomText() {
        return symptoms == null || symptoms.isEmpty() ? null : String.join(",", symptoms);
    }
}
