package dk.carepath.pathway;

/**
 * What a line of the pathway's journal is about. Stored by name ({@code pathway_journal.kind}), so a
 * kind is renamed only with a migration; the Danish label is what people see.
 */
public enum JournalKind {
    REFERRAL("Henvisning"),
    ELIGIBILITY("Inklusionsregler"),
    PHASE("Fase"),
    PLAN("Måleplan"),
    THRESHOLDS("Grænseværdier"),
    MASS_UPDATE("Masseopdatering af måleplaner"),
    TASK("Opgave udført"),
    TASK_CLOSED("Opgave lukket"),
    ALARM("Alarm"),
    MEASUREMENT_CORRECTED("Måling rettet af afsender"),
    MEASUREMENT_RETRACTED("Måling trukket tilbage af afsender"),
    CITIZEN_ADVICE("Besked til borgeren"),
    CALL("Opkald"),
    MEDICATION("Medicin"),
    PAUSE("Pause"),
    RESUMED("Genoptaget"),
    READMISSION("Indlæggelse"),
    ESCALATION("Eskalering"),
    REASSESSMENT("Revurdering"),
    HANDOVER("Overdragelse"),
    CONTACT_PERSON("Kontaktperson"),
    CORRESPONDENCE("Korrespondance"),
    ENDED("Forløb afsluttet");

    private final String danish;

    JournalKind(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
