package dk.carepath.measurement.escalation;

/** Conclusion: no missing-measurement alarm for this type, for a reason (PAUSED, KIT_FAULT). */
public final class Suppression {

    private final String type;
    private final String reason;
    private final String rule;

    public Suppression(String type, String reason, String rule) {
        this.type = type;
        this.reason = reason;
        this.rule = rule;
    }

    public String getType() {
        return type;
    }

    public String getReason() {
        return reason;
    }

    public String getRule() {
        return rule;
    }
}
