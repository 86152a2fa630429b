package dk.carepath.pathway;

import java.time.Instant;

public record JournalView(Instant occurredAt, String kind, String actor, String summary, String detail) {
}
