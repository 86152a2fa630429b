package dk.carepath.notify;

import java.util.UUID;

/**
 * One piece of correspondence to queue. Its content follows what a MedCom CareCommunication
 * carries (sender, recipient organisation, patient reference, category, subject, text) so that a
 * MedCom adapter can replace mail later.
 *
 * @param dedupKey    queuing the same key twice sends once: timers and jobs run at least once
 * @param pathwayId   the pathway the letter belongs to (the correspondence log is kept per pathway)
 * @param kind        what the letter is, e.g. INCLUSION_NOTICE, DISCHARGE_LETTER
 * @param recipientOrganisationId the organisation it is addressed to, when it is one
 */
public record Letter(String dedupKey, UUID pathwayId, String kind, String recipientOrganisationId,
                     String recipientAddress, String subject, String body) {

    public Letter {
        require(dedupKey, "dedupKey");
        require(kind, "kind");
        require(recipientAddress, "recipientAddress");
        require(subject, "subject");
        require(body, "body");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a letter needs a " + name);
        }
    }
}
