package dk.carepath.measurement;

/**
 * The colours of home monitoring. GREEN, YELLOW and RED come from the citizen's thresholds; CHECK
 * marks a plausible-but-odd value that needs a person (OpenTele's "orange"); MISSING marks expected
 * measurements that did not arrive (OpenTele's "blue"); steps and blood pressure without individual
 * thresholds are UNCOLOURED. The rank orders the nurses' triage: most urgent first.
 */
public enum Colour {
    RED(1, "Rød"), YELLOW(2, "Gul"), CHECK(3, "Kontrollér"), MISSING(4, "Mangler"), GREEN(5, "Grøn"), UNCOLOURED(6, "Ikke farvet");

    private final int rank;
    private final String danish;

    Colour(int rank, String danish) {
        this.rank = rank;
        this.danish = danish;
    }

    /** The word nurses read on the triage and citizen pages: Rød, Gul, Kontrollér, Mangler, Grøn. */
    public String danish() {
        return danish;
    }

    public int rank() {
        return rank;
    }

    /** Whether the escalation rules must look at a measurement of this colour; green never reaches the engine. */
    public boolean escalates() {
        return this == RED || this == YELLOW || this == CHECK;
    }
}
