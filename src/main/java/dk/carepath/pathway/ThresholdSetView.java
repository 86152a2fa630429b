package dk.carepath.pathway;

import java.time.Instant;

/** A version of a citizen's thresholds; a colour records the id of the set that produced it. */
public record ThresholdSetView(Long id, Thresholds thresholds, Instant validFrom, String setBy, String reason) {
}
