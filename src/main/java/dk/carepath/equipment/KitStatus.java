package dk.carepath.equipment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A tele-kit's life [004 §2; 002 §6.1]: prepared (klargjort) → registered to a citizen → delivered
 * → in use → faulty → back in use, or swapped out for repair; collected at discharge; refurbished
 * and prepared again. {@link #next()} lists the legal steps; the registry refuses any other.
 */
public enum KitStatus {
    /** klargjort: tablet set up and devices paired, in stock */
    PREPARED("klargjort"),
    /** registreret: tied to a citizen, awaiting delivery */
    REGISTERED("registreret til borgeren"),
    /** leveret hos borgeren, not yet installed */
    DELIVERED("leveret"),
    /** i brug: installed, the citizen measures */
    IN_USE("i brug"),
    /** defekt: reported faulty, the citizen still has it (missing-measurement alarms are suppressed) */
    FAULTY("defekt"),
    /** byttet ud: taken from the citizen at a kit swap, for repair */
    SWAPPED("byttet ud til reparation"),
    /** hentet: taken down at the end of the pathway */
    COLLECTED("hentet"),
    /** istandsat: repaired or cleaned, to be prepared again */
    REFURBISHED("istandsat"),
    /** not found when it was to be collected */
    MISSING("bortkommet");

    private final String danish;

    KitStatus(String danish) {
        this.danish = danish;
    }

    /** what users read */
    public String danish() {
        return danish;
    }

    private static final Map<KitStatus, Set<KitStatus>> NEXT = Map.of(
            PREPARED, EnumSet.of(REGISTERED, DELIVERED, IN_USE),
            REGISTERED, EnumSet.of(PREPARED, DELIVERED, IN_USE),
            DELIVERED, EnumSet.of(IN_USE, FAULTY, COLLECTED),
            IN_USE, EnumSet.of(FAULTY, COLLECTED, MISSING),
            FAULTY, EnumSet.of(IN_USE, SWAPPED, COLLECTED, MISSING),
            SWAPPED, EnumSet.of(REFURBISHED),
            COLLECTED, EnumSet.of(REFURBISHED),
            REFURBISHED, EnumSet.of(PREPARED),
            MISSING, EnumSet.of(COLLECTED));

    /** The statuses a kit in this status may move to. */
    public Set<KitStatus> next() {
        return NEXT.get(this);
    }

    public boolean canBecome(KitStatus status) {
        return next().contains(status);
    }

    /** A kit in this status belongs to a citizen. */
    public boolean withCitizen() {
        return this == REGISTERED || this == DELIVERED || this == IN_USE || this == FAULTY;
    }
}
