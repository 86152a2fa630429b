package dk.carepath.measurement.escalation;

/**
 * A measurement as the escalation rules see it. {@code sequence} 0 is the measurement being
 * escalated, 1 the one of the same type before it, and so on; {@code hoursBefore} counts back from
 * the measurement being escalated.
 */
public final class MeasurementFact {

    private final long id;
    private final String type;
    private final String colour;
    private final int sequence;
    private final double hoursBefore;

    public MeasurementFact(long id, String type, String colour, int sequence, double hoursBefore) {
        this.id = id;
        this.type = type;
        this.colour = colour;
        this.sequence = sequence;
        this.hoursBefore = hoursBefore;
    }

    public long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getColour() {
        return colour;
    }

    public int getSequence() {
        return sequence;
    }

    public double getHoursBefore() {
        return hoursBefore;
    }
}
