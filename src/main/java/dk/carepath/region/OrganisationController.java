package dk.carepath.region;

import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisations are reference data: every user may read them; a region's process owners maintain
 * the organisations of their region.
 */
@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/organisations")
class OrganisationController {

    private final Organisations organisations;
    private final Stewardship stewardship;

    OrganisationController(Organisations organisations, Stewardship stewardship) {
        this.organisations = organisations;
        this.stewardship = stewardship;
    }

    @GetMapping
    List<OrganisationView> list(@RequestParam OrganisationKind kind) {
        return organisations.all(kind);
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id) {
        return organisations.find(id).orElseThrow(() -> ProblemException.notFound("no organisation with id '" + id + "'"));
    }

    record OrganisationRequest(@NotNull OrganisationKind kind, @NotBlank @Size(max = 200) String name,
                               @NotBlank @Size(max = 20) String region, @Email @Size(max = 320) String mailAddress) {
    }

    @PutMapping("/{id}")
    OrganisationView put(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String id,
                         @Valid @RequestBody OrganisationRequest request) {
        if (!organisations.regionExists(request.region())) {
            throw ProblemException.invalidField("region", "no region '" + request.region().strip() + "'"
                    + ": a region is known by its region organisation (kind REGION)");
        }
        java.util.Set<String> regions = stewardship.regionsOfCurrentUser();
        boolean own = regions.contains(request.region())
                && organisations.find(id).map(existing -> regions.contains(existing.region())).orElse(true);
        if (!own) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "region",
                    "you maintain the organisations of your own region: " + String.join(", ", regions));
        }
        return organisations.save(id, request.kind(), request.name(), request.region(), request.mailAddress());
    }
}
