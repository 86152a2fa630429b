package dk.carepath.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The pathway's journal: every decision, task and change, with who and when. Append-only. */
@Entity
@Table(name = "pathway_journal")
class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pathway_id", nullable = false)
    private UUID pathwayId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String summary;

    @Column(length = 4000)
    private String detail;

    protected JournalEntry() {
    }

    JournalEntry(UUID pathwayId, Instant occurredAt, String kind, String actor, String summary, String detail) {
        this.pathwayId = pathwayId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.actor = actor;
        this.summary = summary;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
    }

    JournalView view() {
        return new JournalView(occurredAt, kind, actor, summary, detail);
    }
}
