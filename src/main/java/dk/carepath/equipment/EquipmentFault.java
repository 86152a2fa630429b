package dk.carepath.equipment;

import dk.carepath.engine.ProcessVariable;
import java.util.Date;

/**
 * The backing class of {@code processes/equipment-fault.bpmn}: a tele-kit fault from report to
 * resolution or swap [000; 004; 002 §6.1]. Started by message {@code Fault_Reported} (see
 * {@link EquipmentFaults#report}); business key = the fault's id.
 */
public final class EquipmentFault {

    public static final String KEY = "equipment-fault";

    private EquipmentFault() {
    }

    public static final class Messages {
        public static final String FAULT_REPORTED = "Fault_Reported";

        private Messages() {
        }
    }

    /** Element ids of the model. */
    public enum Element {
        Event_FaultReported,
        Task_ContactCitizenAboutFault,
        Event_ServiceLevelBreached,
        Task_EscalateServiceLevelBreach,
        Event_ServiceLevelBreachEscalated,
        Gateway_FaultAssessment,
        Task_VisitCitizenAtHome,
        Gateway_HomeVisitResult,
        Gateway_FaultSolved,
        Task_CloseFaultAsSolved,
        Event_FaultSolved,
        Gateway_SwapNeeded,
        Task_SwapKit,
        Task_CheckMeasurementsAfterSwap,
        Event_KitSwapped,
        Task_CloseFaultAsNotTechnical,
        Task_FollowUpNonTechnicalQuestion,
        Event_QuestionPassedToMonitoringNurse;

        public String id() {
            return name();
        }
    }

    /** Process variables. */
    public static final class Vars {
        public static final ProcessVariable<String> FAULT_ID = ProcessVariable.of("faultId", String.class);
        public static final ProcessVariable<String> CITIZEN_ID = ProcessVariable.of("citizenId", String.class);
        /** the citizen's name and masked CPR, shown on every task */
        public static final ProcessVariable<String> CITIZEN_LABEL = ProcessVariable.of("citizenLabel", String.class);
        /** the citizen's running pathway, if any: the pathway journals the tasks of the fault */
        public static final ProcessVariable<String> PATHWAY_ID = ProcessVariable.of("pathwayId", String.class);
        /** the region whose settings (hours, service center, advice) the instance follows: its region pack's id */
        public static final ProcessVariable<String> REGION = ProcessVariable.of("region", String.class);
        /** the faulty kit; after a swap the old one */
        public static final ProcessVariable<String> KIT_NUMBER = ProcessVariable.of("kitNumber", String.class);
        public static final ProcessVariable<String> FAULT_DESCRIPTION = ProcessVariable.of("faultDescription", String.class);
        /** when support must have contacted the citizen (the service level, in support hours) */
        public static final ProcessVariable<Date> SERVICE_LEVEL_DUE = ProcessVariable.of("serviceLevelDue", Date.class);
        /** SOLVED_REMOTELY, HOME_VISIT, SWAP_KIT or NOT_TECHNICAL */
        public static final ProcessVariable<String> FAULT_ASSESSMENT = ProcessVariable.of("faultAssessment", String.class);
        /** SOLVED or SWAP_KIT */
        public static final ProcessVariable<String> HOME_VISIT_RESULT = ProcessVariable.of("homeVisitResult", String.class);
        public static final ProcessVariable<String> NEW_KIT_NUMBER = ProcessVariable.of("newKitNumber", String.class);
        public static final ProcessVariable<String> CONTACT_NOTE = ProcessVariable.of("contactNote", String.class);

        private Vars() {
        }
    }
}
