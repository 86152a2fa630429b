package dk.carepath.triage;

import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.measurement.StoredMeasurement;
import dk.carepath.measurement.Triage;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.MonitoringPlanView;
import dk.carepath.pathway.MonitoringPlans;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import dk.carepath.pathway.ThresholdSetView;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.security.Staff;
import dk.carepath.web.Page;
import dk.carepath.web.ProblemException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import dk.carepath.library.AssignedMaterial;
import dk.carepath.library.LibraryProblem;
import dk.carepath.library.Materials;

/**
 * One citizen, for the nurse who acts on her measurements: charts of weight (against the reference
 * weight and its bands), pulse and blood pressure against the thresholds over 7, 30 or 90 days; PRO
 * answers; the plan and its threshold history; the journal; the kit; contact person and phone; the
 * open tasks; the materials given to her (and giving one more). Need to know as in the JSON API: clinical data of a citizen her organisations serve
 * (404 otherwise, 403 for a role that never sees clinical data); each read is in the access log.
 */
@Controller
@Page
class CitizenPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    /** A measurement as a row of the page. */
    record Measurement(long id, String type, String value, String colour, String css, String reason, String when,
                       String acknowledged, List<String> symptoms) {
    }

    /** A version of the thresholds as a row of the history. */
    record ThresholdRow(String validFrom, String setBy, String reason, List<String> ranges) {
    }

    /** the columns of the threshold history: every thresholded value of every type */
    static List<String> thresholdColumns() {
        return MeasurementType.allThresholded().stream()
                .map(q -> q.danish() + " (" + q.unit() + (q.thresholds().relativeToReference() ? " fra reference" : "") + ")").toList();
    }

    private final CitizenAccess access;
    private final Citizens citizens;
    private final Pathways pathways;
    private final MonitoringPlans plans;
    private final Triage triage;
    private final KitRegistry kits;
    private final Staff staff;
    private final Organisations organisations;
    private final OpenTasks tasks;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final ZoneId zone;

    private final Clock clock;
    private final Materials materials;

    CitizenPage(CitizenAccess access, Citizens citizens, Pathways pathways, MonitoringPlans plans, Triage triage, KitRegistry kits,
                Staff staff, Organisations organisations, OpenTasks tasks, AuditTrail audit, ObjectMapper json,
                @Value("${carepath.zone}") ZoneId zone, Clock clock, Materials materials) {
        this.clock = clock;
        this.materials = materials;
        this.access = access;
        this.citizens = citizens;
        this.pathways = pathways;
        this.plans = plans;
        this.triage = triage;
        this.kits = kits;
        this.staff = staff;
        this.organisations = organisations;
        this.tasks = tasks;
        this.audit = audit;
        this.json = json;
        this.zone = zone;
    }

    @GetMapping("/citizens/{id}")
    String citizen(@PathVariable UUID id, @RequestParam(defaultValue = "30") int days, Model model) throws JsonProcessingException {
        Set<CitizenData> seen = access.require(id, CitizenData.CLINICAL);
        int period = PERIODS.contains(days) ? days : 30;
        CitizenView citizen = citizens.find(id).orElseThrow(() -> ProblemException.notFound("no citizen with id " + id));
        audit.read("citizen", id, null, "citizen page");
        PathwayView pathway = pathways.activeFor(id).or(() -> pathways.allOf(id).stream().findFirst())
                .orElseThrow(() -> ProblemException.notFound("citizen " + id + " has no pathway"));
        model.addAttribute("citizen", citizen);
        model.addAttribute("phone", seen.contains(CitizenData.CONTACT) ? citizen.phone() : null);
        model.addAttribute("cpr", seen.contains(CitizenData.CPR) ? citizen.cpr().formatted() : citizen.cpr().masked());
        model.addAttribute("pathway", pathway);
        model.addAttribute("phase", pathway.phase().danish());
        model.addAttribute("monitoring", name(pathway.monitoringOrganisationId()));
        model.addAttribute("treatment", name(pathway.treatmentOrganisationId()));
        model.addAttribute("contactPerson", pathway.contactPerson() == null ? null
                : staff.nameOf(pathway.contactPerson()).orElse(pathway.contactPerson()));
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);

        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(period));
        List<StoredMeasurement> measurements = triage.measurements(pathway.id(), period);
        MonitoringPlanView plan = plans.forPathway(pathway.id()).orElse(null);
        List<Charts.Chart> charts = Charts.of(measurements, plan, from, to);
        List<ChartView> chartViews = new ArrayList<>();
        for (Charts.Chart chart : charts) {
            boolean empty = chart.series().stream().filter(s -> s.kind().equals("MEASUREMENT")).allMatch(s -> s.points().isEmpty());
            chartViews.add(new ChartView(chart.id(), chart.title(), json.writeValueAsString(chart), empty));
        }
        model.addAttribute("charts", chartViews);
        model.addAttribute("measurements", measurements.stream().map(this::row).toList());
        model.addAttribute("pro", measurements.stream().filter(m -> m.type().answersSymptoms()).map(this::row).toList());

        model.addAttribute("plan", plan);
        model.addAttribute("thresholdColumns", thresholdColumns());
        if (plan != null) {
            audit.read("monitoring-plan", id, pathway.id(), "citizen page");
            model.addAttribute("frequencies", plan.measurements().entrySet().stream()
                    .map(e -> e.getKey().danish() + ": " + e.getValue().danish().toLowerCase()).toList());
            List<ThresholdSetView> history = new ArrayList<>(plan.thresholdHistory() == null ? List.of() : plan.thresholdHistory());
            history.sort((a, b) -> b.validFrom().compareTo(a.validFrom()));
            model.addAttribute("thresholdHistory", history.stream().map(this::thresholds).toList());
        } else {
            model.addAttribute("frequencies", List.of());
            model.addAttribute("thresholdHistory", List.of());
        }

        audit.read("pathway-journal", id, pathway.id(), "citizen page");
        model.addAttribute("journal", newestFirst(pathways.journal(pathway.id())));

        boolean kit = seen.contains(CitizenData.KIT);
        model.addAttribute("kitVisible", kit);
        if (kit) {
            audit.read("kit", id, null, "citizen page");
            model.addAttribute("kit", kits.kitOf(id).orElse(null));
            model.addAttribute("kitHistory", newestFirst(kits.historyOf(id)));
        }
        model.addAttribute("tasks", tasks.of(List.of(pathway.id())).getOrDefault(pathway.id(), List.of()));
        List<AssignedMaterial> given = materials.assignedTo(id, "citizen page");
        model.addAttribute("materials", given);
        Set<Long> had = new java.util.HashSet<>(given.stream().map(a -> a.material().id()).toList());
        model.addAttribute("catalogue", materials.catalogue().stream().filter(m -> !had.contains(m.id())).toList());
        model.addAttribute("zone", zone);
        return "triage/citizen";
    }

    /** Gives the citizen a material of the nurse's catalogue (audited), back to her page. */
    @PostMapping("/citizens/{id}/materials")
    String assign(@PathVariable UUID id, @RequestParam(required = false) Long materialId, RedirectAttributes redirect) {
        try {
            if (materialId == null) {
                redirect.addFlashAttribute("error", "Vælg et materiale.");
            } else {
                materials.assign(materialId, List.of(id));
                redirect.addFlashAttribute("message", "Materialet er tildelt borgeren.");
            }
        } catch (LibraryProblem refused) {
            redirect.addFlashAttribute("error", refused.danish());
        }
        return "redirect:/citizens/" + id + "#materials";
    }

    @PostMapping("/citizens/{id}/materials/{materialId}/removal")
    String unassign(@PathVariable UUID id, @PathVariable long materialId, RedirectAttributes redirect) {
        materials.unassign(id, materialId);
        redirect.addFlashAttribute("message", "Materialet er fjernet fra borgeren.");
        return "redirect:/citizens/" + id + "#materials";
    }

    /** A chart for the template: its JSON for Chart.js and whether it has no measurements in the period. */
    record ChartView(String id, String title, String data, boolean empty) {
    }

    private Measurement row(StoredMeasurement m) {
        return new Measurement(m.id(), m.type().danish(), Display.value(m.type(), m.value(), m.value2(), m.symptoms()),
                Display.colour(m.colour()), Display.css(m.colour()), m.colourReason(), Display.when(m.measuredAt(), zone),
                m.acknowledgedAt() == null ? null : m.acknowledgedBy() + ", " + Display.when(m.acknowledgedAt(), zone),
                Display.symptoms(m.symptoms()));
    }

    private ThresholdRow thresholds(ThresholdSetView set) {
        var t = set.thresholds();
        return new ThresholdRow(Display.when(set.validFrom(), zone), set.setBy(), set.reason(),
                MeasurementType.allThresholded().stream().map(q -> {
                    List<BigDecimal> g = t.group(q);
                    return g == null ? range(null, null, null, null) : range(g.get(0), g.get(1), g.get(2), g.get(3));
                }).toList());
    }

    /** "rød ≤ 40 · gul ≤ 45 · gul ≥ 90 · rød ≥ 100", or "–" when not set */
    private static String range(Number redLow, Number yellowLow, Number yellowHigh, Number redHigh) {
        if (redLow == null && redHigh == null) {
            return "–";
        }
        return "rød ≤ " + text(redLow) + " · gul ≤ " + text(yellowLow) + " · gul ≥ " + text(yellowHigh) + " · rød ≥ " + text(redHigh);
    }

    private static String text(Number n) {
        return n == null ? "–" : n.toString().replace('.', ',');
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> list = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(list);
        return list;
    }

    private String name(String organisationId) {
        return organisationId == null ? "ingen" : organisations.find(organisationId).map(OrganisationView::name).orElse(organisationId);
    }
}
