package dk.carepath.pathway;

/** Who holds treatment or monitoring responsibility for a citizen [002 §5]. */
public enum Party {
    CLINIC("Hjertesvigtsklinikken"),
    MUNICIPALITY("Kommunen"),
    GP("Egen læge"),
    NONE("Ingen");

    private final String danish;

    Party(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}
