package dk.carepath.equipment;

/** A tele-kit's life [004; 002 §6]. */
public enum KitStatus {
    PREPARED, REGISTERED, DELIVERED, IN_USE, FAULTY, SWAPPED, COLLECTED, REFURBISHED,
    /** not found when it was to be collected */
    MISSING
}
