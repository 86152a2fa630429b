package dk.carepath.pathway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/** What the cardiologist decides when setting a monitoring plan. */
record PlanSettings(Map<MeasurementType, Frequency> measurements, LocalTime measurementTime,
                    BigDecimal referenceWeightKg, Thresholds thresholds, int startupDays, int reviewIntervalDays,
                    int reassessmentIntervalWeeks, LocalDate expectedEndDate) {
}
