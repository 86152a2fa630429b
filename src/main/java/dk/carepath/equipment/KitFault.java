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

/**
 * A reported fault of a citizen's tele-kit ("Fejlmelding af TeleKit" [000]), from report to
 * resolution. The equipment-fault process carries its id as business key.
 */
@Entity
@Table(name = "kit_fault")
class KitFault {

    @Id
    private UUID id;

    @Column(name = "citizen_id", nullable = false)
    private UUID citizenId;

    @Column(name = "kit_number", nullable = false)
    private String kitNumber;

    @Column(name = "pathway_id")
    private UUID pathwayId;

    @Column(nullable = false, length = 2000)
    private String description;

    @Column(name = "reported_via", nullable = false)
    private String reportedVia;

    @Column(name = "reported_by", nullable = false)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "service_level_due", nullable = false)
    private Instant serviceLevelDue;

    @Column(name = "service_level_breached", nullable = false)
    private boolean serviceLevelBreached;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FaultStatus status;

    @Column(name = "resolution_note", length = 2000)
    private String resolutionNote;

    @Column(name = "new_kit_number")
    private String newKitNumber;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    private long version;

    protected KitFault() {
    }

    KitFault(UUID citizenId, String kitNumber, UUID pathwayId, String description, String reportedVia, String reportedBy,
             Instant reportedAt, Instant serviceLevelDue) {
        this.id = UUID.randomUUID();
        this.citizenId = citizenId;
        this.kitNumber = kitNumber;
        this.pathwayId = pathwayId;
        this.description = description;
        this.reportedVia = reportedVia;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
        this.serviceLevelDue = serviceLevelDue;
        this.status = FaultStatus.OPEN;
    }

    UUID id() {
        return id;
    }

    UUID citizenId() {
        return citizenId;
    }

    String kitNumber() {
        return kitNumber;
    }

    UUID pathwayId() {
        return pathwayId;
    }

    FaultStatus status() {
        return status;
    }

    Instant reportedAt() {
        return reportedAt;
    }

    Instant serviceLevelDue() {
        return serviceLevelDue;
    }

    void serviceLevelBreached() {
        this.serviceLevelBreached = true;
    }

    void note(String note) {
        if (note == null || note.isBlank()) {
            return;
        }
        String joined = resolutionNote == null ? note.trim() : resolutionNote + "\n" + note.trim();
        this.resolutionNote = joined.length() <= 2000 ? joined : joined.substring(joined.length() - 2000);
    }

    void close(FaultStatus outcome, String newKit, Instant now) {
        if (!status.open()) {
            throw new IllegalStateException("fault " + id + " is already " + status);
        }
        this.status = outcome;
        this.newKitNumber = newKit;
        this.resolvedAt = now;
    }

    FaultView view() {
        return new FaultView(id, citizenId, kitNumber, pathwayId, description, reportedVia, reportedBy, reportedAt,
                serviceLevelDue, serviceLevelBreached, status, resolutionNote, newKitNumber, resolvedAt);
    }
}
