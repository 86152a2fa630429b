package dk.carepath.library;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What a PDF material must be: a PDF by its content (it starts with the magic bytes {@code %PDF-} and
 * ends with {@code %%EOF}, so a cut-off upload is refused too), whatever its name or declared type, and
 * no larger than {@code carepath.library.max-pdf-size}.
 */
@Component
class PdfPolicy {

    static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    static final byte[] END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** where a PDF's end marker may be: within its last kilobyte (trailing line ends and padding) */
    static final int END_WINDOW = 1024;

    private final LibraryProperties properties;

    PdfPolicy(LibraryProperties properties) {
        this.properties = properties;
    }

    long maxBytes() {
        return properties.maxPdfSize().toBytes();
    }

    void check(String field, byte[] content) {
        if (content == null || content.length == 0) {
            throw LibraryProblem.invalid(field, "is empty: upload a PDF document", "Vælg et PDF-dokument.");
        }
        if (content.length > maxBytes()) {
            throw new LibraryProblem(HttpStatus.PAYLOAD_TOO_LARGE, field, "is " + content.length + " bytes; a PDF may be at most "
                    + maxBytes() + " bytes", "Dokumentet er for stort (højst " + properties.maxPdfSize().toMegabytes() + " MB).");
        }
        if (!startsWith(content, MAGIC)) {
            throw LibraryProblem.invalid(field, "is not a PDF (its content does not start with %PDF-)",
                    "Filen er ikke et PDF-dokument.");
        }
        if (!endsWithin(content, END, END_WINDOW)) {
            throw LibraryProblem.invalid(field, "is not a whole PDF (no %%EOF at its end: cut off?)",
                    "PDF-dokumentet er ufuldstændigt (afskåret?).");
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithin(byte[] content, byte[] marker, int window) {
        int from = Math.max(0, content.length - window);
        outer:
        for (int i = content.length - marker.length; i >= from; i--) {
            for (int j = 0; j < marker.length; j++) {
                if (content[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
