package dk.carepath.equipment;

import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.Citizens;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
    private final Citizens citizens;
    private final AuditTrail audit;

    FaultController(EquipmentFaults faults, Citizens citizens, AuditTrail audit) {
        this.faults = faults;
        this.citizens = citizens;
        this.audit = audit;
    }

    record FaultReport(@NotNull UUID citizenId, @NotBlank @Size(max = 2000) String description) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('service-center', 'hf-nurse', 'municipal-nurse')")
    ResponseEntity<FaultView> report(@Valid @RequestBody FaultReport request) {
        if (citizens.find(request.citizenId()).isEmpty()) {
            throw ProblemException.unprocessable("citizenId", "no citizen with id " + request.citizenId());
        }
        FaultView fault = faults.report(request.citizenId(), request.description().trim(), "API");
        return ResponseEntity.created(URI.create("/api/faults/" + fault.id())).body(fault);
    }

    @GetMapping("/{id}")
    @PreAuthorize(KitController.READERS)
    FaultView get(@PathVariable UUID id) {
        FaultView fault = faults.find(id).orElseThrow(() -> ProblemException.notFound("no fault with id " + id));
        audit.read("kit-fault", fault.citizenId(), fault.pathwayId(), null);
        return fault;
    }
}
