package dk.carepath.notify;

import java.time.Instant;
import java.util.UUID;

/** One line of a pathway's correspondence log. */
public record CorrespondenceEntry(UUID id, UUID pathwayId, String kind, String recipientOrganisationId,
                                  String recipient, String subject, MailStatus status, int attempts,
                                  Instant queuedAt, Instant sentAt, String lastError) {
}
