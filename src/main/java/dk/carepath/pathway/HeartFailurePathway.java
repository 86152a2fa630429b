package dk.carepath.pathway;

import dk.carepath.engine.ProcessVariable;

/**
 * The backing class of {@code processes/heart-failure-pathway.bpmn}: its key, its messages, the ids
 * of its elements and its typed variables. Code that starts, correlates or inspects the pathway
 * names things through this class, so a renamed element breaks the build, not the ward.
 *
 * <p>Variables live in the narrowest scope that works: a user task's form fields are declared as
 * the task's input parameters and vanish with it (the task listener maps what must persist into
 * the database); only routing outcomes are output to the process.
 */
public final class HeartFailurePathway {

    public static final String KEY = "heart-failure-pathway";

    private HeartFailurePathway() {
    }

    /** Message names (contracts with intake and call routing). */
    public static final class Messages {
        public static final String REFERRAL_RECEIVED = "Referral_Received";
        public static final String MEASUREMENT_RED = "Measurement_Red";
        public static final String MEASUREMENT_YELLOW_PERSISTENT = "Measurement_Yellow_Persistent";
        public static final String MEASUREMENTS_MISSING = "Measurements_Missing";
        public static final String PAUSE_REQUESTED = "Pause_Requested";
        public static final String READMISSION_REPORTED = "Readmission_Reported";

        private Messages() {
        }

        /** The message of a further alarm of the same kind, taken by the open task's boundary event. */
        public static String further(String alarm) {
            return alarm + "_Further";
        }

        /**
         * The message that closes the open task of an alarm whose measurements its sender retracted or corrected
         * away (the task's boundary event {@code <alarm>_Withdrawn}).
         */
        public static String withdrawn(String alarm) {
            return alarm + "_Withdrawn";
        }
    }

    /** Element ids of the model. */
    public enum Element {
        Event_ReferralReceived,
        Task_EvaluateInclusionEligibility,
        Gateway_EligibilityResult,
        Task_ConfirmRejection,
        Task_CardiologicalAssessment,
        Task_NursingAssessment,
        Gateway_InclusionDecision,
        Task_InformReferrerOfRejection,
        Event_ReferralRejected,
        Task_SetMonitoringPlan,
        Task_SendInclusionCorrespondence,
        Task_InstallKit,
        Task_CallCitizenAfterSetup,
        Task_ResolveSetupProblem,
        SubProcess_Monitoring,
        Event_StartupPeriodEnded,
        Task_ConcludeStartup,
        SubProcess_MonitoringCycle,
        Event_ReviewDue,
        Task_ReviewMeasurements,
        Task_SendTreatmentChangeCorrespondence,
        Event_PeriodicReviewsStopped,
        Event_ReassessmentDue,
        Task_Reassess,
        Event_CycleEnded,
        Event_ReassessmentOverdue,
        Task_EscalateOverdueReassessment,
        Gateway_ReassessmentOutcome,
        Task_SendMunicipalCourseReferral,
        Task_SendHandoverCorrespondence,
        Event_MonitoringEnded,
        EventSubProcess_RedMeasurement,
        Task_ReviewRedMeasurement,
        Gateway_RedTaskOpen,
        Task_AddRedToOpenTask,
        Event_RedAddedToOpenTask,
        Event_RedMeasurementHandled,
        Event_FurtherRedMeasurement,
        Task_JoinRedMeasurement,
        Event_RedMeasurementJoined,
        Event_RedMeasurementWithdrawn,
        Event_RedTaskWithdrawn,
        EventSubProcess_PersistentYellow,
        Task_FollowUpPersistentYellow,
        Gateway_PersistentYellowTaskOpen,
        Task_AddPersistentYellowToOpenTask,
        Event_PersistentYellowAddedToOpenTask,
        Event_PersistentYellowHandled,
        Event_FurtherPersistentYellow,
        Task_JoinPersistentYellow,
        Event_PersistentYellowJoined,
        Event_PersistentYellowWithdrawn,
        Event_PersistentYellowTaskWithdrawn,
        EventSubProcess_MissingMeasurements,
        Task_ContactCitizenAboutMissingMeasurements,
        Event_MissingMeasurementsHandled,
        Gateway_MissingTaskOpen,
        Task_AddMissesToOpenTask,
        Event_MissesAddedToOpenTask,
        Event_FurtherMissedDeadline,
        Task_JoinMissedDeadlines,
        Event_MissedDeadlinesJoined,
        Gateway_NonAdherenceUnderConsideration,
        Task_AddMissesToNonAdherenceConsideration,
        Event_MissesAddedToNonAdherenceConsideration,
        Task_ConsiderNonAdherenceDischarge,
        Event_MonitoringContinuesDespiteMisses,
        Event_NonAdherenceDischargeDecided,
        EventSubProcess_Pause,
        Task_PauseMonitoring,
        Event_PauseEnded,
        Task_ResumeMonitoring,
        Event_MonitoringResumed,
        EventSubProcess_Readmission,
        Task_ResumeMonitoringInClinic,
        Task_ReviewAfterReadmission,
        Event_ReadmissionReviewed,
        Event_NonAdherenceDischargeRequested,
        Task_CollectKit,
        Task_SendDischargeLetter,
        Event_DischargedToGp,
        Event_DischargedForNonAdherence;

