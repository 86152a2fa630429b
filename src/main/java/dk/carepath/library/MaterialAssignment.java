package dk.carepath.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A material given to a citizen: by whom and when. */
@Entity
@Table(name = "material_assignment")
class MaterialAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "material_id", nullable = false)
    private Long materialId;

    @Column(name = "citizen_id", nullable = false)
    private UUID citizenId;

    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;

    protected MaterialAssignment() {
    }

    MaterialAssignment(Long materialId, UUID citizenId, String assignedBy, Instant assignedAt) {
        this.materialId = materialId;
        this.citizenId = citizenId;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    Long materialId() {
        return materialId;
    }

    UUID citizenId() {
        return citizenId;
    }

    String assignedBy() {
        return assignedBy;
    }

    Instant assignedAt() {
        return assignedAt;
    }
}
