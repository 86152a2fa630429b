package dk.carepath.dryrun;

import dk.carepath.pathway.ClinicalFacts;
import dk.carepath.pathway.ReferralSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A referral as {@code POST /api/referrals} takes it, for a test citizen: the citizen's name, CPR
 * number and contact details may be left out (and are ignored if given: nothing is stored); what
 * decides the path is the clinic, the municipality, the GP practice and the facts.
 *
 * @param referrerOrganisationId who the rejection notice would go to; the clinic when left out
 */
record DryRunRequest(
        @NotNull @Valid Citizen citizen,
        ReferralSource source,
        @NotBlank @Size(max = 40) String clinicId,
        @Size(max = 40) String referrerOrganisationId,
        @Size(max = 200) String referrerName,
        @NotNull @Valid ClinicalFacts facts,
        @Size(max = 2000) String note) {

    /** the test citizen: only where she lives and who her GP is matter */
    public record Citizen(
            @Size(max = 20) String cpr,
            @Size(max = 200) String name,
            @Size(max = 40) String phone,
            @Size(max = 320) String email,
            @Size(max = 300) String address,
            @NotBlank @Size(max = 40) String municipalityId,
            @Size(max = 40) String gpPracticeId,
            @Size(max = 300) String fhirPatient) {

        @Override
        public String toString() {
            return "Citizen[masked]";
        }
    }
}
