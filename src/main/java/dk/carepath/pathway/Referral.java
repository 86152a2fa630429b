package dk.carepath.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The referral that started a pathway, with the clinical facts the inclusion rules read. */
@Entity
@Table(name = "referral")
class Referral {

    @Id
    private UUID id;

    @Column(name = "pathway_id", nullable = false, unique = true)
    private UUID pathwayId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralSource source;

    @Column(name = "referrer_organisation_id", nullable = false)
    private String referrerOrganisationId;

    @Column(name = "referrer_name")
    private String referrerName;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "ejection_fraction")
    private Integer ejectionFraction;

    @Column(name = "titration_target_group")
    private Boolean titrationTargetGroup;

    @Column(name = "can_understand_own_values")
    private Boolean canUnderstandOwnValues;

    @Column(name = "communicates_in_danish")
    private Boolean communicatesInDanish;

    @Column(name = "can_handle_solution")
    private Boolean canHandleSolution;

    @Column(name = "has_support")
    private Boolean hasSupport;

    private Boolean interested;

    @Column(name = "can_measure_and_report")
    private Boolean canMeasureAndReport;

    @Column(name = "fixed_residence_in_region")
    private Boolean fixedResidenceInRegion;

    @Column(name = "gp_in_region")
    private Boolean gpInRegion;

    @Column(name = "has_mit_id")
    private Boolean hasMitId;

    @Column(name = "mit_id_required", nullable = false)
    private boolean mitIdRequired;

    private String note;

    private String eligibility;

    @Column(name = "eligibility_reason")
    private String eligibilityReason;

    protected Referral() {
    }

    Referral(UUID pathwayId, ReferralSource source, String referrerOrganisationId, String referrerName,
             ClinicalFacts facts, boolean mitIdRequired, String note, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.pathwayId = pathwayId;
        this.source = source;
        this.referrerOrganisationId = referrerOrganisationId;
        this.referrerName = referrerName;
        this.receivedAt = receivedAt;
        this.ejectionFraction = facts.ejectionFraction();
        this.titrationTargetGroup = facts.titrationTargetGroup();
        this.canUnderstandOwnValues = facts.canUnderstandOwnValues();
        this.communicatesInDanish = facts.communicatesInDanish();
        this.canHandleSolution = facts.canHandleSolution();
        this.hasSupport = facts.hasSupport();
        this.interested = facts.interested();
        this.canMeasureAndReport = facts.canMeasureAndReport();
        this.fixedResidenceInRegion = facts.fixedResidenceInRegion();
        this.gpInRegion = facts.gpInRegion();
        this.hasMitId = facts.hasMitId();
        this.mitIdRequired = mitIdRequired;
        this.note = note;
    }

    String referrerOrganisationId() {
        return referrerOrganisationId;
    }

    void eligibility(String eligibility, String reason) {
        this.eligibility = eligibility;
        this.eligibilityReason = reason;
    }

    ReferralView view() {
        return new ReferralView(source, referrerOrganisationId, referrerName, receivedAt,
                new ClinicalFacts(ejectionFraction, titrationTargetGroup, canUnderstandOwnValues, communicatesInDanish,
                        canHandleSolution, hasSupport, interested, canMeasureAndReport, fixedResidenceInRegion,
                        gpInRegion, hasMitId),
                mitIdRequired, note, eligibility, eligibilityReason);
    }
}
