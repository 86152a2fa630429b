package dk.carepath.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A phrase of an organisation's library: a title to pick it by and the text a nurse inserts into a note. */
@Entity
@Table(name = "phrase")
class Phrase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Phrase() {
    }

    Phrase(String organisationId, String title, String text, String createdBy, Instant createdAt) {
        this.organisationId = organisationId;
        this.title = title;
        this.text = text;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    PhraseView view() {
        return new PhraseView(id, organisationId, title, text, createdBy, createdAt);
    }

    String organisationId() {
        return organisationId;
    }
}
