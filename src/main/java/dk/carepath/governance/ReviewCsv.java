package dk.carepath.governance;

import dk.carepath.web.Csv;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The authorisation review as CSV for a spreadsheet ({@link Csv}: semicolons and a byte-order mark,
 * as Danish Excel reads them); one row per member of the organisation.
 */
final class ReviewCsv {

    static final String MEDIA_TYPE = Csv.MEDIA_TYPE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReviewCsv() {
    }

    /** The review as a CSV file to save: for the API and the page alike. */
    static org.springframework.http.ResponseEntity<String> download(AccessReviews.Review review, ZoneId zone) {
        return csv(review, zone).download("adgangsgennemgang-" + review.organisation().id() + "-" + review.from() + "-" + review.to() + ".csv");
    }

    static String of(AccessReviews.Review review, ZoneId zone) {
        return csv(review, zone).toString();
    }

    private static Csv csv(AccessReviews.Review review, ZoneId zone) {
        Csv csv = new Csv().row(List.of("Organisation", "Periode fra", "Periode til", "Bruger", "Navn", "Rolle", "Gruppe", "Adgang",
                "Sidst brugt", "Læsninger", "Ændringer", "Borgere"));
        for (AccessReviews.Member m : review.members()) {
            csv.row(List.of(review.organisation().name(), review.from().toString(), review.to().toString(), m.userId(), m.name(),
                    m.roleName(), m.groupId(), String.join(", ", m.access()),
                    m.lastUse() == null ? "aldrig" : TIME.format(m.lastUse().atZone(zone)),
                    Long.toString(m.reads()), Long.toString(m.changes()), Long.toString(m.citizens())));
        }
        return csv;
    }

    static String cell(String value) {
        return Csv.cell(value);
    }
}
