package dk.carepath.governance;

import dk.carepath.audit.AuditAction;
import dk.carepath.region.OrganisationKind;
import dk.carepath.web.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The authorisation review as a page for managers: read, export, sign off. */
@Controller
@Page
@RequestMapping("/access-reviews")
class AccessReviewPage {

    static final Map<OrganisationKind, String> KINDS = new EnumMap<>(Map.of(OrganisationKind.CLINIC, "Hospitalsafdeling",
            OrganisationKind.MUNICIPALITY, "Kommune", OrganisationKind.GP_PRACTICE, "Lægepraksis",
            OrganisationKind.SERVICE_CENTER, "Servicecenter", OrganisationKind.REGION, "Region"));
    static final Map<AuditAction, String> ACTIONS = new EnumMap<>(Map.of(AuditAction.READ, "læst", AuditAction.CREATE, "oprettet",
            AuditAction.UPDATE, "ændret"));

    private final AccessReviews reviews;
    private final ZoneId zone;

    AccessReviewPage(AccessReviews reviews, @Value("${carepath.zone}") ZoneId zone) {
        this.reviews = reviews;
        this.zone = zone;
    }

    @GetMapping
    String list(Model model) {
        var organisations = reviews.reviewable();
        Map<String, String> lastSignOff = new HashMap<>();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        organisations.forEach(o -> reviews.lastSignOff(o.id())
                .ifPresent(s -> lastSignOff.put(o.id(), day.format(s.signedAt().atZone(zone)) + " (" + s.signedBy() + ")")));
        model.addAttribute("organisations", organisations);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("lastSignOff", lastSignOff);
        return "review/list";
    }

    @GetMapping("/{organisationId}")
    String review(@PathVariable String organisationId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("review", reviews.review(organisationId, from, to));
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("signed")) {
            model.addAttribute("signed", null);
        }
        return "review/review";
    }

    @GetMapping("/{organisationId}/report.csv")
    ResponseEntity<String> csv(@PathVariable String organisationId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return ReviewCsv.download(reviews.review(organisationId, from, to), zone);
    }

    @PostMapping("/{organisationId}/sign-off")
    String signOff(@PathVariable String organisationId,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean reviewed,
                   Model model, RedirectAttributes redirect) {
        String text = note == null || note.isBlank() ? null : note.trim();
        if (!reviewed || text != null && text.length() > 2000) {
            model.addAttribute("notConfirmed", !reviewed);
            model.addAttribute("noteTooLong", text != null && text.length() > 2000);
            return review(organisationId, from, to, model);
        }
        redirect.addFlashAttribute("signed", reviews.signOff(organisationId, from, to, text));
        return "redirect:/access-reviews/" + organisationId + "?from=" + from + "&to=" + to;
    }
}
