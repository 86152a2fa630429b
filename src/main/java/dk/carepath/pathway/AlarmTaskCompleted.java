package dk.carepath.pathway;

import java.util.List;
import java.util.UUID;

/**
 * A nurse completed the task of an alarm (red, persistent yellow, missing measurements): what it covered is
 * handled — the measurements it listed, and the alarms (pathway_alarm ids) of the missed deadlines it listed.
 * Published in the completion's transaction; the measurement module acknowledges them.
 */
public record AlarmTaskCompleted(UUID pathwayId, String taskName, List<Long> measurementIds, List<Long> alarmIds) {
}
