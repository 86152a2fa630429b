package dk.carepath.region;

import dk.carepath.web.Page;
import dk.carepath.web.ProblemException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process owners' page: every region pack found (in use, its version, what is wrong with one
 * that is not), and for her own regions which model version their pathways run on, moving them to
 * another version (a dry run first) and undoing a change of the pack — what the API offers, in Danish.
 */
@Controller
@Page
@RequestMapping("/regions")
class RegionPage {

    private final RegionPackController api;
    private final RegionModels models;
    private final RegionChanges changes;
    private final Stewardship stewardship;
    private final Organisations organisations;
    private final DateTimeFormatter when;

    RegionPage(RegionPackController api, RegionModels models, RegionChanges changes, Stewardship stewardship,
               Organisations organisations, @Value("${carepath.zone}") ZoneId zone) {
        this.organisations = organisations;
        this.api = api;
        this.models = models;
        this.changes = changes;
        this.stewardship = stewardship;
        this.when = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(zone);
    }

    /** @param clinics, municipalities, gpPractices: the choices of the dry run's form ("Prøv en testborger", module dryrun) */
    record OwnRegion(String id, String name, List<RegionModels.DefinitionView> models, List<String> keys,
                     List<OrganisationView> clinics, List<OrganisationView> municipalities, List<OrganisationView> gpPractices) {
    }

    @GetMapping
    String list(Model model) {
        Set<String> own = stewardship.regionsOfCurrentUser();
        model.addAttribute("packs", api.list());
        model.addAttribute("refused", api.refusedModels());
        model.addAttribute("when", when);
        model.addAttribute("own", api.list().stream().filter(p -> p.inUse() && own.contains(p.id()))
                .map(p -> {
                    List<OrganisationView> orgs = organisations.inRegion(p.id());
                    return new OwnRegion(p.id(), p.name(), models.versions(p.id()), RegionModels.KEYS, of(orgs, OrganisationKind.CLINIC),
                            of(orgs, OrganisationKind.MUNICIPALITY), of(orgs, OrganisationKind.GP_PRACTICE));
                }).toList());
        return "region/list";
    }

    private static List<OrganisationView> of(List<OrganisationView> organisations, OrganisationKind kind) {
        return organisations.stream().filter(o -> o.kind() == kind).toList();
    }

    @PostMapping("/{id}/migrations")
    String migrate(@PathVariable String id, @RequestParam String processKey, @RequestParam(required = false) Integer toVersion,
                   @RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(required = false) String reason,
                   RedirectAttributes flash) {
        try {
            RegionModels.MigrationReport report = models.migrate(id, new RegionModels.MigrationRequest(processKey, toVersion, dryRun, reason));
            flash.addFlashAttribute("report", report);
            flash.addFlashAttribute("reportRegion", id);
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/regions";
    }

    @PostMapping("/{id}/rollback")
    String rollback(@PathVariable String id, @RequestParam String processKey, @RequestParam(defaultValue = "true") boolean dryRun,
                    @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            RegionModels.RollbackReport r = models.rollback(id, processKey, new RegionModels.RollbackRequest(dryRun, reason));
            flash.addFlashAttribute("message", r.dryRun()
                    ? "Prøvekørsel: " + r.instances() + " forløb af " + processKey + " i " + id + " ville blive flyttet fra version "
                            + r.fromVersion() + " tilbage til version " + r.previousVersion() + ". "
                            + (r.valid() ? "Camunda godkender planen." : "Camunda godkender ikke planen: " + String.join("; ", r.problems()))
                    : processKey + " i " + id + " er rullet tilbage: version " + r.previousVersion() + " er udrullet igen som version "
                            + r.newVersion() + ", og " + r.instances() + " forløb er flyttet dertil.");
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/regions";
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            int version = changes.undo(id, reason);
            flash.addFlashAttribute("message", "Region " + id + ": den forrige udgave er i brug igen (version " + version + ").");
        } catch (ProblemException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/regions";
    }
}
