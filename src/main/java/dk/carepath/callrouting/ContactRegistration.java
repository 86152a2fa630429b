package dk.carepath.callrouting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * How a call is registered, as rules/contact-registration.dmn classified it [003]: whether it is a
 * contact, and with which visit type, fee, payment method and note type. Counting these rows is
 * the contact statistics ("antal poster av journaltyp Tfn").
 */
@Entity
@Table(name = "contact_registration")
class ContactRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_id", nullable = false, unique = true)
    private UUID callId;

    @Column(name = "citizen_id", nullable = false)
    private UUID citizenId;

    @Column(name = "classified_at", nullable = false)
    private Instant classifiedAt;

    @Column(name = "contact_purpose", nullable = false)
    private String contactPurpose;

    @Column(name = "contact_kind", nullable = false)
    private String contactKind;

    @Column(name = "registered_as_contact", nullable = false)
    private boolean registeredAsContact;

    @Column(name = "visit_type")
    private String visitType;

    @Column(name = "patient_fee")
    private BigDecimal patientFee;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "note_type")
    private String noteType;

    @Column(name = "follow_up")
    private String followUp;

    @Column(nullable = false, length = 500)
    private String reason;

    protected ContactRegistration() {
    }

    ContactRegistration(UUID callId, UUID citizenId, Instant classifiedAt, String contactPurpose, String contactKind,
                        boolean registeredAsContact, String visitType, BigDecimal patientFee, String paymentMethod,
                        String noteType, String followUp, String reason) {
        this.callId = callId;
        this.citizenId = citizenId;
        this.classifiedAt = classifiedAt;
        this.contactPurpose = contactPurpose;
        this.contactKind = contactKind;
        this.registeredAsContact = registeredAsContact;
        this.visitType = visitType;
        this.patientFee = patientFee;
        this.paymentMethod = paymentMethod;
        this.noteType = noteType;
        this.followUp = followUp;
        this.reason = reason;
    }

    ContactRegistrationView view() {
        return new ContactRegistrationView(classifiedAt, contactPurpose, contactKind, registeredAsContact, visitType, patientFee,
                paymentMethod, noteType, followUp, reason);
    }
}
