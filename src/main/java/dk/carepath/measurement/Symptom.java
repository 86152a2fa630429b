package dk.carepath.measurement;

/**
 * The symptom answers of the PRO questionnaire [002 §4.2.1: weight gain, function, fatigue,
 * breathlessness]. Chest pain, fainting and breathlessness at rest colour red, the rest yellow
 * (rules/measurement-colour.dmn, table pro-colour).
 */
public enum Symptom {
    MORE_BREATHLESS("Mere forpustet end normalt"),
    BREATHLESS_AT_REST("Åndenød i hvile"),
    SWOLLEN_LEGS("Hævede ben eller ankler"),
    MORE_TIRED("Mere træt end normalt"),
    WEIGHT_GAIN("Tager på i vægt"),
    DIZZINESS("Svimmelhed"),
    CHEST_PAIN("Brystsmerter"),
    FAINTING("Besvimelse");

    private final String danish;

    Symptom(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
