package dk.carepath.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One read or change of citizen data: who, when, what. Append-only. */
@Entity
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String resource;

    @Column(name = "citizen_id")
    private UUID citizenId;

    @Column(name = "pathway_id")
    private UUID pathwayId;

    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, AuditAction action, String resource, UUID citizenId, UUID pathwayId, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action.name();
        this.resource = resource;
        this.citizenId = citizenId;
        this.pathwayId = pathwayId;
        // the access log keeps the start of a long detail (a long URL): the record matters more than its last words
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
    }

    AuditRecord record() {
        return new AuditRecord(id, occurredAt, actor, AuditAction.valueOf(action), resource, citizenId, pathwayId, detail);
    }
}
