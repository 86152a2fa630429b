package dk.carepath.citizen;

import java.util.UUID;

/** What other features may know of a citizen. */
public record CitizenView(UUID id, CprNumber cpr, String name, String phone, String email, String address,
                          String municipalityId, String gpPracticeId) {

    /** "Name (DDMMYY-XXXX)": how tasks and lists show whose they are, with the CPR number masked. */
    public String label() {
        return name + " (" + cpr.masked() + ")";
    }

    @Override
    public String toString() {
        return "CitizenView[" + id + "]";
    }
}
