package dk.carepath.equipment;

import java.time.Instant;
import java.util.UUID;

/** A kit fault as other features and the API see it. */
public record FaultView(UUID id, UUID citizenId, String kitNumber, UUID pathwayId, String description, String reportedVia,
                        String reportedBy, Instant reportedAt, Instant serviceLevelDue, boolean serviceLevelBreached,
                        FaultStatus status, String resolutionNote, String newKitNumber, Instant resolvedAt) {
}
