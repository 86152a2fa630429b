package dk.carepath.measurement;

/**
 * The colours of home monitoring. GREEN, YELLOW and RED come from the citizen's thresholds; CHECK
 * marks a plausible-but-odd value that needs a person (OpenTele's "orange"); MISSING marks expected
 * measurements that did not arrive (OpenTele's "blue"); steps and blood pressure without individual
 * thresholds are UNCOLOURED. The rank orders the nurses' triage: most urgent first.
 */
public enum Colour {
    RED(1), YELLOW(2), CHECK(3), MISSING(4), GREEN(5), UNCOLOURED(6);

    private final int rank;

    Colour(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Whether the escalation rules must look at a measurement of this colour; green never reaches the engine. */
    public boolean escalates() {
        return this == RED || this == YELLOW || this == CHECK;
    }
}
