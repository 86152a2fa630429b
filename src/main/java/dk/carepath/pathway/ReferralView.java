package dk.carepath.pathway;

import java.time.Instant;

record ReferralView(ReferralSource source, String referrerOrganisationId, String referrerName, Instant receivedAt,
                           ClinicalFacts facts, boolean mitIdRequired, String note,
                           String eligibility, String eligibilityReason) {
}
