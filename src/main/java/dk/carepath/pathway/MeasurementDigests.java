package dk.carepath.pathway;

import java.time.Instant;
import java.util.UUID;

/**
 * What the measurement module tells a measurement task of the measurements (in Danish, for a
 * task-local variable): the pathway asks through this, so the model names a pathway bean
 * ({@code ${measurementDigest}}, {@link MeasurementDigestListener}) and the measurement module answers.
 */
public interface MeasurementDigests {

    /** the measurements and PRO answers a pathway received since then (null: since it began), newest first */
    String since(UUID pathwayId, Instant lastReview);

    /** the citizen's last weights, newest first, or that there are none */
    String recentWeights(UUID citizenId);
}
