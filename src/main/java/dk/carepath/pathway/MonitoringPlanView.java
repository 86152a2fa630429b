package dk.carepath.pathway;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record MonitoringPlanView(UUID id, UUID pathwayId, Map<MeasurementType, Frequency> measurements,
                                 LocalTime measurementTime, BigDecimal referenceWeightKg, int startupDays,
                                 int reviewIntervalDays, int reassessmentIntervalWeeks, LocalDate expectedEndDate,
                                 ThresholdSetView currentThresholds, List<ThresholdSetView> thresholdHistory,
                                 String setBy, Instant updatedAt) {
}
