package dk.carepath.pathway;

import static dk.carepath.pathway.HeartFailurePathway.Element.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import dk.carepath.engine.FormValidationException;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import dk.carepath.support.ScenarioCoverage;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One scenario per path through processes/heart-failure-pathway.bpmn, named after its outcome.
 * The pathway runs in the real application (rules in Drools, forms' listeners, the mail outbox,
 * the database); the actors complete their tasks as users of their groups.
 */
@CarepathTest
@ScenarioCoverage.Measures(HeartFailurePathway.KEY)
class HeartFailurePathwayScenarioTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    PathwayDriver driver;
    @Autowired
    Pathways pathways;
    @Autowired
    MonitoringPlans plans;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void engine() {
        init(engine);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ referral and inclusion

    @Test
    void shouldRejectReferralWhenRulesFindCitizenNotEligibleAndCardiologistConfirms() {
        UUID id = driver.refer(PathwayDriver.factsWithEjectionFraction(45));
        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).isWaitingAt(Task_ConfirmRejection.id());
        Assertions.assertThat(driver.task(id, Task_ConfirmRejection).getName()).isEqualTo("Bekræft afvisning af henvisning");
        assertThat(driver.task(id, Task_ConfirmRejection)).hasCandidateGroup(PathwayDriver.CLINIC_CARDIOLOGISTS);

        driver.complete(id, Task_ConfirmRejection, "testcardiologist",
                Map.of("rejectionDecision", "CONFIRM", "rejectionReason", "EF 45 %: ikke nedsat uddrivningsfraktion"));

        assertThat(pathway).hasPassed(Task_InformReferrerOfRejection.id(), Event_ReferralRejected.id()).isEnded();
        PathwayView view = pathways.require(id);
        Assertions.assertThat(view.phase()).isEqualTo(Phase.REJECTED);
        Assertions.assertThat(view.outcome()).isEqualTo(PathwayOutcome.REJECTED);
        Assertions.assertThat(pathways.journal(id)).extracting(JournalView::summary)
                .contains("Inklusionsregler: NOT_ELIGIBLE", "Bekræft afvisning af henvisning");
    }

    @Test
    void shouldAssessCitizenDespiteRulesWhenCardiologistAsksForJudgement() {
        UUID id = driver.refer(PathwayDriver.factsWithEjectionFraction(45));
        driver.complete(id, Task_ConfirmRejection, "testcardiologist",
                Map.of("rejectionDecision", "ASSESS", "rejectionReason", "Målt EF usikker, ny ekko planlagt"));

        assertThat(driver.instance(id)).isWaitingAt(Task_CardiologicalAssessment.id(), Task_NursingAssessment.id());
    }

    @Test
    void shouldAskBothAssessmentsWhenRulesNeedProfessionalJudgement() {
        UUID id = driver.refer(PathwayDriver.factsWithEjectionFraction(null));
        ProcessInstance pathway = driver.instance(id);

        assertThat(pathway).variables().containsEntry("eligibility", "NEEDS_JUDGEMENT");
        assertThat(pathway).isWaitingAt(Task_CardiologicalAssessment.id(), Task_NursingAssessment.id());
        assertThat(driver.task(id, Task_NursingAssessment)).hasCandidateGroup(PathwayDriver.CLINIC_NURSES);
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.INCLUSION);
    }

    @Test
    void shouldRejectReferralWhenNursingAssessmentRejects() {
        UUID id = driver.refer(PathwayDriver.eligibleFacts());
        ProcessInstance pathway = driver.instance(id);
        driver.complete(id, Task_CardiologicalAssessment, "testcardiologist",
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %"));
        driver.complete(id, Task_NursingAssessment, "testnurse",
                Map.of("nurseDecision", "REJECT", "nurseReason", "Ønsker ikke telemedicin"));

        assertThat(pathway).hasPassed(Event_ReferralRejected.id()).isEnded();
        Assertions.assertThat(pathways.require(id).outcome()).isEqualTo(PathwayOutcome.REJECTED);
    }

    @Test
    void shouldRefuseAssessmentWithoutReason() {
        UUID id = driver.refer(PathwayDriver.eligibleFacts());
        Task task = driver.task(id, Task_CardiologicalAssessment);

        Assertions.assertThatThrownBy(() -> driver.complete(task, "testcardiologist", Map.of("cardiologistDecision", "MAYBE")))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("Begrundelse skal udfyldes")
                .hasMessageContaining("Beslutning skal være en af Inkluder borgeren (INCLUDE), Afvis (REJECT), ikke 'MAYBE'");
        assertThat(driver.instance(id)).isWaitingAt(Task_CardiologicalAssessment.id());
    }

    // ------------------------------------------------------------------ start

    @Test
    void shouldStartMonitoringWhenIncludedPlanSetKitInstalledAndSetupWorks() {
        UUID id = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(id);
        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).isWaitingAt(Task_SetMonitoringPlan.id());
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.START);

        // the form is prefilled with the guideline's default thresholds
        Task planTask = driver.task(id, Task_SetMonitoringPlan);
        Assertions.assertThat(tasks.getVariables(planTask.getId()))
                .containsEntry("pulseRedHigh", 100).containsEntry("pulseYellowLow", 45).containsEntry("weightRedHigh", 3.0);
        driver.complete(planTask, "testcardiologist", Map.of("referenceWeightKg", 82.5, "pulseRedHigh", 110));
        driver.runJobs(id);

        assertThat(pathway).hasPassed(Task_SendInclusionCorrespondence.id()).isWaitingAt(Task_InstallKit.id());
        MonitoringPlanView plan = plans.forPathway(id).orElseThrow();
        Assertions.assertThat(plan.currentThresholds().thresholds().get("pulseRedHigh")).isEqualByComparingTo("110");
        Assertions.assertThat(plan.referenceWeightKg()).isEqualByComparingTo("82.5");
        Assertions.assertThat(plan.measurements()).containsEntry(MeasurementType.WEIGHT, Frequency.DAILY)
                .doesNotContainKey(MeasurementType.STEPS);
        // the plan's values do not linger in the process: the task's form fields vanished with it
        assertThat(pathway).variables().doesNotContainKey("pulseRedHigh").containsEntry("startupPeriod", "P14D");

        driver.installKitAndConfirmSetup(id, "KIT-A1");
        assertThat(pathway).isWaitingAt(Event_StartupPeriodEnded.id());
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.STARTUP_MONITORING);

        driver.fireTimer(id, Event_StartupPeriodEnded);
        driver.complete(id, Task_ConcludeStartup, "testnurse", Map.of("pulseYellowHigh", 95, "reviewIntervalDays", 3));
        assertThat(pathway).isWaitingAt(Event_ReviewDue.id(), Event_ReassessmentDue.id());
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.TITRATION);
        Assertions.assertThat(plans.forPathway(id).orElseThrow().thresholdHistory()).hasSize(2);
        assertThat(pathway).variables().containsEntry("reviewInterval", "P3D");
    }

    @Test
    void shouldRefuseMonitoringPlanWithThresholdsOutOfOrder() {
        UUID id = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(id);
        Task task = driver.task(id, Task_SetMonitoringPlan);

        Assertions.assertThatThrownBy(() -> driver.complete(task, "testcardiologist", Map.of("pulseRedHigh", 80)))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("Referencevægt skal udfyldes")
                .hasMessageContaining("Puls: grænserne skal stige");
        Assertions.assertThat(plans.forPathway(id)).isEmpty();
    }

    @Test
    void shouldRefuseAMonitoringPlanWithAWeightMorePreciseThanKept() {
        UUID id = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(id);
        Task task = driver.task(id, Task_SetMonitoringPlan);

        Assertions.assertThatThrownBy(() -> driver.complete(task, "testcardiologist", Map.of("referenceWeightKg", 80.25)))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("højst én decimal");
        Assertions.assertThat(plans.forPathway(id)).isEmpty();
    }

    @Test
    void shouldSendKitBackToServiceCenterWhenSetupDoesNotWork() {
        UUID id = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(id);
        driver.setDefaultPlan(id);
        driver.complete(id, Task_InstallKit, "testservice", Map.of("kitNumber", "KIT-B2"));
        driver.complete(id, Task_CallCitizenAfterSetup, "testnurse",
                Map.of("setupStatus", "NOT_WORKING", "setupCallNote", "Vægten sender ikke"));

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).isWaitingAt(Task_ResolveSetupProblem.id());
        assertThat(driver.task(id, Task_ResolveSetupProblem)).hasCandidateGroup(PathwayDriver.SERVICE_CENTER_STAFF);
        Assertions.assertThat(tasks.getVariable(driver.task(id, Task_ResolveSetupProblem).getId(), "setupProblem"))
                .isEqualTo("Vægten sender ikke");

        driver.complete(id, Task_ResolveSetupProblem, "testservice", Map.of("resolutionNote", "Parret vægten igen"));
        assertThat(pathway).isWaitingAt(Task_CallCitizenAfterSetup.id());
        driver.complete(id, Task_CallCitizenAfterSetup, "testnurse", Map.of("setupStatus", "WORKS"));
        assertThat(pathway).isWaitingAt(Event_StartupPeriodEnded.id());
    }

    // ------------------------------------------------------------------ titration

    @Test
    void shouldReviewMeasurementsPeriodicallyAndTellMunicipalityOfMedicationChange() {
        UUID id = driver.inTitration();
        ProcessInstance pathway = driver.instance(id);

        driver.fireTimer(id, Event_ReviewDue);
        assertThat(driver.task(id, Task_ReviewMeasurements)).hasCandidateGroup(PathwayDriver.CLINIC_NURSES);
        driver.complete(id, Task_ReviewMeasurements, "testnurse",
                Map.of("medicationChanged", true, "nextReviewIntervalDays", 5, "reviewNote", "Øget betablokker"));

        assertThat(pathway).hasPassed(Task_SendTreatmentChangeCorrespondence.id()).isWaitingAt(Event_ReviewDue.id());
        assertThat(pathway).variables().containsEntry("reviewInterval", "P5D");
    }

    @Test
    void shouldStopPeriodicReviewsUntilReassessment() {
        UUID id = driver.inTitration();
        driver.fireTimer(id, Event_ReviewDue);
        driver.complete(id, Task_ReviewMeasurements, "testnurse", Map.of("nextReviewIntervalDays", 0));

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Event_PeriodicReviewsStopped.id()).hasNotPassed(Task_SendTreatmentChangeCorrespondence.id());
        Assertions.assertThat(driver.timerWaiting(id, Event_ReviewDue)).isFalse();
        Assertions.assertThat(driver.timerWaiting(id, Event_ReassessmentDue)).isTrue();
    }

    @Test
    void shouldContinueMonitoringAfterReassessment() {
        UUID id = driver.inTitration();
        driver.reassess(id, "CONTINUE", "CLINIC", "CLINIC", Map.of());

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Event_CycleEnded.id()).isWaitingAt(Event_ReviewDue.id(), Event_ReassessmentDue.id());
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.TITRATION);
    }

    @Test
    void shouldExtendPathwayAtReassessment() {
        UUID id = driver.inTitration();
        var before = plans.forPathway(id).orElseThrow().expectedEndDate();
        driver.reassess(id, "EXTEND", "CLINIC", "CLINIC", Map.of("extensionMonths", 3));

        Assertions.assertThat(plans.forPathway(id).orElseThrow().expectedEndDate()).isEqualTo(before.plusMonths(3));
        Assertions.assertThat(pathways.require(id).extended()).isTrue();
        assertThat(driver.instance(id)).isWaitingAt(Event_ReviewDue.id(), Event_ReassessmentDue.id());
    }

    @Test
    void shouldReferToMunicipalCourseAndRefuseDischargeToGpUntilTheCourseHasEnded() {
        UUID id = driver.inTitration();
        driver.reassess(id, "MUNICIPAL_COURSE", "CLINIC", "CLINIC", Map.of());
        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Task_SendMunicipalCourseReferral.id());
        Assertions.assertThat(pathways.require(id).municipalCourseActive()).isTrue();

        driver.fireTimer(id, Event_ReassessmentDue);
        Task reassessment = driver.task(id, Task_Reassess);
        Assertions.assertThat(tasks.getVariable(reassessment.getId(), "municipalCourseActive")).isEqualTo(true);
        Map<String, Object> discharge = new HashMap<>(Map.of("reassessmentOutcome", "DISCHARGE_TO_GP",
                "treatmentResponsible", "GP", "monitoringResponsible", "NONE", "reassessmentNote", "Stabil"));
        Assertions.assertThatThrownBy(() -> driver.complete(reassessment, "testcardiologist", discharge))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("når det kommunale forløb er afsluttet");

        discharge.put("municipalCourseEnded", true);
        driver.complete(reassessment, "testcardiologist", discharge);
        driver.runJobs(id);
        assertThat(pathway).hasPassed(Event_MonitoringEnded.id()).isWaitingAt(Task_CollectKit.id());
    }

    @Test
    void shouldHandOverMonitoringToMunicipalityAndRouteMonitoringTasksThere() {
        UUID id = driver.inTitration();
        // a red measurement's task is open at the handover, claimed by the clinic's nurse
        send(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "Puls 112 /min"));
        Task openRed = driver.task(id, Task_ReviewRedMeasurement);
        assertThat(openRed).hasCandidateGroup(PathwayDriver.CLINIC_NURSES);
        tasks.claim(openRed.getId(), "testnurse");

        driver.reassess(id, "HANDOVER", "CLINIC", "MUNICIPALITY", Map.of());

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Task_SendHandoverCorrespondence.id());
        var handedOver = pathways.require(id);
        Assertions.assertThat(handedOver.monitoringResponsible()).isEqualTo(Party.MUNICIPALITY);
        Assertions.assertThat(handedOver.monitoringOrganisationId()).isEqualTo(PathwayDriver.MUNICIPALITY);
        Assertions.assertThat(handedOver.treatmentOrganisationId()).isEqualTo(PathwayDriver.CLINIC);
        // the open task moved with the responsibility: the municipal nurses have it, the clinic's nurse no longer
        Task moved = driver.task(id, Task_ReviewRedMeasurement);
        Assertions.assertThat(moved.getId()).isEqualTo(openRed.getId());
        assertThat(moved).hasCandidateGroup(PathwayDriver.MUNICIPAL_NURSES).isNotAssigned();
        Assertions.assertThat(tasks.getIdentityLinksForTask(moved.getId())).extracting(l -> l.getGroupId())
                .doesNotContain(PathwayDriver.CLINIC_NURSES);
        Assertions.assertThat(tasks.getVariableLocal(moved.getId(), "team")).isEqualTo("Testkommune – Kommunale sygeplejersker");
        Assertions.assertThat(tasks.createTaskQuery().taskId(moved.getId()).taskCandidateUser("testnurse").count()).isZero();
        Assertions.assertThat(tasks.createTaskQuery().taskId(moved.getId()).taskCandidateUser("testmunicipalnurse").count()).isOne();
        // new monitoring work is born there, and reassessment stays with the clinic that treats the citizen
        driver.fireTimer(id, Event_ReviewDue);
        assertThat(driver.task(id, Task_ReviewMeasurements)).hasCandidateGroup(PathwayDriver.MUNICIPAL_NURSES);
        driver.fireTimer(id, Event_ReassessmentDue);
        assertThat(driver.task(id, Task_Reassess)).hasCandidateGroup(PathwayDriver.CLINIC_CARDIOLOGISTS);
    }

    @Test
    void shouldEscalateOverdueReassessment() {
        UUID id = driver.inTitration();
        driver.fireTimer(id, Event_ReassessmentDue);
        Assertions.assertThat(driver.task(id, Task_Reassess).getPriority()).isEqualTo(60);

        driver.fireTimer(id, Event_ReassessmentOverdue);

        assertThat(driver.instance(id)).hasPassed(Task_EscalateOverdueReassessment.id()).isWaitingAt(Task_Reassess.id());
        Assertions.assertThat(driver.task(id, Task_Reassess).getPriority()).isEqualTo(100);
        Assertions.assertThat(pathways.require(id).reassessmentOverdue()).isTrue();
    }

    // ------------------------------------------------------------------ discharge

    @Test
    void shouldDischargeToGpWhenFullyTitratedAndStable() {
        UUID id = driver.inTitration();
        driver.reassess(id, "DISCHARGE_TO_GP", "GP", "NONE", Map.of());
        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).isWaitingAt(Task_CollectKit.id());
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.DISCHARGING);

        driver.complete(id, Task_CollectKit, "testservice", Map.of("kitCollected", "COLLECTED"));

        assertThat(pathway).hasPassed(Task_SendDischargeLetter.id(), Event_DischargedToGp.id()).isEnded();
        PathwayView view = pathways.require(id);
        Assertions.assertThat(view.phase()).isEqualTo(Phase.DISCHARGED);
        Assertions.assertThat(view.outcome()).isEqualTo(PathwayOutcome.DISCHARGED_TO_GP);
        Assertions.assertThat(view.treatmentResponsible()).isEqualTo(Party.GP);
    }

    // ------------------------------------------------------------------ a discharge ends the pathway, whatever was open

    @Test
    void shouldCloseAnOpenRedTaskWhenTheCitizenIsDischargedAndTakeNoMoreReds() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "m-1", "measurementSummary", "Puls 112"));
        assertDischargedDespiteOpen(id, Task_ReviewRedMeasurement);
        // a red measurement after the discharge makes no task for the team that discharged the citizen
        Assertions.assertThat(messages.accepts(id, Messages.MEASUREMENT_RED)).isFalse();
    }

    @Test
    void shouldCloseAnOpenPersistentYellowTaskWhenTheCitizenIsDischarged() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "m-2", "measurementSummary", "Gul vægt 3 dage"));
        assertDischargedDespiteOpen(id, Task_FollowUpPersistentYellow);
    }

    @Test
    void shouldCloseAnOpenMissingMeasurementsTaskWhenTheCitizenIsDischarged() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "Ingen vægt 2 dage", "repeatedMisses", false));
        assertDischargedDespiteOpen(id, Task_ContactCitizenAboutMissingMeasurements);
    }

    @Test
    void shouldCloseAnOpenNonAdherenceConsiderationWhenTheCitizenIsDischarged() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "Ingen målinger 5 af 14 dage", "repeatedMisses", true));
        assertDischargedDespiteOpen(id, Task_ConsiderNonAdherenceDischarge);
    }

    @Test
    void shouldCloseAnOpenReviewAfterReadmissionAndAPauseWhenTheCitizenIsDischarged() {
        UUID id = driver.inTitration();
        send(id, Messages.PAUSE_REQUESTED, Map.of("pauseUntil", Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(10))),
                "pauseReason", "Ferie"));
        send(id, Messages.READMISSION_REPORTED, Map.of("admissionSummary", "Indlagt med åndenød"));
        Assertions.assertThat(driver.timerWaiting(id, Event_PauseEnded)).isTrue();
        assertDischargedDespiteOpen(id, Task_ReviewAfterReadmission);
        Assertions.assertThat(driver.timerWaiting(id, Event_PauseEnded)).as("the pause's timer is gone with it").isFalse();
    }

    /** The task is open when the reassessment discharges the citizen: the pathway still ends with its letter and kit. */
    private void assertDischargedDespiteOpen(UUID id, HeartFailurePathway.Element open) {
        Assertions.assertThat(driver.openTasks(id, open)).hasSize(1);
        driver.reassess(id, "DISCHARGE_TO_GP", "GP", "NONE", Map.of());

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Event_MonitoringEnded.id()).isWaitingAt(Task_CollectKit.id());
        Assertions.assertThat(driver.openTasks(id, open)).as("closed by the discharge").isEmpty();
        Assertions.assertThat(pathways.require(id).phase()).isEqualTo(Phase.DISCHARGING);
        Assertions.assertThat(pathways.journal(id)).extracting(JournalView::summary).anyMatch(s -> s.startsWith("Lukket uden at være udført: "));
        driver.complete(id, Task_CollectKit, "testservice", Map.of("kitCollected", "COLLECTED"));
        assertThat(pathway).hasPassed(Task_SendDischargeLetter.id(), Event_DischargedToGp.id()).isEnded();
        Assertions.assertThat(pathways.require(id).outcome()).isEqualTo(PathwayOutcome.DISCHARGED_TO_GP);
    }

    @Test
    void shouldDischargeForNonAdherenceAtReassessment() {
        UUID id = driver.inTitration();
        ProcessInstance pathway = driver.instance(id);
        driver.reassess(id, "DISCHARGE_NON_ADHERENCE", "GP", "NONE", Map.of());
        driver.complete(id, Task_CollectKit, "testservice", Map.of("kitCollected", "NOT_FOUND"));

        assertThat(pathway).hasPassed(Event_DischargedForNonAdherence.id()).isEnded();
        Assertions.assertThat(pathways.require(id).outcome()).isEqualTo(PathwayOutcome.DISCHARGED_NON_ADHERENCE);
    }

    // ------------------------------------------------------------------ escalations into the pathway

    @Test
    void shouldEscalateRedPulseToNurseWithHighPriorityDueWithinOpeningHours() {
        // Friday 13:30 in Copenhagen; the clinic closes 14:00 on Fridays and opens Monday 08:00
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 20, 13, 30, 0, 0, ZoneId.of("Europe/Copenhagen")).toInstant()));
        UUID id = driver.inTitration();

        send(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "m-1", "measurementSummary", "Puls 112 slag/min"));

        Task task = driver.task(id, Task_ReviewRedMeasurement);
        assertThat(task).hasCandidateGroup(PathwayDriver.CLINIC_NURSES).hasName("Rød måling: kontakt borgeren");
        Assertions.assertThat(task.getPriority()).isEqualTo(90);
        // 30 minutes on Friday, the remaining 90 on Monday morning
        Assertions.assertThat(task.getDueDate().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneId.of("Europe/Copenhagen")).toInstant());
        driver.complete(task, "testnurse", Map.of("redAction", "ADVICE_GIVEN", "redNote", "Selvhjælpsguide gennemgået"));
        assertThat(driver.instance(id)).hasPassed(Event_RedMeasurementHandled.id());
    }

    @Test
    void shouldJoinAFurtherRedMeasurementToTheOpenRedTask() {
        UUID id = driver.inTitration();
        messages.raiseAlarm(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "901", "measurementSummary", "Puls 112"));
        messages.raiseAlarm(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "902", "measurementSummary", "Vægt +3,4 kg"));

        List<Task> open = driver.openTasks(id, Task_ReviewRedMeasurement);
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements")).isEqualTo("901,902");
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "measurementSummary")).isEqualTo("Puls 112\nVægt +3,4 kg");
        assertThat(driver.instance(id)).hasPassed(Event_RedMeasurementJoined.id());
        driver.complete(open.get(0), "testnurse", Map.of("redAction", "ADVICE_GIVEN"));
        assertThat(driver.instance(id)).hasPassed(Event_RedMeasurementHandled.id());
    }

    @Test
    void shouldJoinAFurtherPersistentYellowToTheOpenYellowTask() {
        UUID id = driver.inTitration();
        messages.raiseAlarm(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "903", "measurementSummary", "Gul vægt 3 dage"));
        messages.raiseAlarm(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "904", "measurementSummary", "Gul vægt 4 dage"));

        List<Task> open = driver.openTasks(id, Task_FollowUpPersistentYellow);
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements")).isEqualTo("903,904");
        assertThat(driver.instance(id)).hasPassed(Event_PersistentYellowJoined.id());
    }

    @Test
    void shouldJoinADirectRedMessageToTheOpenRedTask() {
        UUID id = driver.inTitration();
        // straight to the engine, as /engine-rest's message correlation does: not through raiseAlarm, variables not transient
        correlateDirectly(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "911", "measurementSummary", "Puls 118"));
        correlateDirectly(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "912", "measurementSummary", "Vægt +2,8 kg"));

        List<Task> open = driver.openTasks(id, Task_ReviewRedMeasurement);
        Assertions.assertThat(open).as("the model keeps one open red task").hasSize(1);
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements")).isEqualTo("911,912");
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "measurementSummary")).isEqualTo("Puls 118\nVægt +2,8 kg");
        assertThat(driver.instance(id)).hasPassed(Gateway_RedTaskOpen.id(), Task_AddRedToOpenTask.id(), Event_RedAddedToOpenTask.id());
        driver.complete(open.get(0), "testnurse", Map.of("redAction", "ADVICE_GIVEN"));
        assertThat(driver.instance(id)).hasPassed(Event_RedMeasurementHandled.id());
    }

    @Test
    void shouldJoinADirectPersistentYellowMessageToTheOpenYellowTask() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "913", "measurementSummary", "Gul vægt 3 dage"));
        send(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "914", "measurementSummary", "Gul vægt 4 dage"));

        List<Task> open = driver.openTasks(id, Task_FollowUpPersistentYellow);
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements")).isEqualTo("913,914");
        assertThat(driver.instance(id)).hasPassed(Gateway_PersistentYellowTaskOpen.id(), Task_AddPersistentYellowToOpenTask.id(),
                Event_PersistentYellowAddedToOpenTask.id());
    }

    @Test
    void shouldJoinAFurtherMissingMeasurementAlarmToTheOpenTask() {
        UUID id = driver.inTitration();
        messages.raiseAlarm(id, Messages.MEASUREMENTS_MISSING, missing("Vægt ikke modtaget til fristen 1/12", "Vægt", "01.12.2026 10:00", 1, "31"));
        messages.raiseAlarm(id, Messages.MEASUREMENTS_MISSING, missing("Vægt ikke modtaget til fristen 2/12\nBlodtryk ikke modtaget til fristen 2/12",
                "Vægt, Blodtryk", "02.12.2026 10:00", 2, "32,33"));

        List<Task> open = driver.openTasks(id, Task_ContactCitizenAboutMissingMeasurements);
        Assertions.assertThat(open).as("one open task per citizen for missing measurements").hasSize(1);
        Map<String, Object> shown = tasks.getVariables(open.get(0).getId());
        Assertions.assertThat(shown).containsEntry("missingTypes", "Vægt, Blodtryk").containsEntry("missingSince", "01.12.2026 10:00")
                .containsEntry("missedDeadlines", 3).containsEntry("coveredAlarms", "31,32,33");
        Assertions.assertThat(shown.get("missingSummary").toString().lines()).hasSize(3);
        assertThat(driver.instance(id)).hasPassed(Event_FurtherMissedDeadline.id(), Task_JoinMissedDeadlines.id(),
                Event_MissedDeadlinesJoined.id());
        Assertions.assertThat(pathways.journal(id)).anyMatch(j -> j.summary().equals("Føjet til den åbne opgave »Manglende målinger: kontakt borgeren«"));
        driver.complete(open.get(0), "testnurse", Map.of("missingCause", "FORGOTTEN"));
        assertThat(driver.instance(id)).hasPassed(Event_MissingMeasurementsHandled.id());
    }

    @Test
    void shouldJoinADirectMissingMeasurementsMessageToTheOpenTask() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, missing("Vægt ikke modtaget til fristen 1/12", "Vægt", "01.12.2026 10:00", 1, "41"));
        correlateDirectly(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "Puls ikke modtaget", "repeatedMisses", false,
                "missingTypes", "Puls"));

        List<Task> open = driver.openTasks(id, Task_ContactCitizenAboutMissingMeasurements);
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(tasks.getVariables(open.get(0).getId())).containsEntry("missingTypes", "Vægt, Puls")
                .containsEntry("missedDeadlines", 2).containsEntry("coveredAlarms", "41");
        assertThat(driver.instance(id)).hasPassed(Gateway_MissingTaskOpen.id(), Task_AddMissesToOpenTask.id(),
                Event_MissesAddedToOpenTask.id());
    }

    @Test
    void shouldJoinRepeatedMissesToTheOpenNonAdherenceConsideration() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "5 af 14 dage uden målinger", "repeatedMisses", true));
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "6 af 14 dage uden målinger", "repeatedMisses", true));

        List<Task> open = driver.openTasks(id, Task_ConsiderNonAdherenceDischarge);
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "missingSummary"))
                .isEqualTo("5 af 14 dage uden målinger\n6 af 14 dage uden målinger");
        assertThat(driver.instance(id)).hasPassed(Gateway_NonAdherenceUnderConsideration.id(),
                Task_AddMissesToNonAdherenceConsideration.id(), Event_MissesAddedToNonAdherenceConsideration.id());
    }

    private static Map<String, Object> missing(String summary, String types, String since, int deadlines, String alarms) {
        return Map.of("missingSummary", summary, "repeatedMisses", false, "missingTypes", types, "missingSince", since,
                "missedDeadlines", deadlines, "coveredAlarms", alarms);
    }

    /** A message correlated as /engine-rest does it: variables persistent, not through PathwayMessages. */
    private void correlateDirectly(UUID id, String message, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(id.toString())
                .setVariablesLocal(variables).correlateWithResult();
        driver.runJobs(id);
    }

    @Test
    void shouldCloseTheRedTaskWhenItsOnlyMeasurementIsWithdrawn() {
        UUID id = driver.inTitration();
        messages.raiseAlarm(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "905", "measurementSummary", "Vægt +3,4 kg"));

        List<String> closed = messages.withdrawMeasurement(id, Messages.MEASUREMENT_RED, 905, "Afsenderen har trukket målingen tilbage",
                other -> true);

        Assertions.assertThat(closed).containsExactly("Rød måling: kontakt borgeren");
        Assertions.assertThat(driver.openTasks(id, Task_ReviewRedMeasurement)).isEmpty();
        assertThat(driver.instance(id)).hasPassed(Event_RedMeasurementWithdrawn.id(), Event_RedTaskWithdrawn.id());
        Assertions.assertThat(pathways.journal(id)).anyMatch(j -> j.summary().contains("lukket: intet at se på")
                && "Afsenderen har trukket målingen tilbage".equals(j.detail()));
    }

    @Test
    void shouldKeepTheRedTaskWhenAnotherMeasurementItCoversStillNeedsTheNurse() {
        UUID id = driver.inTitration();
        messages.raiseAlarm(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "906", "measurementSummary", "Puls 112"));
        messages.raiseAlarm(id, Messages.MEASUREMENT_RED, Map.of("measurementId", "907", "measurementSummary", "Vægt +3,4 kg"));

        List<String> closed = messages.withdrawMeasurement(id, Messages.MEASUREMENT_RED, 907, "Rettet af afsenderen", other -> other == 906);

        Assertions.assertThat(closed).isEmpty();
        List<Task> open = driver.openTasks(id, Task_ReviewRedMeasurement);
        Assertions.assertThat(open).hasSize(1);
        Assertions.assertThat(tasks.getVariable(open.get(0).getId(), "coveredMeasurements")).isEqualTo("906");
        Assertions.assertThat(messages.withdrawMeasurement(id, Messages.MEASUREMENT_RED, 906, "Rettet af afsenderen", other -> false))
                .as("the last one goes too").hasSize(1);
        Assertions.assertThat(driver.openTasks(id, Task_ReviewRedMeasurement)).isEmpty();
    }

    @Test
    void shouldCloseThePersistentYellowTaskWhenItsMeasurementIsWithdrawn() {
        UUID id = driver.inTitration();
        messages.raiseAlarm(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "908", "measurementSummary", "Gul vægt 3 dage"));

        messages.withdrawMeasurement(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, 908, "Afsenderen har rettet målingen", other -> true);

        Assertions.assertThat(driver.openTasks(id, Task_FollowUpPersistentYellow)).isEmpty();
        assertThat(driver.instance(id)).hasPassed(Event_PersistentYellowWithdrawn.id(), Event_PersistentYellowTaskWithdrawn.id());
    }

    @Test
    void shouldAskNurseToFollowUpPersistentYellow() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "m-3", "measurementSummary", "Gul vægt 3 dage"));

        Task task = driver.task(id, Task_FollowUpPersistentYellow);
        Assertions.assertThat(task.getPriority()).isEqualTo(70);
        driver.complete(task, "testnurse", Map.of("yellowAction", "NO_ACTION_NEEDED"));
        assertThat(driver.instance(id)).hasPassed(Event_PersistentYellowHandled.id());
    }

    @Test
    void shouldAskNurseToContactCitizenWhenMeasurementsAreMissing() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "Ingen vægt i 2 dage", "repeatedMisses", false));

        driver.complete(id, Task_ContactCitizenAboutMissingMeasurements, "testnurse", Map.of("missingCause", "FORGOTTEN"));
        assertThat(driver.instance(id)).hasPassed(Event_MissingMeasurementsHandled.id()).isWaitingAt(Event_ReviewDue.id(),
                Event_ReassessmentDue.id());
    }

    @Test
    void shouldKeepMonitoringWhenRepeatedMissesButTeamDecidesToContinue() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "5 af 14 dage uden målinger", "repeatedMisses", true));
        driver.complete(id, Task_ConsiderNonAdherenceDischarge, "testcardiologist",
                Map.of("nonAdherenceDecision", "CONTINUE", "nonAdherenceReason", "Ny aftale om målinger med datteren"));

        assertThat(driver.instance(id)).hasPassed(Event_MonitoringContinuesDespiteMisses.id()).isWaitingAt(Event_ReviewDue.id(),
                Event_ReassessmentDue.id());
    }

    @Test
    void shouldDischargeForNonAdherenceWhenRepeatedMissesAndTeamDecides() {
        UUID id = driver.inTitration();
        send(id, Messages.MEASUREMENTS_MISSING, Map.of("missingSummary", "9 af 14 dage uden målinger", "repeatedMisses", true));
        driver.complete(id, Task_ConsiderNonAdherenceDischarge, "testcardiologist",
                Map.of("nonAdherenceDecision", "DISCHARGE", "nonAdherenceReason", "Ønsker ikke at måle"));

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Event_NonAdherenceDischargeDecided.id(), Event_NonAdherenceDischargeRequested.id())
                .isWaitingAt(Task_CollectKit.id());
        driver.complete(id, Task_CollectKit, "testservice", Map.of("kitCollected", "COLLECTED"));
        assertThat(pathway).hasPassed(Event_DischargedForNonAdherence.id()).isEnded();
    }

    @Test
    void shouldPauseMonitoringAndResumeWhenPauseEnds() {
        UUID id = driver.inTitration();
        Date until = Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14)));
        send(id, Messages.PAUSE_REQUESTED, Map.of("pauseUntil", until, "pauseReason", "Ferie"));

        Assertions.assertThat(pathways.require(id).paused(java.time.Instant.now())).isTrue();
        Assertions.assertThat(driver.timerWaiting(id, Event_PauseEnded)).isTrue();

        ClockUtil.setCurrentTime(Date.from(until.toInstant().plusSeconds(60)));
        driver.fireTimer(id, Event_PauseEnded);
        assertThat(driver.instance(id)).hasPassed(Task_ResumeMonitoring.id(), Event_MonitoringResumed.id());
        Assertions.assertThat(pathways.require(id).pausedUntil()).isNull();
    }

    @Test
    void shouldResumeMonitoringInClinicOnReadmission() {
        UUID id = driver.inTitration();
        driver.reassess(id, "HANDOVER", "CLINIC", "MUNICIPALITY", Map.of());
        Assertions.assertThat(pathways.require(id).monitoringResponsible()).isEqualTo(Party.MUNICIPALITY);

        send(id, Messages.READMISSION_REPORTED, Map.of("admissionSummary", "Indlagt med åndenød"));

        ProcessInstance pathway = driver.instance(id);
        assertThat(pathway).hasPassed(Task_ResumeMonitoringInClinic.id());
        Assertions.assertThat(pathways.require(id).monitoringResponsible()).isEqualTo(Party.CLINIC);
        Assertions.assertThat(pathways.require(id).monitoringOrganisationId()).isEqualTo(PathwayDriver.CLINIC);
        assertThat(driver.task(id, Task_ReviewAfterReadmission)).hasCandidateGroup(PathwayDriver.CLINIC_NURSES);
        driver.complete(id, Task_ReviewAfterReadmission, "testnurse", Map.of("readmissionNote", "Plan gennemgået"));
        assertThat(pathway).hasPassed(Event_ReadmissionReviewed.id());
    }

    // ------------------------------------------------------------------ helpers

    @Autowired
    PathwayMessages messages;

    private void send(UUID id, String message, Map<String, ?> payload) {
        messages.send(id, message, payload);
        driver.runJobs(id);
    }






}
