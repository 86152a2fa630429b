package dk.carepath.governance;

import dk.carepath.audit.AuditRecord;
import dk.carepath.audit.AuditTrail;

import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.security.Oversight;
import dk.carepath.security.Staff;
import dk.carepath.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log, for the managers who review it [002 Bilag 2]: who accessed a citizen their
 * organisation serves, or what a member of an organisation they oversee accessed.
 */
@RestController
@Validated
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail trail;
    private final CitizenAccess access;
    private final Oversight oversight;
    private final Staff staff;

    AuditController(AuditTrail trail, CitizenAccess access, Oversight oversight, Staff staff) {
        this.trail = trail;
        this.access = access;
        this.oversight = oversight;
        this.staff = staff;
    }

    @GetMapping(params = "citizenId")
    List<AuditRecord> forCitizen(@RequestParam UUID citizenId,
                                 @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        access.require(citizenId, CitizenData.ACCESS_LOG);
        return trail.forCitizen(citizenId, limit);
    }

    @GetMapping(params = "actor")
    List<AuditRecord> byActor(@RequestParam @NotBlank String actor,
                              @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        var overseen = oversight.overseen().stream().map(o -> o.id()).toList();
        if (staff.membershipsOf(actor).stream().noneMatch(m -> overseen.contains(m.organisationId()))) {
            throw ProblemException.notFound("no user '" + actor + "' in the organisations you oversee");
        }
        return trail.byActor(actor, limit);
    }
}
