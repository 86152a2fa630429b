package dk.carepath.pathway;

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
 * One citizen's heart-failure pathway. The process instance carries its id as business key; the
 * data lives here. {@code activeCitizenId} equals {@code citizenId} while the pathway runs and is
 * cleared when it ends, so a unique key on it allows one running pathway per citizen.
 */
@Entity
@Table(name = "pathway")
class Pathway {

    @Id
    private UUID id;

    @Column(name = "citizen_id", nullable = false)
    private UUID citizenId;

    @Column(name = "active_citizen_id", unique = true)
    private UUID activeCitizenId;

    @Column(nullable = false)
    private String region;

    @Column(name = "clinic_id", nullable = false)
    private String clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase;

    @Enumerated(EnumType.STRING)
    @Column(name = "treatment_responsible", nullable = false)
    private Party treatmentResponsible;

    @Enumerated(EnumType.STRING)
    @Column(name = "monitoring_responsible", nullable = false)
    private Party monitoringResponsible;

    /** the organisation of {@link #treatmentResponsible}: whose cardiologists and nurses treat the citizen */
    @Column(name = "treatment_organisation_id")
    private String treatmentOrganisationId;

    /** the organisation of {@link #monitoringResponsible}: whose nurses get the measurement work; none after discharge */
    @Column(name = "monitoring_organisation_id")
    private String monitoringOrganisationId;

    @Column(name = "contact_person")
    private String contactPerson;

    @Column(name = "municipal_course_active", nullable = false)
    private boolean municipalCourseActive;

    @Column(nullable = false)
    private boolean extended;

    @Column(name = "paused_until")
    private Instant pausedUntil;

    @Column(name = "reassessment_overdue", nullable = false)
    private boolean reassessmentOverdue;

    @Enumerated(EnumType.STRING)
    private PathwayOutcome outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "monitoring_since")
    private Instant monitoringSince;

    @Version
    private long version;

    protected Pathway() {
    }

    Pathway(UUID citizenId, String region, String clinicId, Instant now) {
        this.id = UUID.randomUUID();
        this.citizenId = citizenId;
        this.activeCitizenId = citizenId;
        this.region = region;
        this.clinicId = clinicId;
        this.phase = Phase.REFERRED;
        this.treatmentResponsible = Party.CLINIC;
        this.monitoringResponsible = Party.CLINIC;
        this.treatmentOrganisationId = clinicId;
        this.monitoringOrganisationId = clinicId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID citizenId() {
        return citizenId;
    }

    String clinicId() {
        return clinicId;
    }

    Phase phase() {
        return phase;
    }

    Party treatmentResponsible() {
        return treatmentResponsible;
    }

    Party monitoringResponsible() {
        return monitoringResponsible;
    }

    String monitoringOrganisationId() {
        return monitoringOrganisationId;
    }

    String contactPerson() {
        return contactPerson;
    }

    boolean municipalCourseActive() {
        return municipalCourseActive;
    }

    Instant pausedUntil() {
        return pausedUntil;
    }

    void enter(Phase next, Instant now) {
        if (phase.ended()) {
            throw new IllegalStateException("pathway " + id + " has ended (" + phase + ")");
        }
        if (next == Phase.STARTUP_MONITORING && monitoringSince == null) {
            this.monitoringSince = now;
        }
        this.phase = next;
        this.updatedAt = now;
    }

    /** @param gpPracticeId the citizen's GP practice, which takes over treatment after a discharge [002 §4.1] */
    void end(PathwayOutcome how, String gpPracticeId, Instant now) {
        this.outcome = how;
        this.phase = how == PathwayOutcome.REJECTED ? Phase.REJECTED : Phase.DISCHARGED;
        if (how != PathwayOutcome.REJECTED) {
            this.treatmentResponsible = Party.GP;
            this.treatmentOrganisationId = gpPracticeId;
            this.monitoringResponsible = Party.NONE;
            this.monitoringOrganisationId = null;
        }
        this.activeCitizenId = null;
        this.pausedUntil = null;
        this.municipalCourseActive = false;
        this.endedAt = now;
        this.updatedAt = now;
    }

    /**
     * Who treats and who monitors from now on, as parties and as the organisations that stand for them.
     * A new monitoring organisation brings its own team: the contact person of the old one no longer applies.
     *
     * @return whether the monitoring organisation changed (a handover of monitoring)
     */
    boolean assignResponsibility(Party treatment, String treatmentOrganisation, Party monitoring, String monitoringOrganisation,
                                 Instant now) {
        boolean handover = !java.util.Objects.equals(monitoringOrganisationId, monitoringOrganisation);
        this.treatmentResponsible = treatment;
        this.treatmentOrganisationId = treatmentOrganisation;
        this.monitoringResponsible = monitoring;
        this.monitoringOrganisationId = monitoringOrganisation;
        if (handover) {
            this.contactPerson = null;
        }
        this.updatedAt = now;
        return handover;
    }

    void municipalCourse(boolean active, Instant now) {
        this.municipalCourseActive = active;
        this.updatedAt = now;
    }

    void markExtended(Instant now) {
        this.extended = true;
        this.updatedAt = now;
    }

    void reassessmentOverdue(boolean overdue, Instant now) {
        this.reassessmentOverdue = overdue;
        this.updatedAt = now;
    }

    void pauseUntil(Instant until, Instant now) {
        this.pausedUntil = until;
        this.updatedAt = now;
    }

    void contactPerson(String userId, Instant now) {
        this.contactPerson = userId;
        this.updatedAt = now;
    }

    PathwayView view() {
        return new PathwayView(id, citizenId, region, clinicId, phase, treatmentResponsible, treatmentOrganisationId,
                monitoringResponsible, monitoringOrganisationId, contactPerson, municipalCourseActive, extended, pausedUntil, reassessmentOverdue, outcome,
                createdAt, updatedAt, endedAt, monitoringSince);
    }
}
