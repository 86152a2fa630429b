package dk.carepath.pathway;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

/** When a pathway's citizen is expected to measure what: the basis of missed-measurement alarms. */
public record PlanSchedule(UUID pathwayId, Instant monitoringSince, LocalTime measurementTime,
                           Map<MeasurementType, Frequency> frequencies) {
}
