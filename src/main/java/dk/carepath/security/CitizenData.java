package dk.carepath.security;

/** The kinds of citizen data a role may see of the citizens its organisation serves (need to know). */
public enum CitizenData {
    /** name and masked CPR number: who the citizen is */
    IDENTITY("navn og maskeret CPR-nummer"),
    /** phone, e-mail and address: how to reach the citizen */
    CONTACT("telefon, e-mail og adresse"),
    /** the full CPR number */
    CPR("fuldt CPR-nummer"),
    /** the citizen's phone calls to the municipality */
    CALLS("opkald til kommunen"),
    /** the citizen's tele-kit, its history and faults */
    KIT("telekit og fejl"),
    /** the pathway: phase, who is responsible, and the letters (correspondence) */
    PATHWAY("forløb, ansvar og breve"),
    /** the clinical record: referral facts, plan and thresholds, measurements, journal */
    CLINICAL("kliniske data: henvisning, måleplan, målinger, journal"),
    /** who read and changed the citizen's data (the access log), for the managers who review it */
    ACCESS_LOG("adgangsloggen");

    private final String danish;

    CitizenData(String danish) {
        this.danish = danish;
    }

    /** what it is, in Danish: shown in the authorisation review */
    public String danish() {
        return danish;
    }
}
