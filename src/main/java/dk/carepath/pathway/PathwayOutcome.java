package dk.carepath.pathway;

/** How a pathway ended: each has its own end event in the model. */
public enum PathwayOutcome {
    REJECTED("Henvisning afvist"),
    DISCHARGED_TO_GP("Afsluttet til opfølgning hos egen læge"),
    DISCHARGED_NON_ADHERENCE("Afsluttet pga. manglende målinger");

    private final String danish;

    PathwayOutcome(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
