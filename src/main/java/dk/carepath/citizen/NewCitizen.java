package dk.carepath.citizen;

/** The personal details a referral brings. */
public record NewCitizen(CprNumber cpr, String name, String phone, String email, String address, String municipalityId, String gpPracticeId) {

    @Override
    public String toString() {
        return "NewCitizen[" + cpr.masked() + "]";
    }
}
