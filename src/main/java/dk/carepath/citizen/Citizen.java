package dk.carepath.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A citizen (borger) in telemedicine monitoring. The CPR number is stored, shown masked, never logged. */
@Entity
@Table(name = "citizen")
class Citizen {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 10)
    private String cpr;

    @Column(nullable = false)
    private String name;

    private String phone;

    private String email;

    /** where the service center delivers and collects the kit */
    private String address;

    @Column(name = "municipality_id", nullable = false)
    private String municipalityId;

    @Column(name = "gp_practice_id")
    private String gpPracticeId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Citizen() {
    }

    Citizen(CprNumber cpr, String name, String phone, String email, String address, String municipalityId, String gpPracticeId,
            Instant now) {
        this.id = UUID.randomUUID();
        this.cpr = cpr.value();
        this.createdAt = now;
        update(name, phone, email, address, municipalityId, gpPracticeId);
    }

    void update(String name, String phone, String email, String address, String municipalityId, String gpPracticeId) {
        this.name = name;
        this.phone = phone;
        this.email = email;
        this.address = address;
        this.municipalityId = municipalityId;
        this.gpPracticeId = gpPracticeId;
    }

    CitizenView view() {
        return new CitizenView(id, new CprNumber(cpr), name, phone, email, address, municipalityId, gpPracticeId);
    }

    UUID id() {
        return id;
    }

    @Override
    public String toString() {
        return "Citizen[" + id + "]";
    }
}
