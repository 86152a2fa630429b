package dk.carepath.library;

import java.time.Instant;

/** A material as assigned to a citizen. */
public record AssignedMaterial(MaterialView material, String assignedBy, Instant assignedAt) {
}
