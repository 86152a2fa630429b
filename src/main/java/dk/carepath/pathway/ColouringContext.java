package dk.carepath.pathway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What colouring and escalating a citizen's measurement needs to know of the running pathway, read
 * in one query: the phase, a pause, the reference weight and the current threshold set (its id is
 * recorded with every colour). {@code thresholdSetId} is null before a plan is set. {@code deploymentId} is the
 * deployment of the pathway's current process version, whose rules colour its measurements (null when the
 * pathway has no running process: the shipped rules).
 */
public record ColouringContext(UUID pathwayId, UUID citizenId, Phase phase, Instant pausedUntil,
                               BigDecimal referenceWeightKg, Long thresholdSetId, Thresholds thresholds, String deploymentId) {

    public boolean hasPlan() {
        return thresholdSetId != null;
    }

    public boolean paused(Instant at) {
        return pausedUntil != null && pausedUntil.isAfter(at);
    }
}
