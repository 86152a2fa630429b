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
 * nurse who completed it, in the same transaction: the citizen leaves the red rows of triage. Completing a
 * missing-measurement task acknowledges the missed deadlines (alarms) it listed: the citizen leaves triage's
 * blue rows.
 */
@Component
class AlarmTaskAcknowledgements {

    private final MeasurementStore store;
    private final AlarmStore alarms;
    private final AuditTrail audit;

    private final Clock clock;

    AlarmTaskAcknowledgements(MeasurementStore store, AlarmStore alarms, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.alarms = alarms;
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
        int alarmsAcknowledged = 0;
        for (long id : completed.alarmIds()) {
            // only the pathway's own alarms: the ids came through the process, which anyone with engine access can set
            if (alarms.pathwayOf(id).filter(completed.pathwayId()::equals).isPresent()) {
                alarmsAcknowledged += alarms.acknowledge(id, by, at);
            }
        }
        if (alarmsAcknowledged > 0) {
            audit.changed(AuditAction.UPDATE, "pathway_alarm", null, completed.pathwayId(),
                    "acknowledged " + alarmsAcknowledged + " missed deadline(s) " + completed.alarmIds() + " by completing " + completed.taskName());
        }
    }
}
