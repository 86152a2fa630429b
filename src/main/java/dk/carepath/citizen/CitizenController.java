package dk.carepath.citizen;

import dk.carepath.audit.AuditTrail;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens, as much of them as the user's role needs ({@link CitizenAccess}): the full CPR number
 * only for roles that need it, contact details for those who call or visit. Looking a citizen up by
 * CPR number is a POST so the number never appears in a URL, an access log or a browser history;
 * it finds only citizens the user's organisation serves.
 */
@RestController
@RequestMapping("/api/citizens")
class CitizenController {

    private final Citizens citizens;
    private final AuditTrail audit;
    private final CitizenAccess access;

    CitizenController(Citizens citizens, AuditTrail audit, CitizenAccess access) {
        this.citizens = citizens;
        this.audit = audit;
        this.access = access;
    }

    /** @param cpr the full number where the role needs it (DDMMYY-XXXX), else masked (DDMMYY-XXXX with X's) */
    record CitizenResponse(UUID id, String cpr, String name, String phone, String email, String address,
                           String municipalityId, String gpPracticeId) {
        static CitizenResponse of(CitizenView c, Set<CitizenData> seen) {
            boolean contact = seen.contains(CitizenData.CONTACT);
            return new CitizenResponse(c.id(), seen.contains(CitizenData.CPR) ? c.cpr().formatted() : c.cpr().masked(), c.name(),
                    contact ? c.phone() : null, contact ? c.email() : null, contact ? c.address() : null,
                    c.municipalityId(), c.gpPracticeId());
        }
    }

    @GetMapping("/{id}")
    CitizenResponse get(@PathVariable UUID id) {
        Set<CitizenData> seen = access.require(id, CitizenData.IDENTITY);
        CitizenView citizen = citizens.require(id);
        audit.read("citizen", id, null, null);
        return CitizenResponse.of(citizen, seen);
    }

    record CprSearch(@NotBlank @jakarta.validation.constraints.Size(max = 20) String cpr) {
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
        // a citizen the user's organisation does not serve is not found: the answer must not tell who is in care
        CitizenView citizen = citizens.findByCpr(cpr).filter(c -> access.may(c.id(), CitizenData.IDENTITY))
                .orElseThrow(() -> ProblemException.notFound("no citizen with that CPR number among the citizens your organisation serves"));
        audit.read("citizen", citizen.id(), null, "looked up by CPR number");
        return CitizenResponse.of(citizen, access.of(citizen.id()));
    }
}
