package dk.carepath.equipment;

import dk.carepath.audit.AuditAction;
import dk.carepath.audit.AuditTrail;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which citizen has which kit [001: "record kit numbers so it is known which kit is whose"]. */
@Service
@Transactional
public class KitRegistry {

    private final KitRepository kits;
    private final KitEventRepository events;
    private final AuditTrail audit;

    KitRegistry(KitRepository kits, KitEventRepository events, AuditTrail audit) {
        this.kits = kits;
        this.events = events;
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
     * Hands a kit to a citizen. A kit number not seen before is registered on the spot.
     *
     * @throws KitUnavailableException if the kit is with another citizen or faulty, or the citizen has another kit
     */
    public KitView handOut(String kitNumber, UUID citizenId, String note) {
        String number = normalise(kitNumber);
        Instant now = now();
        Kit kit = kits.findByKitNumber(number).orElseGet(() -> kits.save(new Kit(number, now)));
        if (citizenId.equals(kit.citizenId())) {
            return kit.view();
        }
        if (kit.citizenId() != null) {
            throw new KitUnavailableException("Kit " + number + " er allerede registreret hos en anden borger");
        }
        if (kit.status() == KitStatus.FAULTY || kit.status() == KitStatus.MISSING || kit.status() == KitStatus.SWAPPED) {
            throw new KitUnavailableException("Kit " + number + " kan ikke udleveres (status " + kit.status() + ")");
        }
        kits.findByCitizenId(citizenId).ifPresent(other -> {
            throw new KitUnavailableException("Borgeren har allerede kit " + other.kitNumber());
        });
        kit.handOut(citizenId, now);
        events.save(new KitEvent(kit.id(), now, KitStatus.IN_USE, citizenId, audit.currentActor(), note));
        audit.changed(AuditAction.UPDATE, "kit", citizenId, null, "kit " + number + " handed out");
        return kit.view();
    }

    /** Takes the citizen's kit back: collected, or missing when it could not be found. */
    public Optional<KitView> takeBack(UUID citizenId, boolean found, String note) {
        Instant now = now();
        return kits.findByCitizenId(citizenId).map(kit -> {
            KitStatus status = found ? KitStatus.COLLECTED : KitStatus.MISSING;
            kit.takeBack(status, now);
            events.save(new KitEvent(kit.id(), now, status, citizenId, audit.currentActor(), note));
            audit.changed(AuditAction.UPDATE, "kit", citizenId, null, "kit " + kit.kitNumber() + " " + status);
            return kit.view();
        });
    }

    static String normalise(String kitNumber) {
        return kitNumber.trim().toUpperCase();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
