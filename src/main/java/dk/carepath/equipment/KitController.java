package dk.carepath.equipment;

import dk.carepath.audit.AuditTrail;
import dk.carepath.security.CitizenAccess;
import dk.carepath.security.CitizenData;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kit registry: which citizen has which kit, each kit's life, and the service center's steps
 * (prepare, register, deliver, install, collect, refurbish). Faults and swaps: {@link FaultController}.
 * A kit's citizens are shown only to those who serve them; a kit in stock is nobody's data.
 */
@RestController
@RequestMapping("/api")
class KitController {

    static final String KIT_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{2,39}";

    private final KitRegistry kits;
    private final EquipmentFaults faults;
    private final AuditTrail audit;
    private final CitizenAccess access;

    KitController(KitRegistry kits, EquipmentFaults faults, AuditTrail audit, CitizenAccess access) {
        this.kits = kits;
        this.faults = faults;
        this.audit = audit;
        this.access = access;
    }

    record KitDetails(KitView kit, List<KitEventView> history) {
    }

    /** A kit and its life; the steps with citizens the user's organisation does not serve are left out. */
    @GetMapping("/kits/{kitNumber}")
    KitDetails get(@PathVariable String kitNumber) {
        KitView kit = kits.find(kitNumber)
                .filter(k -> k.citizenId() == null || access.may(k.citizenId(), CitizenData.KIT))
                .orElseThrow(() -> ProblemException.notFound("no kit " + kitNumber.trim().toUpperCase()));
        java.util.Map<UUID, Boolean> visible = new java.util.HashMap<>();
        List<KitEventView> history = kits.history(kitNumber).stream()
                .filter(e -> e.citizenId() == null || visible.computeIfAbsent(e.citizenId(), c -> access.may(c, CitizenData.KIT)))
                .toList();
        history.stream().map(KitEventView::citizenId).filter(java.util.Objects::nonNull).distinct()
                .forEach(citizen -> audit.read("kit", citizen, null, "kit " + kit.kitNumber()));
        return new KitDetails(kit, history);
    }

    record NewKit(@NotBlank @Pattern(regexp = KIT_NUMBER, message = "3-40 letters, digits and hyphens") String kitNumber,
                  @Size(max = 2000) String note) {
    }

    /** The service center registers a prepared kit (klargjort) in stock. */
    @PostMapping("/kits")
    ResponseEntity<KitView> prepare(@Valid @RequestBody NewKit request) {
        KitView kit = kits.prepare(request.kitNumber(), request.note());
        return ResponseEntity.created(URI.create("/api/kits/" + kit.kitNumber())).body(kit);
    }

    record KitStep(@NotNull KitStatus status, UUID citizenId, @Size(max = 2000) String note) {
    }

    /** A step in the kit's life; the steps a kit's status allows are listed in docs/equipment.md. */
    @PostMapping("/kits/{kitNumber}/status")
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
        if (request.citizenId() != null && !access.may(request.citizenId(), CitizenData.KIT)) {
            throw new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "citizenId", "no citizen with id "
                    + request.citizenId() + " among the citizens your service center serves");
        }
        kits.find(kitNumber).map(KitView::citizenId).filter(c -> !access.may(c, CitizenData.KIT)).ifPresent(other -> {
            throw ProblemException.notFound("no kit " + kitNumber.trim().toUpperCase());
        });
        return kits.move(kitNumber, request.status(), request.citizenId(), request.note());
    }

    record CitizenKit(KitView kit, FaultView openFault, List<KitEventView> history) {
    }

    /** What a nurse needs: the citizen's kit now, an open fault, and every kit the citizen has had. */
    @GetMapping("/citizens/{citizenId}/kit")
    CitizenKit ofCitizen(@PathVariable UUID citizenId) {
        access.require(citizenId, CitizenData.KIT);
        audit.read("kit", citizenId, null, "kit and kit history of citizen");
        return new CitizenKit(kits.kitOf(citizenId).orElse(null), faults.openFaultOf(citizenId).orElse(null),
                kits.historyOf(citizenId));
    }
}
