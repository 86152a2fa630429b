package dk.carepath.equipment;

import dk.carepath.audit.AuditTrail;
import dk.carepath.citizen.Citizens;
import dk.carepath.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kit registry: which citizen has which kit, each kit's life, and the service center's steps
 * (prepare, register, deliver, install, collect, refurbish). Faults and swaps: {@link FaultController}.
 */
@RestController
@RequestMapping("/api")
class KitController {

    static final String KIT_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{2,39}";
    static final String READERS = "hasAnyRole('hf-nurse', 'cardiologist', 'municipal-nurse', 'service-center')";

    private final KitRegistry kits;
    private final EquipmentFaults faults;
    private final Citizens citizens;
    private final AuditTrail audit;

    KitController(KitRegistry kits, EquipmentFaults faults, Citizens citizens, AuditTrail audit) {
        this.kits = kits;
        this.faults = faults;
        this.citizens = citizens;
        this.audit = audit;
    }

    record KitDetails(KitView kit, List<KitEventView> history) {
    }

    @GetMapping("/kits/{kitNumber}")
    @PreAuthorize(READERS)
    KitDetails get(@PathVariable String kitNumber) {
        KitView kit = kits.find(kitNumber).orElseThrow(() -> ProblemException.notFound("no kit " + kitNumber.trim().toUpperCase()));
        List<KitEventView> history = kits.history(kitNumber);
        history.stream().map(KitEventView::citizenId).filter(java.util.Objects::nonNull).distinct()
                .forEach(citizen -> audit.read("kit", citizen, null, "kit " + kit.kitNumber()));
        return new KitDetails(kit, history);
    }

    record NewKit(@NotBlank @Pattern(regexp = KIT_NUMBER, message = "3-40 letters, digits and hyphens") String kitNumber,
                  @Size(max = 2000) String note) {
    }

    /** The service center registers a prepared kit (klargjort) in stock. */
    @PostMapping("/kits")
    @PreAuthorize("hasRole('service-center')")
    ResponseEntity<KitView> prepare(@Valid @RequestBody NewKit request) {
        KitView kit = kits.prepare(request.kitNumber(), request.note());
        return ResponseEntity.created(URI.create("/api/kits/" + kit.kitNumber())).body(kit);
    }

    record KitStep(@NotNull KitStatus status, UUID citizenId, @Size(max = 2000) String note) {
    }

    /** A step in the kit's life; the steps a kit's status allows are listed in docs/equipment.md. */
    @PostMapping("/kits/{kitNumber}/status")
    @PreAuthorize("hasRole('service-center')")
    KitView move(@PathVariable String kitNumber, @Valid @RequestBody KitStep request) {
        if (!KitRegistry.MANUAL_STEPS.contains(request.status())) {
            throw new KitUnavailableException("Status " + request.status() + " sættes af fejlforløbet (POST /api/faults), ikke i hånden");
        }
        if (request.status().withCitizen() && request.citizenId() == null) {
            throw ProblemException.invalidField("citizenId", "required for status " + request.status());
        }
        if (!request.status().withCitizen() && request.citizenId() != null) {
            throw ProblemException.invalidField("citizenId", "a kit in status " + request.status() + " has no citizen");
        }
        if (request.citizenId() != null && citizens.find(request.citizenId()).isEmpty()) {
            throw ProblemException.unprocessable("citizenId", "no citizen with id " + request.citizenId());
        }
        return kits.move(kitNumber, request.status(), request.citizenId(), request.note());
    }

    record CitizenKit(KitView kit, FaultView openFault, List<KitEventView> history) {
    }

    /** What a nurse needs: the citizen's kit now, an open fault, and every kit the citizen has had. */
    @GetMapping("/citizens/{citizenId}/kit")
    @PreAuthorize(READERS)
    CitizenKit ofCitizen(@PathVariable UUID citizenId) {
        citizens.require(citizenId);
        audit.read("kit", citizenId, null, "kit and kit history of citizen");
        return new CitizenKit(kits.kitOf(citizenId).orElse(null), faults.openFaultOf(citizenId).orElse(null),
                kits.historyOf(citizenId));
    }
}
