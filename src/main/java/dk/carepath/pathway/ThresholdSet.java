package dk.carepath.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** One version of a citizen's thresholds; never changed once written. */
@Entity
@Table(name = "threshold_set")
class ThresholdSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id")
    private MonitoringPlan plan;

    /** by threshold name ({@code pulseRedHigh}): a new measurement type brings its thresholds without a new column */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "threshold_value", joinColumns = @JoinColumn(name = "threshold_set_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "amount", nullable = false)
    private Map<String, BigDecimal> thresholds = new HashMap<>();

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    private String reason;

    protected ThresholdSet() {
    }

    ThresholdSet(MonitoringPlan plan, Thresholds thresholds, Instant validFrom, String setBy, String reason) {
        this.plan = plan;
        this.thresholds = new HashMap<>(thresholds.values());
        this.validFrom = validFrom;
        this.setBy = setBy;
        this.reason = reason;
    }

    Thresholds thresholds() {
        return new Thresholds(thresholds);
    }

    ThresholdSetView view() {
        return new ThresholdSetView(id, thresholds(), validFrom, setBy, reason);
    }
}
