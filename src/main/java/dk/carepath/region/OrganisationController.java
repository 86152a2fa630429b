package dk.carepath.region;

import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organisations are reference data: every user may read them, process owners maintain them. */
@RestController
@org.springframework.validation.annotation.Validated
@RequestMapping("/api/organisations")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    List<OrganisationView> list(@RequestParam OrganisationKind kind) {
        return organisations.all(kind);
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id) {
        return organisations.find(id).orElseThrow(() -> ProblemException.notFound("no organisation with id '" + id + "'"));
    }

    record OrganisationRequest(@NotNull OrganisationKind kind, @NotBlank String name, @NotBlank String region,
                               @Email String mailAddress) {
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('process-owner')")
    OrganisationView put(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String id,
                         @Valid @RequestBody OrganisationRequest request) {
        return organisations.save(id, request.kind(), request.name(), request.region(), request.mailAddress());
    }
}
