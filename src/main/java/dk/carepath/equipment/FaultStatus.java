package dk.carepath.equipment;

/** Where a kit fault is: open until solved, swapped, or found not to be a kit fault. */
enum FaultStatus {
    /** reported; the citizen's missing-measurement alarms are suppressed */
    OPEN,
    /** solved remotely or at a home visit; the kit is in use again */
    SOLVED,
    /** the kit was swapped for another */
    SWAPPED,
    /** not a kit fault (e.g. a question about the measurements): passed to the monitoring nurse */
    NOT_TECHNICAL;

    public boolean open() {
        return this == OPEN;
    }
}
