package dk.carepath.citizen;

import java.util.UUID;

/** What other features may know of a citizen. */
public record CitizenView(UUID id, CprNumber cpr, String name, String phone, String email,
                          String municipalityId, String gpPracticeId) {

    @Override
    public String toString() {
        return "CitizenView[" + id + "]";
    }
}
