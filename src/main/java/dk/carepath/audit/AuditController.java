package dk.carepath.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log, for the twice-yearly authorisation review [002 Bilag 2]. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('manager', 'process-owner')")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(params = "citizenId")
    List<AuditRecord> forCitizen(@RequestParam UUID citizenId, @RequestParam(defaultValue = "200") int limit) {
        return trail.forCitizen(citizenId, Math.min(limit, 1000));
    }

    @GetMapping(params = "actor")
    List<AuditRecord> byActor(@RequestParam String actor, @RequestParam(defaultValue = "200") int limit) {
        return trail.byActor(actor, Math.min(limit, 1000));
    }
}
