package dk.carepath.measurement.escalation;

/** An alarm raised into the pathway before, {@code hoursBefore} hours ago. */
public final class AlarmFact {

    private final String kind;
    private final String type;
    private final double hoursBefore;

    public AlarmFact(String kind, String type, double hoursBefore) {
        this.kind = kind;
        this.type = type;
        this.hoursBefore = hoursBefore;
    }

    public String getKind() {
        return kind;
    }

    public String getType() {
        return type;
    }

    public double getHoursBefore() {
        return hoursBefore;
    }
}
