package dk.carepath.audit;

import java.time.Instant;
import java.util.UUID;

public record AuditRecord(Long id, Instant occurredAt, String actor, AuditAction action, String resource,
                          UUID citizenId, UUID pathwayId, String detail) {
}
