package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One measurement as JSON. {@code value} carries weight (kg), pulse (/min) and steps; blood
 * pressure comes as {@code systolic} and {@code diastolic} (mmHg); a PRO answer as
 * {@code nyhaClass} (1-4) and {@code symptoms}.
 */
record MeasurementRequest(String senderId, UUID citizenId, MeasurementType type, BigDecimal value, BigDecimal systolic,
                          BigDecimal diastolic, Integer nyhaClass, List<Symptom> symptoms, String unit,
                          OffsetDateTime measuredAt) {
}
