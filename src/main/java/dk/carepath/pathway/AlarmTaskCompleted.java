package dk.carepath.pathway;

import java.util.List;
import java.util.UUID;

/**
 * A nurse completed the task of an alarm (red, persistent yellow): the measurements it covered are
 * handled. Published in the completion's transaction; the measurement module acknowledges them.
 */
public record AlarmTaskCompleted(UUID pathwayId, String taskName, List<Long> measurementIds) {
}
