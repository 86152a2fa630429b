package dk.carepath.pathway;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The measurement regime the cardiologist sets [002 §4.2.1]: which types at which frequency and
 * time of day, the reference weight, the individual thresholds (kept as a history so that every
 * colour can name the thresholds that produced it), and the pathway's rhythm: start-up length,
 * review interval, reassessment interval, expected duration.
 */
@Entity
@Table(name = "monitoring_plan")
class MonitoringPlan {

    @Id
    private UUID id;

    @Column(name = "pathway_id", nullable = false, unique = true)
    private UUID pathwayId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_measurement", joinColumns = @JoinColumn(name = "plan_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "measurement_type")
    @Enumerated(EnumType.STRING)
    @Column(name = "frequency", nullable = false)
    private Map<MeasurementType, Frequency> measurements = new EnumMap<>(MeasurementType.class);

    @Column(name = "measurement_time", nullable = false)
    private LocalTime measurementTime;

    @Column(name = "reference_weight_kg")
    private BigDecimal referenceWeightKg;

    @Column(name = "startup_days", nullable = false)
    private int startupDays;

    @Column(name = "review_interval_days", nullable = false)
    private int reviewIntervalDays;

    @Column(name = "reassessment_interval_weeks", nullable = false)
    private int reassessmentIntervalWeeks;

    @Column(name = "expected_end_date", nullable = false)
    private LocalDate expectedEndDate;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("validFrom ASC, id ASC")
    private List<ThresholdSet> thresholdHistory = new ArrayList<>();

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MonitoringPlan() {
    }

    MonitoringPlan(UUID pathwayId) {
        this.id = UUID.randomUUID();
        this.pathwayId = pathwayId;
    }

    void apply(PlanSettings settings, String actor, Instant now) {
        this.measurements.clear();
        this.measurements.putAll(settings.measurements());
        this.measurementTime = settings.measurementTime();
        this.referenceWeightKg = settings.referenceWeightKg();
        this.startupDays = settings.startupDays();
        this.reviewIntervalDays = settings.reviewIntervalDays();
        this.reassessmentIntervalWeeks = settings.reassessmentIntervalWeeks();
        this.expectedEndDate = settings.expectedEndDate();
        this.setBy = actor;
        this.updatedAt = now;
        setThresholds(settings.thresholds(), actor, "Måleplan fastlagt", now);
    }

    /** Records new thresholds unless they equal the current ones. @return true if they changed */
    boolean setThresholds(Thresholds thresholds, String actor, String reason, Instant now) {
        if (!thresholdHistory.isEmpty() && current().thresholds().equals(thresholds)) {
            return false;
        }
        thresholdHistory.add(new ThresholdSet(this, thresholds, now, actor, reason));
        this.updatedAt = now;
        return true;
    }

    Frequency frequency(MeasurementType type) {
        return measurements.get(type);
    }

    /** Sets a type's frequency; null takes the type out of the plan. */
    void frequency(MeasurementType type, Frequency frequency, Instant now) {
        if (frequency == null) {
            measurements.remove(type);
        } else {
            measurements.put(type, frequency);
        }
        this.updatedAt = now;
    }

    LocalTime measurementTime() {
        return measurementTime;
    }

    void reviewInterval(int days, Instant now) {
        this.reviewIntervalDays = days;
        this.updatedAt = now;
    }

    /** @return the time before the change */
    LocalTime measurementTime(LocalTime time, Instant now) {
        LocalTime before = this.measurementTime;
        this.measurementTime = time;
        this.updatedAt = now;
        return before;
    }

    void extendTo(LocalDate end, Instant now) {
        this.expectedEndDate = end;
        this.updatedAt = now;
    }

    ThresholdSet current() {
        return thresholdHistory.get(thresholdHistory.size() - 1);
    }

    UUID pathwayId() {
        return pathwayId;
    }

    LocalDate expectedEndDate() {
        return expectedEndDate;
    }

    MonitoringPlanView view() {
        return new MonitoringPlanView(id, pathwayId, Map.copyOf(measurements), measurementTime, referenceWeightKg,
                startupDays, reviewIntervalDays, reassessmentIntervalWeeks, expectedEndDate, current().view(),
                thresholdHistory.stream().map(ThresholdSet::view).toList(), setBy, updatedAt);
    }
}
