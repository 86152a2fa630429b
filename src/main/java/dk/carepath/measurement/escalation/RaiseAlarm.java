package dk.carepath.measurement.escalation;

/**
 * Conclusion: raise an alarm of this kind into the pathway (MEASUREMENT_RED,
 * MEASUREMENT_YELLOW_PERSISTENT, MEASUREMENTS_MISSING), for a measurement type.
 */
public final class RaiseAlarm {

    private final String kind;
    private final String type;
    private final String rule;

    public RaiseAlarm(String kind, String type, String rule) {
        this.kind = kind;
        this.type = type;
        this.rule = rule;
    }

    public String getKind() {
        return kind;
    }

    public String getType() {
        return type;
    }

    public String getRule() {
        return rule;
    }
}
