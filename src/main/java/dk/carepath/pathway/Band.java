package dk.carepath.pathway;

/**
 * The four thresholds of a quantity, lowest first: a value at or below a low threshold, or at or
 * above a high one, takes that threshold's colour (docs/measurement-colours.md). A threshold's name
 * is the quantity's name and the band's suffix, {@code pulse} + {@code RedHigh}: the DMN tables'
 * inputs, the forms' fields and the API's keys.
 */
public enum Band {
    RED_LOW("RedLow", "rød nedre"),
    YELLOW_LOW("YellowLow", "gul nedre"),
    YELLOW_HIGH("YellowHigh", "gul øvre"),
    RED_HIGH("RedHigh", "rød øvre");

    private final String suffix;
    private final String danish;

    Band(String suffix, String danish) {
        this.suffix = suffix;
        this.danish = danish;
    }

    public String suffix() {
        return suffix;
    }

    /** "rød nedre", … */
    public String danish() {
        return danish;
    }

    public boolean red() {
        return this == RED_LOW || this == RED_HIGH;
    }
}
