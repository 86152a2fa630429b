package dk.carepath.library;

import java.time.Instant;

/** A phrase as the API and the pages show it. */
public record PhraseView(long id, String organisationId, String title, String text, String createdBy, Instant createdAt) {
}
