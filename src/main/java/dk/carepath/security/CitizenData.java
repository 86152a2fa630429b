package dk.carepath.security;

/** The kinds of citizen data a role may see of the citizens its organisation serves (need to know). */
public enum CitizenData {
    /** name and masked CPR number: who the citizen is */
    IDENTITY,
    /** phone, e-mail and address: how to reach the citizen */
    CONTACT,
    /** the full CPR number */
    CPR,
    /** the citizen's phone calls to the municipality */
    CALLS,
    /** the citizen's tele-kit, its history and faults */
    KIT,
    /** the pathway: phase, who is responsible, and the letters (correspondence) */
    PATHWAY,
    /** the clinical record: referral facts, plan and thresholds, measurements, journal */
    CLINICAL,
    /** who read and changed the citizen's data (the access log), for the managers who review it */
    ACCESS_LOG
}
