package dk.carepath.triage;

import dk.carepath.measurement.Colour;
import dk.carepath.measurement.Triage;
import dk.carepath.security.Staff;
import dk.carepath.web.Page;
import dk.carepath.web.ProblemException;
import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The nurses' triage page: one row per citizen of the user's organisations (or "Mine borgere"),
 * worst unacknowledged colour first, then oldest first; acknowledging one measurement, one citizen,
 * or every green measurement of the list at once. The list and the acknowledgements are
 * {@link Triage}'s, so the page shows and changes exactly what {@code /api/triage} does.
 */
@Controller
@Page
@RequestMapping("/triage")
class TriagePage {

    /** One value of a row: "Puls 72 /min", its colour and the threshold that decided it. */
    record Reading(String type, String text, String colour, String css, String threshold, String when) {
    }

    /** One row of the page, ready to show. */
    record Row(Triage.Entry entry, String colour, String css, String what, String when, List<Reading> latest,
               String contactPerson, OpenTasks.OpenTask task) {
    }

    private final Triage triage;
    private final OpenTasks tasks;
    private final Staff staff;
    private final ZoneId zone;

    TriagePage(Triage triage, OpenTasks tasks, Staff staff, @Value("${carepath.zone}") ZoneId zone) {
        this.triage = triage;
        this.tasks = tasks;
        this.staff = staff;
        this.zone = zone;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean mine, Principal user, Model model) {
        List<Triage.Entry> entries = triage.list(mine ? user.getName() : null);
        Map<UUID, List<OpenTasks.OpenTask>> open = tasks.of(entries.stream().map(Triage.Entry::pathwayId).toList());
        Map<String, String> names = new java.util.HashMap<>();
        List<Row> rows = new ArrayList<>();
        Map<Colour, Integer> totals = new EnumMap<>(Colour.class);
        for (Colour c : List.of(Colour.RED, Colour.YELLOW, Colour.CHECK, Colour.MISSING, Colour.GREEN)) {
            totals.put(c, 0);
        }
        for (Triage.Entry e : entries) {
            totals.merge(Colour.RED, e.red(), Integer::sum);
            totals.merge(Colour.YELLOW, e.yellow(), Integer::sum);
            totals.merge(Colour.CHECK, e.check(), Integer::sum);
            totals.merge(Colour.MISSING, e.missing(), Integer::sum);
            totals.merge(Colour.GREEN, e.green(), Integer::sum);
            List<Reading> latest = e.latest().stream().map(l -> new Reading(l.type().danish(),
                    Display.value(l.type(), l.value(), l.value2(), l.symptoms()), Display.colour(l.colour()), Display.css(l.colour()),
                    l.threshold(), Display.when(l.measuredAt(), zone))).toList();
            String contact = e.contactPerson() == null ? null
                    : names.computeIfAbsent(e.contactPerson(), id -> staff.nameOf(id).orElse(id));
            List<OpenTasks.OpenTask> citizenTasks = open.getOrDefault(e.pathwayId(), List.of());
            String what = (e.type() == null ? "" : e.type().danish()) + (e.summary() == null ? "" : ": " + e.summary());
            rows.add(new Row(e, Display.colour(e.worst()), Display.css(e.worst()), what, Display.when(e.at(), zone), latest, contact,
                    citizenTasks.isEmpty() ? null : citizenTasks.get(0)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("mine", mine);
        model.addAttribute("totals", totals);
        model.addAttribute("greenPathways", entries.stream().filter(e -> e.green() > 0).map(Triage.Entry::pathwayId).toList());
        return "triage/list";
    }

    @PostMapping("/measurements/{id}/acknowledgement")
    String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "false") boolean mine, RedirectAttributes redirect) {
        triage.acknowledge(id);
        redirect.addFlashAttribute("message", "Målingen er kvitteret.");
        return back(mine);
    }

    @PostMapping("/alarms/{id}/acknowledgement")
    String acknowledgeAlarm(@PathVariable long id, @RequestParam(defaultValue = "false") boolean mine, RedirectAttributes redirect) {
        try {
            triage.acknowledgeAlarm(id);
            redirect.addFlashAttribute("message", "Alarmen for manglende målinger er kvitteret.");
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("message", "Alarmen var allerede kvitteret.");
        }
        return back(mine);
    }

    /** Everything of one citizen: every unacknowledged measurement and missing-measurement alarm. */
    @PostMapping("/pathways/{id}/acknowledgement")
    String acknowledgeCitizen(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean mine, RedirectAttributes redirect) {
        int n = triage.acknowledgeCitizen(id);
        redirect.addFlashAttribute("message", "Borgeren er kvitteret (" + n + (n == 1 ? " måling eller alarm)." : " målinger og alarmer)."));
        return back(mine);
    }

    /** Every green measurement of the citizens the page listed. */
    @PostMapping("/green-acknowledgement")
    String acknowledgeGreen(@RequestParam(name = "pathwayId", required = false) List<UUID> pathwayIds,
                            @RequestParam(defaultValue = "false") boolean mine, RedirectAttributes redirect) {
        if (pathwayIds == null || pathwayIds.isEmpty()) {
            redirect.addFlashAttribute("message", "Der var ingen grønne målinger at kvittere.");
            return back(mine);
        }
        int n = triage.acknowledgeGreen(pathwayIds);
        redirect.addFlashAttribute("message", n + (n == 1 ? " grøn måling er kvitteret." : " grønne målinger er kvitteret."));
        return back(mine);
    }

    private static String back(boolean mine) {
        return mine ? "redirect:/triage?mine=true" : "redirect:/triage";
    }
}
