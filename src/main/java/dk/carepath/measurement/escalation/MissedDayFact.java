package dk.carepath.measurement.escalation;

/** A day, {@code daysBefore} days back, on which an earlier deadline was missed. */
public final class MissedDayFact {

    private final int daysBefore;

    public MissedDayFact(int daysBefore) {
        this.daysBefore = daysBefore;
    }

    public int getDaysBefore() {
        return daysBefore;
    }
}
