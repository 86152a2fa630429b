package dk.carepath.callrouting;

import dk.carepath.engine.ProcessVariable;
import java.util.Date;

/**
 * The backing class of {@code processes/citizen-call.bpmn}: one inbound phone contact from a
 * citizen to the municipality [000], routed by who answered and the municipality's phone hours,
 * handled by its reason, and classified for contact registration [003]. Started by message
 * {@code Call_Received} (see {@link CitizenCalls#register}); business key = the call's id.
 */
public final class CitizenCall {

    public static final String KEY = "citizen-call";

    private CitizenCall() {
    }

    public static final class Messages {
        public static final String CALL_RECEIVED = "Call_Received";

        private Messages() {
        }
    }

    /** Who took the phone [000]. */
    public enum AnsweredBy {
        /** sundhedsfaglig medarbejder: handles the call at once */
        HEALTH_PROFESSIONAL,
        /** ikke-sundhedsfaglig medarbejder: registers the message for a call-back by a nurse */
        FRONT_DESK
    }

    /** Why the citizen calls [000]; decides the path. */
    public enum CallReason {
        /** sundhedsfagligt: questions, advice, deterioration, start of treatment */
        CLINICAL,
        /** teknisk: the tablet or the measuring devices do not work */
        TECHNICAL,
        /** afvigelse: the agreed measurement times cannot be kept (another time, holiday) */
        DEVIATION
    }

    /** The contact's purpose, as the contact-registration rules know it [003]. */
    public enum ContactPurpose {
        CLINICAL_ADVICE, BOOKING, PRESCRIPTION_RENEWAL, SICK_NOTE_EXTENSION, TECHNICAL_SUPPORT, MEASUREMENT_DEVIATION;

        static ContactPurpose of(CallReason reason) {
            return switch (reason) {
                case CLINICAL -> CLINICAL_ADVICE;
                case TECHNICAL -> TECHNICAL_SUPPORT;
                case DEVIATION -> MEASUREMENT_DEVIATION;
            };
        }
    }

    /** How the contact came about, as the contact-registration rules know it [003]. */
    public enum ContactKind {
        /** the citizen called and a health professional answered */
        INCOMING_ANSWERED,
        /** a health professional called the citizen back from a queue (here: a front-desk message) */
        CALL_BACK_FROM_QUEUE,
        /** ... and the citizen did not answer */
        CALL_BACK_UNANSWERED,
        /** a booked phone contact, the citizen answered */
        BOOKED_ANSWERED,
        /** a booked phone contact, the citizen did not answer */
        BOOKED_UNANSWERED
    }

    /** Element ids of the model. */
    public enum Element {
        Event_CallReceived,
        Gateway_AnsweredBy,
        Task_RegisterMessage,
        Gateway_PhoneHours,
        Event_PhoneHoursOpen,
        Gateway_CallBackReady,
        Task_CallCitizenBack,
        Gateway_CitizenReached,
        Event_CitizenNotReached,
        Gateway_CallerOnLine,
        SubProcess_HandleCall,
        Event_HandlingStarted,
        Gateway_CallReason,
        Task_AdviseCitizen,
        Gateway_Deterioration,
        Event_ClinicalAdviceGiven,
        Gateway_ClinicOpen,
        Event_CitizenReferredToClinic,
        Event_CitizenReferredToOutOfHoursCare,
        Task_ClarifyTechnicalProblem,
        Gateway_TechnicalProblem,
        Event_CitizenGuided,
        Event_CitizenReferredToSupportLine,
        Task_FileFaultReport,
        Event_FaultReportFiled,
        Task_HandleDeviation,
        Gateway_DeviationAction,
        Task_ChangeMeasurementTime,
        Event_MeasurementTimeChanged,
        Task_RequestPause,
        Event_PauseRequested,
        Gateway_ReadyToClassify,
        Task_ClassifyContact,
        Event_CallHandled;

        public String id() {
            return name();
        }
    }

