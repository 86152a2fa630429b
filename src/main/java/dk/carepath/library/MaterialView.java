package dk.carepath.library;

import java.time.Instant;

/**
 * A material of the catalogue: {@code kind} PDF or LINK ({@code kindDanish} for the pages), and
 * where to open it ({@code href}: the link itself, or the document's content).
 */
public record MaterialView(long id, String organisationId, String title, String kind, String kindDanish, String url, String fileName,
                           Long sizeBytes, String href, String createdBy, Instant createdAt) {

    public boolean pdf() {
        return "PDF".equals(kind);
    }
}
