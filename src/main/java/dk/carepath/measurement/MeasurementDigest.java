package dk.carepath.measurement;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Vars;
import dk.carepath.pathway.JournalKind;
import dk.carepath.pathway.JournalView;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Pathways;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${measurementDigest}}, a create listener of the tasks that decide on measurements: what the
 * decision needs, as task-local variables of the task (its team reads them; they leave with the task).
 * <ul>
 *   <li>Task_ReviewMeasurements: {@code reviewMeasurements}, the measurements and PRO answers since the
 *       last review (or since the pathway began), newest first, with their colours;</li>
 *   <li>Task_SetMonitoringPlan: {@code recentWeights}, the citizen's last weights, shown next to the
 *       reference weight the cardiologist sets.</li>
 * </ul>
 * The form links the citizen page's charts for the rest ({@code citizenPage}).
 */
@Component("measurementDigest")
class MeasurementDigest implements TaskListener {

    static final String REVIEW_MEASUREMENTS = "reviewMeasurements";
    static final String RECENT_WEIGHTS = "recentWeights";
    /** lines of a review's list; the rest are counted, and on the citizen page */
    static final int REVIEW_LINES = 25;
    static final int WEIGHTS = 5;
    static final int MAX_TEXT = 4000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");

    private final MeasurementStore store;
    private final Pathways pathways;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    MeasurementDigest(MeasurementStore store, Pathways pathways, JdbcTemplate jdbc, @Value("${carepath.zone}") ZoneId zone) {
        this.store = store;
        this.pathways = pathways;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public void notify(DelegateTask task) {
        String pathway = Vars.PATHWAY_ID.get(task);
        if (pathway == null || !EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        UUID pathwayId = UUID.fromString(pathway);
        if (Element.Task_ReviewMeasurements.name().equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(REVIEW_MEASUREMENTS, sinceLastReview(pathwayId, task.getName()));
        } else if (Element.Task_SetMonitoringPlan.name().equals(task.getTaskDefinitionKey())) {
            String citizen = Vars.CITIZEN_ID.get(task);
            task.setVariableLocal(RECENT_WEIGHTS, citizen == null ? "Ingen vægtmålinger endnu" : recentWeights(UUID.fromString(citizen)));
        }
    }

    /** "Siden sidste gennemgang 12.11.2026 kl. 09:14: 9 målinger (1 rød, 2 gule) og 2 PRO-svar", then one line each */
    String sinceLastReview(UUID pathwayId, String reviewName) {
        Optional<Instant> last = pathways.journal(pathwayId).stream()
                .filter(j -> JournalKind.TASK.name().equals(j.kind()) && reviewName != null && reviewName.equals(j.summary()))
                .map(JournalView::occurredAt).reduce((a, b) -> b);
        Instant since = last.orElse(Instant.EPOCH);
        List<StoredMeasurement> measured = store.ofPathway(pathwayId, since, 2000);
        long pro = measured.stream().filter(m -> m.type() == MeasurementType.PRO_QUESTIONNAIRE).count();
        long red = measured.stream().filter(m -> m.colour() == Colour.RED).count();
        long yellow = measured.stream().filter(m -> m.colour() == Colour.YELLOW).count();
        String head = (last.isPresent() ? "Siden sidste gennemgang " + WHEN.format(last.get().atZone(zone)) : "Siden forløbets start")
                + ": " + (measured.size() - pro) + (measured.size() - pro == 1 ? " måling" : " målinger")
                + " (" + red + " røde, " + yellow + " gule) og " + pro + " PRO-svar.";
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
    String recentWeights(UUID citizenId) {
        List<String> weights = jdbc.query("select value1, measured_at from measurement where citizen_id = ? and type = ? "
                        + "order by measured_at desc, id desc limit " + WEIGHTS,
                (rs, n) -> rs.getBigDecimal("value1").setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + " kg ("
                        + DAY.format(((Timestamp) rs.getTimestamp("measured_at")).toInstant().atZone(zone)) + ")",
                citizenId, MeasurementType.WEIGHT.name());
        return weights.isEmpty() ? "Ingen vægtmålinger endnu" : String.join(" · ", weights);
    }

}
