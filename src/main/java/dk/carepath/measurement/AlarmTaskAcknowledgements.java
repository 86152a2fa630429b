package dk.carepath.measurement;

import java.time.Clock;
import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.pathway.AlarmTaskCompleted;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completing a red or persistent-yellow task acknowledges every measurement the task covered, by the
 * nurse who completed it, in the same transaction: the citizen leaves the red rows of triage.
 */
@Component
class AlarmTaskAcknowledgements {

    private final MeasurementStore store;
    private final AuditTrail audit;

    private final Clock clock;

    AlarmTaskAcknowledgements(MeasurementStore store, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.audit = audit;
    }

    @EventListener
    void on(AlarmTaskCompleted completed) {
        String by = audit.currentActor();
        Instant at = clock.instant();
        int acknowledged = 0;
        for (long id : completed.measurementIds()) {
            acknowledged += store.acknowledge(id, completed.pathwayId(), by, at);
        }
        if (acknowledged > 0) {
            audit.changed(AuditAction.UPDATE, "measurement", null, completed.pathwayId(),
                    "acknowledged " + acknowledged + " measurement(s) " + completed.measurementIds() + " by completing " + completed.taskName());
        }
    }
}
