package dk.carepath.dryrun;

import dk.carepath.pathway.ClinicalFacts;
import dk.carepath.pathway.ReferralSource;
import dk.carepath.web.Page;
import dk.carepath.web.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Prøv en testborger" on the process owners' page {@code /regions}: the small form there posts
 * here; the answer is shown back in the region's section (Post/Redirect/Get).
 */
@Controller
@Page
class DryRunPage {

    private final DryRuns dryRuns;
    private final Validator validator;

    DryRunPage(DryRuns dryRuns, Validator validator) {
        this.dryRuns = dryRuns;
        this.validator = validator;
    }

    @PostMapping("/regions/{id}/dry-run")
    String dryRun(@PathVariable String id, @RequestParam String clinicId, @RequestParam String municipalityId,
                  @RequestParam(required = false) String gpPracticeId, @RequestParam(required = false) Integer ejectionFraction,
                  @RequestParam(defaultValue = "false") boolean hasMitId, @RequestParam(defaultValue = "false") boolean titrationTargetGroup,
                  @RequestParam(defaultValue = "false") boolean otherCriteriaMet, RedirectAttributes flash) {
        // the page asks one question, "de øvrige kriterier er opfyldt", for the eight criteria besides EF, titration and MitID
        boolean others = otherCriteriaMet;
        DryRunRequest request = new DryRunRequest(new DryRunRequest.Citizen(null, null, null, null, null, municipalityId,
                gpPracticeId == null || gpPracticeId.isBlank() ? null : gpPracticeId, null), ReferralSource.HF_CLINIC, clinicId, null, null,
                new ClinicalFacts(ejectionFraction, titrationTargetGroup, others, others, others, others, others, others, others, others, hasMitId), null);
        Set<ConstraintViolation<DryRunRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            flash.addFlashAttribute("error", violations.stream().map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; ")));
        } else {
            try {
                flash.addFlashAttribute("dryRun", dryRuns.run(id, request));
            } catch (ProblemException e) {
                flash.addFlashAttribute("error", e.getMessage());
            }
        }
        return "redirect:/regions#dry-run-" + id;
    }
}
