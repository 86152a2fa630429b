package dk.carepath.pathway;

import dk.carepath.citizen.PhoneNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A referral as the API receives it.
 *
 * @param clinicId the heart-failure clinic that will run the pathway
 * @param referrerOrganisationId who referred: the clinic itself, a GP practice or a municipality
 */
public record ReferralRequest(
        @NotNull @Valid CitizenDetails citizen,
        @NotNull ReferralSource source,
        @NotBlank @Size(max = 40) String clinicId,
        @NotBlank @Size(max = 40) String referrerOrganisationId,
        @Size(max = 200) String referrerName,
        @NotNull @Valid ClinicalFacts facts,
        @Size(max = 2000) String note) {

    /**
     * @param fhirPatient the citizen's Patient at a configured FHIR patient service (the national infrastructure's),
     *                    its absolute URL ({@code https://patient.<env>/fhir/Patient/76312}): measurements naming it are hers
     */
    public record CitizenDetails(
            @NotBlank @Pattern(regexp = "\\d{6}-?\\d{4}", message = "skal være et CPR-nummer (DDMMÅÅ-XXXX)") String cpr,
            @NotBlank @Size(max = 200) String name,
            @Size(max = PhoneNumber.MAX) @Pattern(regexp = PhoneNumber.PATTERN, message = PhoneNumber.MESSAGE) String phone,
            @Email @Size(max = 320) String email,
            @Size(max = 300) String address,
            @NotBlank @Size(max = 40) String municipalityId,
            @Size(max = 40) String gpPracticeId,
            @Size(max = 300) String fhirPatient) {

        /** Without a FHIR patient: the citizen is not (yet) known to a patient service of the national infrastructure. */
        public CitizenDetails(String cpr, String name, String phone, String email, String address, String municipalityId,
                              String gpPracticeId) {
            this(cpr, name, phone, email, address, municipalityId, gpPracticeId, null);
        }

        @Override
        public String toString() {
            return "CitizenDetails[masked]";
        }
    }
}
