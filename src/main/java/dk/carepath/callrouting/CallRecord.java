package dk.carepath.callrouting;

import dk.carepath.callrouting.CitizenCall.AnsweredBy;
import dk.carepath.callrouting.CitizenCall.CallReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One inbound phone contact from a citizen [000]; the citizen-call process carries its id as business key. */
@Entity
@Table(name = "citizen_call")
class CallRecord {

    @Id
    private UUID id;

    @Column(name = "citizen_id", nullable = false)
    private UUID citizenId;

    @Column(name = "pathway_id")
    private UUID pathwayId;

    @Column(name = "municipality_id", nullable = false)
    private String municipalityId;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "answered_by", nullable = false)
    private AnsweredBy answeredBy;

    @Column(name = "answered_by_user", nullable = false)
    private String answeredByUser;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallReason reason;

    @Column(nullable = false, length = 2000)
    private String message;

    @Column(name = "callback_phone")
    private String callbackPhone;

    @Column(name = "within_phone_hours")
    private Boolean withinPhoneHours;

    @Column(name = "call_back_from")
    private Instant callBackFrom;

    @Column(name = "call_back_due")
    private Instant callBackDue;

    @Column(name = "call_back_promise", length = 500)
    private String callBackPromise;

    @Column(nullable = false)
    private boolean closed;

    @Column(length = 200)
    private String outcome;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected CallRecord() {
    }

    CallRecord(UUID citizenId, UUID pathwayId, String municipalityId, Instant receivedAt, AnsweredBy answeredBy,
               String answeredByUser, CallReason reason, String message, String callbackPhone) {
        this.id = UUID.randomUUID();
        this.citizenId = citizenId;
        this.pathwayId = pathwayId;
        this.municipalityId = municipalityId;
        this.receivedAt = receivedAt;
        this.answeredBy = answeredBy;
        this.answeredByUser = answeredByUser;
        this.reason = reason;
        this.message = message;
        this.callbackPhone = callbackPhone;
    }

    UUID id() {
        return id;
    }

    UUID citizenId() {
        return citizenId;
    }

    UUID pathwayId() {
        return pathwayId;
    }

    String municipalityId() {
        return municipalityId;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    void callBack(boolean withinPhoneHours, Instant from, Instant due, String promise) {
        this.withinPhoneHours = withinPhoneHours;
        this.callBackFrom = from;
        this.callBackDue = due;
        this.callBackPromise = promise;
    }

    void outcome(String outcome) {
        this.outcome = outcome;
    }

    void close(Instant now) {
        this.closed = true;
        this.closedAt = now;
    }

    CallView view(ContactRegistrationView registration) {
        return new CallView(id, citizenId, pathwayId, municipalityId, receivedAt, answeredBy, answeredByUser, reason, message,
                callbackPhone, withinPhoneHours, callBackFrom, callBackDue, callBackPromise, closed, outcome, closedAt, registration);
    }
}
