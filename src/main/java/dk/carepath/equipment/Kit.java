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
        this.status = KitStatus.PREPARED;
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

    /**
     * Moves the kit to the next status of its life; a status with a citizen keeps or sets the
     * citizen, any other clears it.
     *
     * @throws KitUnavailableException when the kit's life does not allow the step
     */
    void moveTo(KitStatus next, UUID citizen, Instant now) {
        if (!status.canBecome(next)) {
            throw new KitUnavailableException("Kit " + kitNumber + " kan ikke gå fra " + status + " til " + next
                    + " (tilladt: " + status.next() + ")");
        }
        this.status = next;
        this.citizenId = next.withCitizen() ? citizen : null;
        this.updatedAt = now;
    }

    KitView view() {
        return new KitView(kitNumber, status, citizenId, updatedAt);
    }
}
