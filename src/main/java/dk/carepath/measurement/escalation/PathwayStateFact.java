package dk.carepath.measurement.escalation;

/** What the missing-measurement rules must know of the pathway and the citizen's kit. */
public final class PathwayStateFact {

    private final boolean paused;
    private final boolean knownKitFault;

    public PathwayStateFact(boolean paused, boolean knownKitFault) {
        this.paused = paused;
        this.knownKitFault = knownKitFault;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isKnownKitFault() {
        return knownKitFault;
    }
}
