package dk.carepath.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

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

    @Embedded
    private Thresholds thresholds;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    private String reason;

    protected ThresholdSet() {
    }

    ThresholdSet(MonitoringPlan plan, Thresholds thresholds, Instant validFrom, String setBy, String reason) {
        this.plan = plan;
        this.thresholds = thresholds;
        this.validFrom = validFrom;
        this.setBy = setBy;
        this.reason = reason;
    }

    Thresholds thresholds() {
        return thresholds;
    }

    ThresholdSetView view() {
        return new ThresholdSetView(id, thresholds, validFrom, setBy, reason);
    }
}
