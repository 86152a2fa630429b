package dk.carepath.pathway;

/** Where a citizen is in the heart-failure pathway (DOMAIN.md §2), with the Danish name users see. */
public enum Phase {
    REFERRED("Henvist"),
    INCLUSION("Inklusion"),
    START("Opstart af måleplan og udstyr"),
    STARTUP_MONITORING("Opstartsmonitorering"),
    TITRATION("Titrering og løbende monitorering"),
    REASSESSMENT("Revurdering"),
    DISCHARGING("Afslutning"),
    DISCHARGED("Afsluttet"),
    REJECTED("Afvist");

    private final String danish;

    Phase(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    public boolean ended() {
        return this == DISCHARGED || this == REJECTED;
    }
}
