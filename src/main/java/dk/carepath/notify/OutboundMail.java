package dk.carepath.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of the mail outbox, which is also the correspondence log. */
@Entity
@Table(name = "outbound_mail")
class OutboundMail {

    @Id
    private UUID id;

    @Column(name = "dedup_key", nullable = false, unique = true)
    private String dedupKey;

    @Column(name = "pathway_id")
    private UUID pathwayId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "recipient_organisation_id")
    private String recipientOrganisationId;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false, length = 20000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboundMail() {
    }

    OutboundMail(Letter letter, Instant now) {
        this.id = UUID.randomUUID();
        this.dedupKey = letter.dedupKey();
        this.pathwayId = letter.pathwayId();
        this.kind = letter.kind();
        this.recipientOrganisationId = letter.recipientOrganisationId();
        this.recipient = letter.recipientAddress();
        this.subject = letter.subject();
        this.body = letter.body();
        this.status = MailStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    String dedupKey() {
        return dedupKey;
    }

    int attempts() {
        return attempts;
    }

    CorrespondenceEntry entry() {
        return new CorrespondenceEntry(id, pathwayId, kind, recipientOrganisationId, recipient, subject, status,
                attempts, createdAt, sentAt, lastError);
    }
}
