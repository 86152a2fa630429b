package dk.carepath.measurement;

import dk.carepath.pathway.MeasurementDigests;
import dk.carepath.pathway.MeasurementType;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The measurement tasks' digests of measurements (pathway.MeasurementDigests), in Danish: what a pathway
 * received since the last review, newest first with colours, and a citizen's last weights.
 */
@Component("measurementDigests")
class MeasurementDigest implements MeasurementDigests {

    /** lines of a review's list; the rest are counted, and on the citizen page */
    static final int REVIEW_LINES = 25;
    static final int WEIGHTS = 5;
    static final int MAX_TEXT = 4000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    MeasurementDigest(JdbcTemplate jdbc, @Value("${carepath.zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * "Siden sidste gennemgang 12.11.2026 kl. 09:14: 9 målinger (1 røde, 2 gule) og 2 PRO-svar", then one line
     * each: what was received since (a measurement taken before the review but sent after it is new to the nurse).
     */
    @Override
    public String since(UUID pathwayId, Instant lastReview) {
        List<StoredMeasurement> measured = jdbc.query("select " + MeasurementStore.COLUMNS + " from measurement where pathway_id = ? "
                + "and received_at >= ? order by measured_at desc, id desc limit 2000", MeasurementStore.ROW, pathwayId,
                Timestamp.from(lastReview == null ? Instant.EPOCH : lastReview));
        long pro = measured.stream().filter(m -> m.type() == MeasurementType.PRO_QUESTIONNAIRE).count();
        long red = measured.stream().filter(m -> m.colour() == Colour.RED).count();
        long yellow = measured.stream().filter(m -> m.colour() == Colour.YELLOW).count();
        long values = measured.size() - pro;
        String head = (lastReview != null ? "Siden sidste gennemgang " + WHEN.format(lastReview.atZone(zone)) : "Siden forløbets start")
                + ": " + values + (values == 1 ? " måling" : " målinger") + " (" + red + " røde, " + yellow + " gule) og " + pro + " PRO-svar.";
        if (measured.isEmpty()) {
            return head + "\nIngen målinger i perioden.";
        }
        List<String> lines = new ArrayList<>();
        lines.add(head);
        measured.stream().limit(REVIEW_LINES).forEach(m -> lines.add("• " + Summaries.of(m, zone)));
        int shown = lines.size() - 1;
        // an engine text variable holds 4,000 characters: fewer lines rather than a cut one
        while (String.join("\n", lines).length() > MAX_TEXT - 80 && lines.size() > 2) {
            lines.remove(lines.size() - 1);
            shown--;
        }
        if (measured.size() > shown) {
            lines.add("… og " + (measured.size() - shown) + " ældre: se borgerens side.");
        }
        return String.join("\n", lines);
    }

    /** "82,4 kg (23.11.2026) · 82,0 kg (22.11.2026) · …", newest first, or that there are none */
    @Override
    public String recentWeights(UUID citizenId) {
        List<String> weights = jdbc.query("select value1, measured_at from measurement where citizen_id = ? and type = ? "
                        + "order by measured_at desc, id desc limit " + WEIGHTS,
                (rs, n) -> rs.getBigDecimal("value1").setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " kg ("
                        + DAY.format(rs.getTimestamp("measured_at").toInstant().atZone(zone)) + ")",
                citizenId, MeasurementType.WEIGHT.name());
        return weights.isEmpty() ? "Ingen vægtmålinger endnu" : String.join(" · ", weights);
    }
}
