package dk.carepath.pathway;

/** How often one measurement type is expected. */
public enum Frequency {
    DAILY("Dagligt", 1),
    EVERY_OTHER_DAY("Hver anden dag", 2),
    TWICE_WEEKLY("To gange om ugen", 4),
    WEEKLY("Ugentligt", 7);

    /** what the plan form's frequency selects answer for a type that is not measured */
    public static final String NOT_MEASURED = "NONE";

    private final String danish;
    private final int maxDaysBetween;

    Frequency(String danish, int maxDaysBetween) {
        this.danish = danish;
        this.maxDaysBetween = maxDaysBetween;
    }

    public String danish() {
        return danish;
    }

    /** The longest gap between two expected measurements, in days. */
    public int maxDaysBetween() {
        return maxDaysBetween;
    }
}
