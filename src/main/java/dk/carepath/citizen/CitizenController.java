package dk.carepath.citizen;

import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens. Looking a citizen up by CPR number is a POST so the number never appears in a URL,
 * an access log or a browser history.
 */
@RestController
@RequestMapping("/api/citizens")
class CitizenController {

    private final Citizens citizens;
    private final AuditTrail audit;

    CitizenController(Citizens citizens, AuditTrail audit) {
        this.citizens = citizens;
        this.audit = audit;
    }

    record CitizenResponse(UUID id, String cpr, String name, String phone, String email, String municipalityId,
                           String gpPracticeId) {
        static CitizenResponse of(CitizenView c) {
            return new CitizenResponse(c.id(), c.cpr().formatted(), c.name(), c.phone(), c.email(), c.municipalityId(), c.gpPracticeId());
        }
    }

    @GetMapping("/{id}")
    CitizenResponse get(@PathVariable UUID id) {
        CitizenView citizen = citizens.require(id);
        audit.read("citizen", id, null, null);
        return CitizenResponse.of(citizen);
    }

    record CprSearch(@NotBlank String cpr) {
        @Override
        public String toString() {
            return "CprSearch[masked]";
        }
    }

    @PostMapping("/search")
    CitizenResponse search(@Valid @RequestBody CprSearch search) {
        CprNumber cpr;
        try {
            cpr = CprNumber.of(search.cpr());
        } catch (InvalidCprNumberException e) {
            throw ProblemException.invalidField("cpr", e.getMessage());
        }
        CitizenView citizen = citizens.findByCpr(cpr)
                .orElseThrow(() -> ProblemException.notFound("no citizen with that CPR number"));
        audit.read("citizen", citizen.id(), null, "looked up by CPR number");
        return CitizenResponse.of(citizen);
    }
}
