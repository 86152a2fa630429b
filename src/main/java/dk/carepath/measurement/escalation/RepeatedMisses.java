package dk.carepath.measurement.escalation;

/** Conclusion: the citizen has missed so often that discharge for non-adherence should be considered. */
public final class RepeatedMisses {

    private final String rule;

    public RepeatedMisses(String rule) {
        this.rule = rule;
    }

    public String getRule() {
        return rule;
    }
}
