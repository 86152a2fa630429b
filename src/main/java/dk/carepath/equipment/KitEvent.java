package dk.carepath.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a kit's life, with who did it: which kit was whose, and when. */
@Entity
@Table(name = "kit_event")
class KitEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "kit_id", nullable = false)
    private UUID kitId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KitStatus status;

    @Column(name = "citizen_id")
    private UUID citizenId;

    @Column(nullable = false)
    private String actor;

    private String note;

    protected KitEvent() {
    }

    KitEvent(UUID kitId, Instant occurredAt, KitStatus status, UUID citizenId, String actor, String note) {
        this.kitId = kitId;
        this.occurredAt = occurredAt;
        this.status = status;
        this.citizenId = citizenId;
        this.actor = actor;
        this.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
    }

    UUID kitId() {
        return kitId;
    }

    KitEventView view(String kitNumber) {
        return new KitEventView(kitNumber, occurredAt, status, citizenId, actor, note);
    }
}
