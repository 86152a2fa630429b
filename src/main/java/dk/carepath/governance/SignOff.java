package dk.carepath.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A manager's sign-off of an authorisation review, with the figures she signed. Append-only. */
@Entity
@Table(name = "access_review_sign_off")
class SignOff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id", nullable = false)
    private String organisationId;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "signed_by", nullable = false)
    private String signedBy;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(nullable = false)
    private int members;

    @Column(nullable = false)
    private long reads;

    @Column(nullable = false)
    private long changes;

    private String note;

    protected SignOff() {
    }

    SignOff(String organisationId, LocalDate from, LocalDate to, String signedBy, Instant signedAt, int members, long reads,
            long changes, String note) {
        this.organisationId = organisationId;
        this.periodFrom = from;
        this.periodTo = to;
        this.signedBy = signedBy;
        this.signedAt = signedAt;
        this.members = members;
        this.reads = reads;
        this.changes = changes;
        this.note = note;
    }

    AccessReviews.SignOffView view() {
        return new AccessReviews.SignOffView(id, periodFrom, periodTo, signedBy, signedAt, members, reads, changes, note);
    }
}
