package dk.carepath.equipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A tele-kit (tablet with scale, pulse and blood-pressure devices), known by its kit number. */
@Entity
@Table(name = "kit")
class Kit {

    @Id
    private UUID id;

    @Column(name = "kit_number", nullable = false, unique = true)
    private String kitNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KitStatus status;

    /** unique: a citizen has at most one kit at a time */
    @Column(name = "citizen_id", unique = true)
    private UUID citizenId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Kit() {
    }

    Kit(String kitNumber, Instant now) {
        this.id = UUID.randomUUID();
        this.kitNumber = kitNumber;
        this.status = KitStatus.REGISTERED;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String kitNumber() {
        return kitNumber;
    }

    KitStatus status() {
        return status;
    }

    UUID citizenId() {
        return citizenId;
    }

    void handOut(UUID citizen, Instant now) {
        this.citizenId = citizen;
        this.status = KitStatus.IN_USE;
        this.updatedAt = now;
    }

    void takeBack(KitStatus status, Instant now) {
        this.citizenId = null;
        this.status = status;
        this.updatedAt = now;
    }

    KitView view() {
        return new KitView(kitNumber, status, citizenId, updatedAt);
    }
}
