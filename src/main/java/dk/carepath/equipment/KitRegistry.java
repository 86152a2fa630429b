package dk.carepath.equipment;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import dk.carepath.web.ProblemException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kit registry: every kit's life ({@link KitStatus}) and which citizen has which kit [001:
 * "record kit numbers so it is known which kit is whose"]. Every step is kept as a
 * {@link KitEventView} with who took it; a step the kit's life does not allow is refused.
 */
@Service
@Transactional
public class KitRegistry {

    /** the steps the service center takes by hand; faults and swaps belong to the equipment-fault process */
    static final Set<KitStatus> MANUAL_STEPS = EnumSet.of(KitStatus.PREPARED, KitStatus.REGISTERED, KitStatus.DELIVERED,
            KitStatus.IN_USE, KitStatus.COLLECTED, KitStatus.REFURBISHED, KitStatus.MISSING);

    private final KitRepository kits;
    private final KitEventRepository events;
    private final KitFaultRepository faults;
    private final AuditTrail audit;

    private final java.time.Clock clock;

    KitRegistry(KitRepository kits, KitEventRepository events, KitFaultRepository faults, AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.kits = kits;
        this.events = events;
        this.faults = faults;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<KitView> kitOf(UUID citizenId) {
        return kits.findByCitizenId(citizenId).map(Kit::view);
    }

    @Transactional(readOnly = true)
    public Optional<KitView> find(String kitNumber) {
        return kits.findByKitNumber(normalise(kitNumber)).map(Kit::view);
    }

    /**
     * True while the citizen's kit is reported faulty and the fault is neither solved nor the kit
     * swapped. The contract with the missing-measurement check: no {@code Measurements_Missing} for
     * a citizen with a known fault (see docs/equipment.md).
     */
    @Transactional(readOnly = true)
    public boolean hasKnownFault(UUID citizenId) {
        return faults.existsByCitizenIdAndStatus(citizenId, FaultStatus.OPEN);
    }

    /** The kit's life, oldest first. */
    @Transactional(readOnly = true)
    public List<KitEventView> history(String kitNumber) {
        Kit kit = kits.findByKitNumber(normalise(kitNumber)).orElseThrow(() -> unknown(kitNumber));
        return events.findByKitIdOrderByOccurredAtAscIdAsc(kit.id()).stream().map(e -> e.view(kit.kitNumber())).toList();
    }

    /** Every kit step that concerned the citizen, oldest first: which kits the citizen has had. */
    @Transactional(readOnly = true)
    public List<KitEventView> historyOf(UUID citizenId) {
        List<KitEvent> steps = events.findByCitizenIdOrderByOccurredAtAscIdAsc(citizenId);
        Map<UUID, String> numbers = kits.findAllById(steps.stream().map(KitEvent::kitId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Kit::id, Kit::kitNumber, (a, b) -> a));
        return steps.stream().map(e -> e.view(numbers.get(e.kitId()))).toList();
    }

    /**
     * Registers a new kit as prepared (klargjort) and in stock.
     *
     * @throws KitUnavailableException if the kit number is known
     */
    public KitView prepare(String kitNumber, String note) {
        String number = normalise(kitNumber);
        if (kits.findByKitNumber(number).isPresent()) {
            throw new KitUnavailableException("Kit " + number + " er allerede registreret");
        }
        Kit kit = kits.save(new Kit(number, now()));
        record(kit, null, note);
        return kit.view();
    }

    /**
     * A step the service center takes by hand: register to a citizen, deliver, install, collect,
     * refurbish, prepare again, or report missing. Faults and swaps go through the fault process.
     *
     * @param citizenId the citizen, for a status with a citizen (registered, delivered, in use)
     * @throws KitUnavailableException when the step is not allowed
     */
    public KitView move(String kitNumber, KitStatus next, UUID citizenId, String note) {
        Kit kit = kits.findByKitNumber(normalise(kitNumber)).orElseThrow(() -> unknown(kitNumber));
        if (!MANUAL_STEPS.contains(next) || kit.status() == KitStatus.FAULTY) {
            throw new KitUnavailableException("Fejl og ombytning af kit " + kit.kitNumber() + " håndteres i fejlforløbet (POST /api/faults)");
        }
        UUID citizen = next.withCitizen() ? citizenId : null;
        if (next.withCitizen()) {
            if (citizenId == null) {
                throw new KitUnavailableException("Status " + next + " kræver en borger");
            }
            if (kit.citizenId() != null && !kit.citizenId().equals(citizenId)) {
                throw new KitUnavailableException("Kit " + kit.kitNumber() + " er registreret hos en anden borger");
            }
            requireNoOtherKit(citizenId, kit);
        }
        UUID before = kit.citizenId();
        kit.moveTo(next, citizen, now());
        record(kit, citizen != null ? citizen : before, note);
        return kit.view();
    }

    /**
     * Hands a kit to a citizen (delivered and installed). A kit number not seen before is
     * registered on the spot.
     *
     * @throws KitUnavailableException if the kit is with another citizen or not ready to hand out, or the citizen has another kit
     */
    public KitView handOut(String kitNumber, UUID citizenId, String note) {
        String number = normalise(kitNumber);
        Kit kit = kits.findByKitNumber(number).orElseGet(() -> kits.save(new Kit(number, now())));
        if (citizenId.equals(kit.citizenId()) && (kit.status() == KitStatus.IN_USE || kit.status() == KitStatus.FAULTY)) {
            return kit.view();
        }
        if (kit.citizenId() != null && !citizenId.equals(kit.citizenId())) {
            throw new KitUnavailableException("Kit " + number + " er allerede registreret hos en anden borger");
        }
        requireNoOtherKit(citizenId, kit);
        if (!kit.status().canBecome(KitStatus.IN_USE)) {
            throw new KitUnavailableException("Kit " + number + " kan ikke udleveres (status " + kit.status() + ")");
        }
        kit.moveTo(KitStatus.IN_USE, citizenId, now());
        record(kit, citizenId, note);
        return kit.view();
    }

    /** Takes the citizen's kit back: collected, or missing when it could not be found. */
    public Optional<KitView> takeBack(UUID citizenId, boolean found, String note) {
        return kits.findByCitizenId(citizenId).map(kit -> {
            kit.moveTo(found ? KitStatus.COLLECTED : KitStatus.MISSING, null, now());
            record(kit, citizenId, note);
            return kit.view();
        });
    }

    /** The citizen's kit is reported faulty. */
    KitView markFaulty(UUID citizenId, String note) {
        Kit kit = kits.findByCitizenId(citizenId)
                .orElseThrow(() -> new KitUnavailableException("Borgeren har intet telekit registreret"));
        kit.moveTo(KitStatus.FAULTY, citizenId, now());
        record(kit, citizenId, note);
        return kit.view();
    }

    /** The fault is solved (or was no kit fault): the citizen's kit is in use again. */
    void faultCleared(UUID citizenId, String note) {
        kits.findByCitizenId(citizenId).filter(kit -> kit.status() == KitStatus.FAULTY).ifPresent(kit -> {
            kit.moveTo(KitStatus.IN_USE, citizenId, now());
            record(kit, citizenId, note);
        });
    }

    /** A kit swap: the old kit and the new one. */
    record Swap(KitView oldKit, KitView newKit) {
    }

    /**
     * Swaps the citizen's faulty kit for another: the new kit number is recorded on the citizen
     * (in use), the old kit is marked swapped out, for repair.
     *
     * @throws KitUnavailableException if the citizen's kit is not faulty or the new kit cannot be handed out
     */
    Swap swap(UUID citizenId, String newKitNumber, String note) {
        Kit old = kits.findByCitizenId(citizenId)
                .orElseThrow(() -> new KitUnavailableException("Borgeren har intet telekit registreret"));
        String number = normalise(newKitNumber);
        if (number.equals(old.kitNumber())) {
            throw new KitUnavailableException("Det nye kit skal være et andet end det defekte kit " + number);
        }
        Kit fresh = kits.findByKitNumber(number).orElseGet(() -> kits.save(new Kit(number, now())));
        if (fresh.citizenId() != null) {
            throw new KitUnavailableException("Kit " + number + " er allerede registreret hos en anden borger");
        }
        if (!fresh.status().canBecome(KitStatus.IN_USE)) {
            throw new KitUnavailableException("Kit " + number + " kan ikke udleveres (status " + fresh.status() + ")");
        }
        old.moveTo(KitStatus.SWAPPED, null, now());
        kits.saveAndFlush(old); // frees the citizen for the new kit before it is taken
        record(old, citizenId, "Byttet ud til reparation" + (note == null ? "" : ": " + note));
        fresh.moveTo(KitStatus.IN_USE, citizenId, now());
        record(fresh, citizenId, "Udleveret ved ombytning af kit " + old.kitNumber());
        return new Swap(old.view(), fresh.view());
    }

    private void requireNoOtherKit(UUID citizenId, Kit kit) {
        kits.findByCitizenId(citizenId).filter(other -> !other.id().equals(kit.id())).ifPresent(other -> {
            throw new KitUnavailableException("Borgeren har allerede kit " + other.kitNumber());
        });
    }

    private void record(Kit kit, UUID citizenId, String note) {
        events.save(new KitEvent(kit.id(), now(), kit.status(), citizenId, audit.currentActor(), note));
        if (citizenId != null) {
            audit.changed(AuditAction.UPDATE, "kit", citizenId, null, "kit " + kit.kitNumber() + " " + kit.status());
        }
    }

    private static ProblemException unknown(String kitNumber) {
        return ProblemException.notFound("Kit " + normalise(kitNumber) + " er ikke registreret");
    }

    static String normalise(String kitNumber) {
        return kitNumber.trim().toUpperCase();
    }

    Instant now() {
        return clock.instant();
    }
}
