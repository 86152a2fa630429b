package dk.carepath.measurement.escalation;

/** Conclusion: tell the citizen what to do (advice RED, YELLOW or CHECK). */
public final class TellCitizen {

    private final String advice;
    private final String rule;

    public TellCitizen(String advice, String rule) {
        this.advice = advice;
        this.rule = rule;
    }

    public String getAdvice() {
        return advice;
    }

    public String getRule() {
        return rule;
    }
}
