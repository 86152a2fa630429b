package dk.carepath.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An item of the material catalogue: a PDF document (its bytes in {@link MaterialContent}) or a link. */
@Entity
@Table(name = "material")
class Material {

    /** what a material is */
    enum Kind {
        PDF("PDF-dokument"), LINK("Link");

        private final String danish;

        Kind(String danish) {
            this.danish = danish;
        }

        String danish() {
            return danish;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** null: a generic material, in every organisation's catalogue */
    @Column(name = "organisation_id")
    private String organisationId;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private String url;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Material() {
    }

    private Material(String organisationId, String title, Kind kind, String url, String fileName, Long sizeBytes, String createdBy,
                     Instant createdAt) {
        this.organisationId = organisationId;
        this.title = title;
        this.kind = kind;
        this.url = url;
        this.fileName = fileName;
        this.sizeBytes = sizeBytes;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    static Material link(String organisationId, String title, String url, String createdBy, Instant at) {
        return new Material(organisationId, title, Kind.LINK, url, null, null, createdBy, at);
    }

    static Material pdf(String organisationId, String title, String fileName, long size, String createdBy, Instant at) {
        return new Material(organisationId, title, Kind.PDF, null, fileName, size, createdBy, at);
    }

    Long id() {
        return id;
    }

    String organisationId() {
        return organisationId;
    }

    String title() {
        return title;
    }

    Kind kind() {
        return kind;
    }

    String fileName() {
        return fileName;
    }

    MaterialView view() {
        return new MaterialView(id, organisationId, title, kind.name(), kind.danish(), url, fileName, sizeBytes,
                kind == Kind.PDF ? "/api/materials/" + id + "/content" : url, createdBy, createdAt);
    }
}
