package dk.carepath.equipment;

import dk.carepath.audit.AuditTrail;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Kit fault reports: the service center (the citizen called support) or a nurse files one; it starts equipment-fault. */
@RestController
@RequestMapping("/api/faults")
class FaultController {

    private final EquipmentFaults faults;
    private final AuditTrail audit;
    private final CitizenAccess access;

    FaultController(EquipmentFaults faults, AuditTrail audit, CitizenAccess access) {
        this.faults = faults;
        this.audit = audit;
        this.access = access;
    }

    record FaultReport(@NotNull UUID citizenId, @NotBlank @Size(max = 2000) String description) {
    }

    @PostMapping
    ResponseEntity<FaultView> report(@Valid @RequestBody FaultReport request) {
        if (!access.may(request.citizenId(), CitizenData.KIT)) {
            throw new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "citizenId", "no citizen with id "
                    + request.citizenId() + " among the citizens your organisation serves");
        }
        FaultView fault = faults.report(request.citizenId(), request.description().trim(), "API");
        return ResponseEntity.created(URI.create("/api/faults/" + fault.id())).body(fault);
    }

    @GetMapping("/{id}")
    FaultView get(@PathVariable UUID id) {
        FaultView fault = faults.find(id).filter(f -> access.may(f.citizenId(), CitizenData.KIT))
                .orElseThrow(() -> ProblemException.notFound("no fault with id " + id));
        audit.read("kit-fault", fault.citizenId(), fault.pathwayId(), null);
        return fault;
    }
}
