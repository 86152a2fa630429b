package dk.carepath.triage;

import dk.carepath.library.LibraryProblem;
import dk.carepath.library.Materials;
import dk.carepath.library.Phrases;
import dk.carepath.citizen.CitizenView;
import dk.carepath.citizen.Citizens;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Pathways;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.region.OrganisationView;
import dk.carepath.region.Organisations;
import dk.carepath.web.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Fraser og materialer" ({@code /library}): the phrases of the nurse's organisations (which Tasklist
 * offers under every note) and the material catalogue: adding and removing phrases, adding links and
 * PDFs, assigning a material to one citizen or many of her organisations' running pathways. The same rules as
 * the API ({@code library.Phrases}, {@code library.Materials}); a refusal is told in Danish.
 */
@Controller
@Page
class LibraryPage {

    /** the citizens offered for an assignment: the running pathways of the nurse's organisations, newest first */
    static final int CITIZENS = 500;

    /** a citizen to choose on the page: name and masked CPR number */
    record Choice(UUID citizenId, String label) {
    }

    private final Phrases phrases;
    private final Materials materials;
    private final Pathways pathways;
    private final Citizens citizens;
    private final CitizenAccess access;
    private final Organisations organisations;

    LibraryPage(Phrases phrases, Materials materials, Pathways pathways, Citizens citizens, CitizenAccess access,
                Organisations organisations) {
        this.phrases = phrases;
        this.materials = materials;
        this.pathways = pathways;
        this.citizens = citizens;
        this.access = access;
        this.organisations = organisations;
    }

    @GetMapping("/library")
    String library(Model model) {
        Map<String, String> mine = new LinkedHashMap<>();
        phrases.organisations().forEach(id -> mine.put(id, organisations.find(id).map(OrganisationView::name).orElse(id)));
        model.addAttribute("organisations", mine);
        model.addAttribute("phrases", phrases.mine());
        model.addAttribute("materials", materials.catalogue());
        List<UUID> ids = pathways.runningOf(access.organisationsSeeing(CitizenData.CLINICAL), CITIZENS).stream()
                .map(PathwayView::citizenId).filter(id -> access.may(id, CitizenData.CLINICAL)).toList();
        Map<UUID, CitizenView> people = citizens.findAll(ids);
        model.addAttribute("citizens", ids.stream().filter(people::containsKey).map(id -> new Choice(id, people.get(id).label())).toList());
        model.addAttribute("maxMegabytes", materials.maxPdfBytes() / (1024 * 1024));
        return "triage/library";
    }

    @PostMapping("/library/phrases")
    String addPhrase(@RequestParam(required = false) String organisationId, @RequestParam(required = false) String title,
                     @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return done(redirect, "Frasen er gemt.", () -> phrases.add(organisationId, title, text));
    }

    @PostMapping("/library/phrases/{id}/removal")
    String removePhrase(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "Frasen er fjernet.", () -> phrases.remove(id));
    }

    @PostMapping("/library/materials/links")
    String addLink(@RequestParam(required = false) String organisationId, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String url, RedirectAttributes redirect) {
        return done(redirect, "Linket er tilføjet kataloget.", () -> materials.addLink(organisationId, title, url));
    }

    @PostMapping("/library/materials/documents")
    String addPdf(@RequestParam(required = false) String organisationId, @RequestParam(required = false) String title,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return done(redirect, "Dokumentet er tilføjet kataloget.", () -> materials.addPdf(organisationId, title,
                file == null ? null : file.getOriginalFilename(), bytes(file)));
    }

    @PostMapping("/library/materials/{id}/assignments")
    String assign(@PathVariable long id, @RequestParam(name = "citizenId", required = false) List<UUID> citizenIds,
                  RedirectAttributes redirect) {
        try {
            Materials.Assignment done = materials.assign(id, citizenIds == null ? List.of() : citizenIds);
            redirect.addFlashAttribute("message", "Materialet er tildelt " + done.assigned().size()
                    + (done.assigned().size() == 1 ? " borger" : " borgere")
                    + (done.alreadyAssigned().isEmpty() ? "." : " (" + done.alreadyAssigned().size() + " havde det allerede)."));
        } catch (LibraryProblem refused) {
            redirect.addFlashAttribute("error", refused.danish());
        }
        return "redirect:/library";
    }

    /** a PDF of the catalogue, or one given to a citizen the nurse may see: for the page's links */
    @GetMapping("/library/materials/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        Materials.Document document = materials.document(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    private static String done(RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (LibraryProblem refused) {
            redirect.addFlashAttribute("error", refused.danish());
        }
        return "redirect:/library";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
