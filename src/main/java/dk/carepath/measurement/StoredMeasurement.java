package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A measurement as stored, with its colour (null until coloured) and escalation state. */
public record StoredMeasurement(long id, String source, String senderId, UUID citizenId, UUID pathwayId, MeasurementType type,
                                BigDecimal value, BigDecimal value2, String symptoms, String unit, Instant measuredAt,
                                Instant receivedAt, Colour colour, String colourReason, String colourThreshold,
                                Long thresholdSetId, EscalationState escalation, String acknowledgedBy, Instant acknowledgedAt) {
}