        public String id() {
            return name();
        }
    }

    /** Process variables. */
    public static final class Vars {
        public static final ProcessVariable<String> PATHWAY_ID = ProcessVariable.of("pathwayId", String.class);
        /** the region whose settings (hours, service center, advice) the instance follows: its region pack's id */
        public static final ProcessVariable<String> REGION = ProcessVariable.of("region", String.class);
        public static final ProcessVariable<String> CITIZEN_ID = ProcessVariable.of("citizenId", String.class);
        /** "Name (DDMMYY-XXXX)": the one copy of personal data in the process, so task lists show whose task it is */
        public static final ProcessVariable<String> CITIZEN_LABEL = ProcessVariable.of("citizenLabel", String.class);
        public static final ProcessVariable<String> REFERRAL_SOURCE = ProcessVariable.of("referralSource", String.class);
        public static final ProcessVariable<Boolean> MIT_ID_REQUIRED = ProcessVariable.of("mitIdRequired", Boolean.class);
        public static final ProcessVariable<String> ELIGIBILITY = ProcessVariable.of("eligibility", String.class);
        public static final ProcessVariable<String> ELIGIBILITY_REASON = ProcessVariable.of("eligibilityReason", String.class);
        /** ISO-8601 durations in days, from the monitoring plan */
        public static final ProcessVariable<String> STARTUP_PERIOD = ProcessVariable.of("startupPeriod", String.class);
        public static final ProcessVariable<String> REVIEW_INTERVAL = ProcessVariable.of("reviewInterval", String.class);
        public static final ProcessVariable<Boolean> PERIODIC_REVIEWS = ProcessVariable.of("periodicReviews", Boolean.class);
        public static final ProcessVariable<String> REASSESSMENT_INTERVAL = ProcessVariable.of("reassessmentInterval", String.class);
        public static final ProcessVariable<String> REASSESSMENT_GRACE_PERIOD = ProcessVariable.of("reassessmentGracePeriod", String.class);
        public static final ProcessVariable<String> REASSESSMENT_OUTCOME = ProcessVariable.of("reassessmentOutcome", String.class);
        /** TO_GP or NON_ADHERENCE */
        public static final ProcessVariable<String> DISCHARGE_REASON = ProcessVariable.of("dischargeReason", String.class);
        // message payloads
        public static final ProcessVariable<String> MEASUREMENT_ID = ProcessVariable.of("measurementId", String.class);
        public static final ProcessVariable<String> MEASUREMENT_SUMMARY = ProcessVariable.of("measurementSummary", String.class);
        /** on an alarm task's execution: the ids of every measurement the task covers, comma separated */
        public static final ProcessVariable<String> COVERED_MEASUREMENTS = ProcessVariable.of("coveredMeasurements", String.class);
        /** why an alarm's task was closed without being done (its measurement retracted or corrected) */
        public static final ProcessVariable<String> WITHDRAWAL_REASON = ProcessVariable.of("withdrawalReason", String.class);
        public static final ProcessVariable<String> MISSING_SUMMARY = ProcessVariable.of("missingSummary", String.class);
        /** on a missing-measurement task: the types missing (Danish, comma separated), since when, how many deadlines missed */
        public static final ProcessVariable<String> MISSING_TYPES = ProcessVariable.of("missingTypes", String.class);
        public static final ProcessVariable<String> MISSING_SINCE = ProcessVariable.of("missingSince", String.class);
        public static final ProcessVariable<Integer> MISSED_DEADLINES = ProcessVariable.of("missedDeadlines", Integer.class);
        /** on a missing-measurement task: what arrived after its missed deadlines ("Vægt modtaget 03.12.2026 09:12; ...") */
        public static final ProcessVariable<String> RECEIVED_SINCE = ProcessVariable.of("receivedSince", String.class);
        /** on a missing-measurement task: the ids of the alarms (pathway_alarm) it covers, comma separated */
        public static final ProcessVariable<String> COVERED_ALARMS = ProcessVariable.of("coveredAlarms", String.class);
        public static final ProcessVariable<Boolean> REPEATED_MISSES = ProcessVariable.of("repeatedMisses", Boolean.class);
        public static final ProcessVariable<java.util.Date> PAUSE_UNTIL = ProcessVariable.of("pauseUntil", java.util.Date.class);
        public static final ProcessVariable<String> PAUSE_REASON = ProcessVariable.of("pauseReason", String.class);
        public static final ProcessVariable<String> ADMISSION_SUMMARY = ProcessVariable.of("admissionSummary", String.class);

        private Vars() {
        }
    }

    /** Reassessment outcomes, as the reassessment form submits them. */
    public enum ReassessmentOutcome {
        CONTINUE, EXTEND, MUNICIPAL_COURSE, HANDOVER, DISCHARGE_TO_GP, DISCHARGE_NON_ADHERENCE
    }

    public static final String GRACE_PERIOD_DEFAULT = "P14D";
}
