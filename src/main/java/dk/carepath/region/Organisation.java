package dk.carepath.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "organisation")
class Organisation {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationKind kind;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String region;

    @Column(name = "mail_address")
    private String mailAddress;

    @Version
    private long version;

    protected Organisation() {
    }

    Organisation(String id, OrganisationKind kind) {
        this.id = id;
        this.kind = kind;
    }

    void update(String name, String region, String mailAddress) {
        this.name = name;
        this.region = region;
        this.mailAddress = mailAddress;
    }

    OrganisationKind kind() {
        return kind;
    }

    String region() {
        return region;
    }

    OrganisationView view() {
        return new OrganisationView(id, kind, name, region, mailAddress);
    }
}
