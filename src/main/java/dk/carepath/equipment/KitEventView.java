package dk.carepath.equipment;

import java.time.Instant;
import java.util.UUID;

/** One step in a kit's history: the kit, when, to which status, whose it was, who did it. */
public record KitEventView(String kitNumber, Instant occurredAt, KitStatus status, UUID citizenId, String actor, String note) {
}
