package dk.carepath.pathway;

/** How a citizen came to be referred [002 §3.3, §5.2, §5.3; 001]. */
public enum ReferralSource {
    /** the heart-failure clinic refers its own patient */
    HF_CLINIC("Hjertesvigtsklinikken"),
    /** the GP re-refers to the clinic, e.g. on deterioration */
    GP_REREFERRAL("Genhenvisning fra egen læge"),
    /** the municipality identified the citizen among those it serves */
    MUNICIPALITY_IDENTIFICATION("Identificeret af kommunen"),
    /** a hospital sent correspondence straight to the municipality, which started the pathway */
    HOSPITAL_TO_MUNICIPALITY("Korrespondance fra hospital til kommune");

    private final String danish;

    ReferralSource(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
