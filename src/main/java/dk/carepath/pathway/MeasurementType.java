package dk.carepath.pathway;

/** What a monitoring plan can ask the citizen to measure or answer [002 §4.2.1]. */
public enum MeasurementType {
    WEIGHT("Vægt"),
    PULSE("Puls"),
    BLOOD_PRESSURE("Blodtryk"),
    STEPS("Skridt"),
    PRO_QUESTIONNAIRE("Spørgeskema (PRO) inkl. NYHA");

    private final String danish;

    MeasurementType(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
