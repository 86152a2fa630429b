package dk.carepath.equipment;

import java.time.Instant;
import java.util.UUID;

public record KitView(String kitNumber, KitStatus status, UUID citizenId, Instant updatedAt) {
}