    /** Process variables. */
    public static final class Vars {
        public static final ProcessVariable<String> CALL_ID = ProcessVariable.of("callId", String.class);
        public static final ProcessVariable<String> CITIZEN_ID = ProcessVariable.of("citizenId", String.class);
        /** the citizen's name and masked CPR, shown on every task */
        public static final ProcessVariable<String> CITIZEN_LABEL = ProcessVariable.of("citizenLabel", String.class);
        /** the citizen's running pathway, if any: the pathway journals the call's tasks */
        public static final ProcessVariable<String> PATHWAY_ID = ProcessVariable.of("pathwayId", String.class);
        /** the region whose settings (hours, service center, advice) the instance follows: its region pack's id */
        public static final ProcessVariable<String> REGION = ProcessVariable.of("region", String.class);
        public static final ProcessVariable<String> MUNICIPALITY_ID = ProcessVariable.of("municipalityId", String.class);
        /** {@link AnsweredBy} */
        public static final ProcessVariable<String> ANSWERED_BY = ProcessVariable.of("answeredBy", String.class);
        /** the user who handles the call now: the nurse who answered, or the nurse who called back */
        public static final ProcessVariable<String> HANDLED_BY = ProcessVariable.of("handledBy", String.class);
        /** {@link CallReason} */
        public static final ProcessVariable<String> CALL_REASON = ProcessVariable.of("callReason", String.class);
        /** the citizen's message as taken on the phone */
        public static final ProcessVariable<String> CALL_MESSAGE = ProcessVariable.of("callMessage", String.class);
        public static final ProcessVariable<String> CALLBACK_PHONE = ProcessVariable.of("callbackPhone", String.class);
        public static final ProcessVariable<Date> RECEIVED_AT = ProcessVariable.of("receivedAt", Date.class);
        public static final ProcessVariable<Boolean> WITHIN_PHONE_HOURS = ProcessVariable.of("withinPhoneHours", Boolean.class);
        /** the start of the phone hours in which the citizen is called back */
        public static final ProcessVariable<Date> CALL_BACK_FROM = ProcessVariable.of("callBackFrom", Date.class);
        public static final ProcessVariable<Date> CALL_BACK_DUE = ProcessVariable.of("callBackDue", Date.class);
        /** what the front desk tells the citizen about the call-back, in Danish */
        public static final ProcessVariable<String> CALL_BACK_PROMISE = ProcessVariable.of("callBackPromise", String.class);
        /** REACHED or NOT_REACHED */
        public static final ProcessVariable<String> CALL_BACK_RESULT = ProcessVariable.of("callBackResult", String.class);
        /** ADVICE_GIVEN or DETERIORATION */
        public static final ProcessVariable<String> CLINICAL_OUTCOME = ProcessVariable.of("clinicalOutcome", String.class);
        /** the heart-failure clinic was open when the nurse advised the citizen */
        public static final ProcessVariable<Boolean> CLINIC_OPEN = ProcessVariable.of("clinicOpen", Boolean.class);
        /** USER_RELATED, CITIZEN_CALLS_SUPPORT or FILE_FAULT_REPORT */
        public static final ProcessVariable<String> TECHNICAL_OUTCOME = ProcessVariable.of("technicalOutcome", String.class);
        public static final ProcessVariable<String> FAULT_DESCRIPTION = ProcessVariable.of("faultDescription", String.class);
        public static final ProcessVariable<String> FAULT_ID = ProcessVariable.of("faultId", String.class);
        /** CHANGE_MEASUREMENT_TIME or PAUSE */
        public static final ProcessVariable<String> DEVIATION_ACTION = ProcessVariable.of("deviationAction", String.class);
        /** "HH:mm" */
        public static final ProcessVariable<String> NEW_MEASUREMENT_TIME = ProcessVariable.of("newMeasurementTime", String.class);
        /** the pause lasts until this moment (the start of the day after the last day of the pause) */
        public static final ProcessVariable<Date> PAUSE_UNTIL = ProcessVariable.of("pauseUntil", Date.class);
        public static final ProcessVariable<String> DEVIATION_NOTE = ProcessVariable.of("deviationNote", String.class);
        // the inputs of rules/contact-registration.dmn
        public static final ProcessVariable<String> CONTACT_PURPOSE = ProcessVariable.of("contactPurpose", String.class);
        public static final ProcessVariable<String> CONTACT_KIND = ProcessVariable.of("contactKind", String.class);
        public static final ProcessVariable<Boolean> WITH_PHYSICIAN = ProcessVariable.of("withPhysician", Boolean.class);
        // its outputs
        public static final ProcessVariable<Boolean> REGISTERED_AS_CONTACT = ProcessVariable.of("registeredAsContact", Boolean.class);
        public static final ProcessVariable<String> VISIT_TYPE = ProcessVariable.of("visitType", String.class);
        public static final ProcessVariable<java.math.BigDecimal> PATIENT_FEE = ProcessVariable.of("patientFee", java.math.BigDecimal.class);
        public static final ProcessVariable<String> PAYMENT_METHOD = ProcessVariable.of("paymentMethod", String.class);
        public static final ProcessVariable<String> NOTE_TYPE = ProcessVariable.of("noteType", String.class);
        public static final ProcessVariable<String> FOLLOW_UP = ProcessVariable.of("followUp", String.class);
        public static final ProcessVariable<String> REGISTRATION_REASON = ProcessVariable.of("registrationReason", String.class);

        private Vars() {
        }
    }
}
