package dk.carepath.governance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The authorisation review as CSV for a spreadsheet: semicolons and a byte-order mark, as Danish
 * Excel reads them; one row per member of the organisation.
 */
final class ReviewCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReviewCsv() {
    }

    /** The review as a CSV file to save: for the API and the page alike. */
    static org.springframework.http.ResponseEntity<String> download(AccessReviews.Review review, ZoneId zone) {
        String name = "adgangsgennemgang-" + review.organisation().id() + "-" + review.from() + "-" + review.to() + ".csv";
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(of(review, zone));
    }

    static String of(AccessReviews.Review review, ZoneId zone) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, List.of("Organisation", "Periode fra", "Periode til", "Bruger", "Navn", "Rolle", "Gruppe", "Adgang",
                "Sidst brugt", "Læsninger", "Ændringer", "Borgere"));
        for (AccessReviews.Member m : review.members()) {
            row(csv, List.of(review.organisation().name(), review.from().toString(), review.to().toString(), m.userId(), m.name(),
                    m.roleName(), m.groupId(), String.join(", ", m.access()),
                    m.lastUse() == null ? "aldrig" : TIME.format(m.lastUse().atZone(zone)),
                    Long.toString(m.reads()), Long.toString(m.changes()), Long.toString(m.citizens())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
