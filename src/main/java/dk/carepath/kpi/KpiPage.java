package dk.carepath.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.region.OrganisationView;
import dk.carepath.security.Oversight;
import dk.carepath.web.Page;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' dashboard (Danish): every KPI of docs/kpis.md for the organisations she oversees,
 * coloured by its target, with charts (Chart.js from its webjar), the filters, and a drill-down to
 * the pathways behind a figure.
 */
@Controller
@Page
@RequestMapping("/kpi")
class KpiPage {

    private final Kpis kpis;
    private final Oversight oversight;
    private final ObjectMapper json;

    KpiPage(Kpis kpis, Oversight oversight, ObjectMapper json) {
        this.kpis = kpis;
        this.oversight = oversight;
        this.json = json;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String organisation,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model)
            throws JsonProcessingException {
        List<String> errors = new ArrayList<>();
        KpiScope scope = kpis.scope(region, organisation, date(from, "Fra", errors), date(to, "Til", errors));
        Kpis.Report report = kpis.all(scope);
        filters(model, scope, errors);
        model.addAttribute("report", report);
        return "kpi/dashboard";
    }

    @GetMapping("/export.csv")
    org.springframework.http.ResponseEntity<String> csv(@RequestParam(required = false) String region,
                                                        @RequestParam(required = false) String organisation,
                                                        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<String> errors = new ArrayList<>();
        return KpiCsv.report(kpis.all(kpis.scope(region, organisation, date(from, "Fra", errors), date(to, "Til", errors))), "alle");
    }

    @GetMapping("/{kpi}/pathways")
    String pathways(@PathVariable String kpi, @RequestParam(required = false) String region,
                    @RequestParam(required = false) String organisation, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Model model) {
        List<String> errors = new ArrayList<>();
        KpiScope scope = kpis.scope(region, organisation, date(from, "Fra", errors), date(to, "Til", errors));
        model.addAttribute("drill", kpis.pathways(kpi, scope));
        filters(model, scope, errors);
        return "kpi/pathways";
    }

    private void filters(Model model, KpiScope scope, List<String> errors) {
        List<OrganisationView> overseen = oversight.overseen();
        model.addAttribute("organisations", overseen);
        model.addAttribute("regions", new TreeSet<>(overseen.stream().map(OrganisationView::region).toList()));
        model.addAttribute("scope", scope);
        model.addAttribute("errors", errors);
    }

    /** a day from the filter form; a malformed one is reported on the page and the default used */
    private static LocalDate date(String text, String field, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(field + ": ikke en dato (åååå-mm-dd) – standardperioden er vist");
            return null;
        }
    }
}
