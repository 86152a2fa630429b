package dk.carepath.measurement.escalation;

/** A measurement type's deadline that has passed, and whether a measurement arrived in its window. */
public final class DeadlineFact {

    private final String type;
    private final boolean received;

    public DeadlineFact(String type, boolean received) {
        this.type = type;
        this.received = received;
    }

    public String getType() {
        return type;
    }

    public boolean isReceived() {
        return received;
    }
}
