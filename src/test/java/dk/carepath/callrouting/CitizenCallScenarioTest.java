package dk.carepath.callrouting;

import static dk.carepath.callrouting.CitizenCall.Element.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.engine.FormValidationException;
import dk.carepath.equipment.EquipmentFault;
import dk.carepath.equipment.EquipmentFaults;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.equipment.KitStatus;
import dk.carepath.pathway.HeartFailurePathway;
import dk.carepath.pathway.JournalView;
import dk.carepath.pathway.MonitoringPlans;
import dk.carepath.pathway.Pathways;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import dk.carepath.support.ScenarioCoverage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
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
 * One scenario per path through processes/citizen-call.bpmn, named after its outcome: who answered,
 * inside and outside the municipality's phone hours (a Friday afternoon, the day before Easter and
 * before Christmas), and each reason. The test municipality has the default phone hours:
 * Monday-Thursday 08:00-15:00, Friday 08:00-14:00.
 */
@CarepathTest
@ScenarioCoverage.Measures(CitizenCall.KEY)
class CitizenCallScenarioTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CallDriver driver;
    @Autowired
    PathwayDriver pathwayDriver;
    @Autowired
    Pathways pathways;
    @Autowired
    MonitoringPlans plans;
    @Autowired
    KitRegistry kits;
    @Autowired
    EquipmentFaults faults;
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

    static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        ZonedDateTime time = ZonedDateTime.of(year, month, day, hour, minute, 0, 0, COPENHAGEN);
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
        return time;
    }

    // ------------------------------------------------------------------ a health professional answers

    @Test
    void shouldGiveClinicalAdviceAtOnceWhenNurseAnswers() {
        UUID pathway = pathwayDriver.inTitration();
        UUID citizen = driver.citizenOf(pathway);
        CallView call = driver.nurseAnswers(citizen, CallReason.CLINICAL, "Spørger om vanddrivende medicin før en lang gåtur");
        ProcessInstance instance = driver.callInstance(call.id());

        assertThat(instance).hasPassed(Gateway_AnsweredBy.id()).hasNotPassed(Task_RegisterMessage.id()).isWaitingAt(Task_AdviseCitizen.id());
        Task task = driver.task(call.id(), Task_AdviseCitizen.id());
        assertThat(task).isAssignedTo("testmunicipalnurse").hasName("Giv råd og vejledning");
        // assigned to the nurse who answered, and open to her colleagues
        Assertions.assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId()).contains(PathwayDriver.MUNICIPAL_NURSES);
        Assertions.assertThat(tasks.getVariable(task.getId(), "citizenLabel")).asString().endsWith("-XXXX)");
        Assertions.assertThat(tasks.getVariable(task.getId(), "contactPurpose")).isEqualTo("CLINICAL_ADVICE");
        Assertions.assertThat(call.tellCitizen()).isNull();

        driver.complete(call.id(), Task_AdviseCitizen.id(), "testmunicipalnurse",
                Map.of("contactPurpose", "CLINICAL_ADVICE", "clinicalOutcome", "ADVICE_GIVEN", "adviceNote", "Tag medicinen som vanligt"));

        assertThat(instance).hasPassed(Event_ClinicalAdviceGiven.id(), Task_ClassifyContact.id(), Event_CallHandled.id()).isEnded();
        CallView handled = driver.call(call.id());
        Assertions.assertThat(handled.closed()).isTrue();
        Assertions.assertThat(handled.outcome()).isEqualTo("Råd og vejledning givet");
        ContactRegistrationView registration = handled.registration();
        Assertions.assertThat(registration.registeredAsContact()).isTrue();
        Assertions.assertThat(registration.contactKind()).isEqualTo("INCOMING_ANSWERED");
        Assertions.assertThat(registration.visitType()).isEqualTo("Tele");
        Assertions.assertThat(registration.patientFee()).isEqualByComparingTo("0");
        Assertions.assertThat(registration.noteType()).isEqualTo("Tfn");
        Assertions.assertThat(pathways.journal(pathway)).extracting(JournalView::summary)
                .contains("Giv råd og vejledning", "Opkald: Råd og vejledning givet", "Telefonkontakt registreret (Tele, Tfn)");
    }

    @Test
    void shouldReferCitizenToClinicOnDeteriorationWithinClinicHours() {
        at(2026, 11, 17, 10, 0); // Tuesday: the clinic is open 08:00-15:30
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.nurseAnswers(citizen, CallReason.CLINICAL, "Mere åndenød end i går, hævede ankler");
        ProcessInstance instance = driver.callInstance(call.id());
        Assertions.assertThat(tasks.getVariable(driver.task(call.id(), Task_AdviseCitizen.id()).getId(), "clinicOpen")).isEqualTo(true);

        driver.complete(call.id(), Task_AdviseCitizen.id(), "testmunicipalnurse",
                Map.of("contactPurpose", "CLINICAL_ADVICE", "clinicalOutcome", "DETERIORATION"));

        assertThat(instance)
                .hasPassed(Gateway_ClinicOpen.id(), Event_CitizenReferredToClinic.id(), Event_CallHandled.id())
                .hasNotPassed(Event_CitizenReferredToOutOfHoursCare.id());
        Assertions.assertThat(driver.call(call.id()).outcome()).isEqualTo("Borgeren henvist til hjertesvigtsklinikken");
    }

    @Test
    void shouldReferCitizenToGpLaegevagtOr112OnDeteriorationAfterTheClinicCloses() {
        at(2026, 11, 17, 16, 30); // Tuesday after 15:30: the clinic is closed
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.nurseAnswers(citizen, CallReason.CLINICAL, "Trykken for brystet");
        ProcessInstance instance = driver.callInstance(call.id());

        driver.complete(call.id(), Task_AdviseCitizen.id(), "testmunicipalnurse",
                Map.of("contactPurpose", "CLINICAL_ADVICE", "clinicalOutcome", "DETERIORATION"));

        assertThat(instance).hasPassed(Event_CitizenReferredToOutOfHoursCare.id()).hasNotPassed(Event_CitizenReferredToClinic.id())
                .isEnded();
        Assertions.assertThat(driver.call(call.id()).outcome()).isEqualTo("Borgeren henvist til egen læge, lægevagt eller 112");
    }

    @Test
    void shouldNotRegisterAPrescriptionRenewalCallAsAContact() {
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.nurseAnswers(citizen, CallReason.CLINICAL, "Skal have fornyet sin recept");
        driver.complete(call.id(), Task_AdviseCitizen.id(), "testmunicipalnurse",
                Map.of("contactPurpose", "PRESCRIPTION_RENEWAL", "clinicalOutcome", "ADVICE_GIVEN"));

        ContactRegistrationView registration = driver.call(call.id()).registration();
        Assertions.assertThat(registration.contactPurpose()).isEqualTo("PRESCRIPTION_RENEWAL");
        Assertions.assertThat(registration.registeredAsContact()).isFalse();
        Assertions.assertThat(registration.followUp()).isEqualTo("WATCH_LIST");
    }

    @Test
    void shouldGuideCitizenWhenTheTechnicalProblemIsUserRelated() {
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.nurseAnswers(citizen, CallReason.TECHNICAL, "Vægten viser ikke noget");
        ProcessInstance instance = driver.callInstance(call.id());
        Task task = driver.task(call.id(), Task_ClarifyTechnicalProblem.id());
        Assertions.assertThat((String) tasks.getVariable(task.getId(), "kitSummary")).startsWith("Kit KIT-").endsWith("(i brug)");

        driver.complete(call.id(), Task_ClarifyTechnicalProblem.id(), "testmunicipalnurse",
                Map.of("technicalOutcome", "USER_RELATED", "technicalNote", "Batteriet sad forkert"));

        assertThat(instance).hasPassed(Event_CitizenGuided.id(), Event_CallHandled.id()).isEnded();
        ContactRegistrationView registration = driver.call(call.id()).registration();
        Assertions.assertThat(registration.contactPurpose()).isEqualTo("TECHNICAL_SUPPORT");
        Assertions.assertThat(registration.registeredAsContact()).isFalse();
        Assertions.assertThat(registration.noteType()).isEqualTo("Utanbesöksanteckning");
        Assertions.assertThat(kits.hasKnownFault(citizen)).isFalse();
    }

    @Test
    void shouldTellCitizenToCallTheSupportLineWhenTheKitIsProbablyDefective() {
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.nurseAnswers(citizen, CallReason.TECHNICAL, "Tabletten tænder ikke");
        ProcessInstance instance = driver.callInstance(call.id());
        Assertions.assertThat((String) tasks.getVariable(driver.task(call.id(), Task_ClarifyTechnicalProblem.id()).getId(), "supportLine"))
                .isEqualTo("Fælles Servicecenter, tlf. +45 7020 3048 (mandag-fredag 07:00-16:00)");

        driver.complete(call.id(), Task_ClarifyTechnicalProblem.id(), "testmunicipalnurse", Map.of("technicalOutcome", "CITIZEN_CALLS_SUPPORT"));

        assertThat(instance).hasPassed(Event_CitizenReferredToSupportLine.id()).hasNotPassed(Task_FileFaultReport.id()).isEnded();
        Assertions.assertThat(faults.openFaultOf(citizen)).isEmpty();
    }

    @Test
    void shouldFileTheFaultReportWhichStartsEquipmentFaultWhenStaffReportIt() {
        UUID citizen = driver.citizenInTitration();
        String kit = kits.kitOf(citizen).orElseThrow().kitNumber();
        CallView call = driver.nurseAnswers(citizen, CallReason.TECHNICAL, "Tabletten er død");
        ProcessInstance instance = driver.callInstance(call.id());
        Task task = driver.task(call.id(), Task_ClarifyTechnicalProblem.id());
        Assertions.assertThatThrownBy(() -> pathwayDriver.complete(task, "testmunicipalnurse", Map.of("technicalOutcome", "FILE_FAULT_REPORT")))
                .hasRootCauseInstanceOf(FormValidationException.class).hasMessageContaining("Beskriv fejlen");

        driver.complete(call.id(), Task_ClarifyTechnicalProblem.id(), "testmunicipalnurse",
                Map.of("technicalOutcome", "FILE_FAULT_REPORT", "faultDescription", "Tabletten tænder ikke, heller ikke efter opladning"));

        assertThat(instance).hasPassed(Task_FileFaultReport.id(), Event_FaultReportFiled.id()).isEnded();
        var fault = faults.openFaultOf(citizen).orElseThrow();
        Assertions.assertThat(fault.kitNumber()).isEqualTo(kit);
        Assertions.assertThat(fault.reportedVia()).isEqualTo("CITIZEN_CALL");
        Assertions.assertThat(kits.kitOf(citizen).orElseThrow().status()).isEqualTo(KitStatus.FAULTY);
        Assertions.assertThat(kits.hasKnownFault(citizen)).isTrue();
        Assertions.assertThat(driver.faultInstance(fault.id())).isNotNull();
        Assertions.assertThat(driver.openTasks(fault.id(), EquipmentFault.Element.Task_ContactCitizenAboutFault.id())).hasSize(1);
        Assertions.assertThat(historicVariable(call.id(), "faultId")).isEqualTo(fault.id().toString());

        // a second call about the same dead tablet does not report it twice
        CallView again = driver.nurseAnswers(citizen, CallReason.TECHNICAL, "Tabletten er stadig død");
        driver.complete(again.id(), Task_ClarifyTechnicalProblem.id(), "testmunicipalnurse",
                Map.of("technicalOutcome", "FILE_FAULT_REPORT", "faultDescription", "Stadig død"));
        Assertions.assertThat(historicVariable(again.id(), "faultId")).isEqualTo(fault.id().toString());
    }

    @Test
    void shouldChangeTheMeasurementTimeInTheMonitoringPlan() {
        UUID pathway = pathwayDriver.inTitration();
        CallView call = driver.nurseAnswers(driver.citizenOf(pathway), CallReason.DEVIATION, "Er på arbejde kl. 8, kan måle kl. 6.30");
        ProcessInstance instance = driver.callInstance(call.id());
        Assertions.assertThat(tasks.getVariable(driver.task(call.id(), Task_HandleDeviation.id()).getId(), "currentMeasurementTime"))
                .isEqualTo("kl. 08:00");

        driver.complete(call.id(), Task_HandleDeviation.id(), "testmunicipalnurse",
                Map.of("deviationAction", "CHANGE_MEASUREMENT_TIME", "newMeasurementTime", "06:30", "deviationNote", "Arbejder om morgenen"));

        assertThat(instance).hasPassed(Task_ChangeMeasurementTime.id(), Event_MeasurementTimeChanged.id()).isEnded();
        Assertions.assertThat(plans.forPathway(pathway).orElseThrow().measurementTime()).isEqualTo(LocalTime.of(6, 30));
        Assertions.assertThat(pathways.journal(pathway)).extracting(JournalView::summary)
                .contains("Måletidspunkt ændret fra kl. 08:00 til kl. 06:30");
        Assertions.assertThat(driver.call(call.id()).registration().contactPurpose()).isEqualTo("MEASUREMENT_DEVIATION");
    }

    @Test
    void shouldPauseThePathwayWhenTheCitizenGoesOnHoliday() {
        at(2026, 6, 15, 10, 0); // Monday
        UUID pathway = pathwayDriver.inTitration();
        CallView call = driver.nurseAnswers(driver.citizenOf(pathway), CallReason.DEVIATION, "Skal på ferie i Spanien i to uger");
        ProcessInstance instance = driver.callInstance(call.id());

        driver.complete(call.id(), Task_HandleDeviation.id(), "testmunicipalnurse",
                Map.of("deviationAction", "PAUSE", "pauseLastDay", "2026-06-28", "deviationNote", "Ferie"));

        assertThat(instance).hasPassed(Task_RequestPause.id(), Event_PauseRequested.id()).isEnded();
        var view = pathways.require(pathway);
        Assertions.assertThat(view.pausedUntil()).isEqualTo(ZonedDateTime.of(2026, 6, 29, 0, 0, 0, 0, COPENHAGEN).toInstant());
        Assertions.assertThat(view.paused(ClockUtil.getCurrentTime().toInstant())).isTrue();
        assertThat(pathwayDriver.instance(pathway)).hasPassed(HeartFailurePathway.Element.Task_PauseMonitoring.id());
        Assertions.assertThat(pathwayDriver.timerWaiting(pathway, HeartFailurePathway.Element.Event_PauseEnded)).isTrue();
    }

    @Test
    void shouldRefuseAPauseBeforeMonitoringHasStarted() {
        UUID pathway = pathwayDriver.refer(PathwayDriver.eligibleFacts());
        pathwayDriver.includeByBothAssessments(pathway);
        CallView call = driver.nurseAnswers(driver.citizenOf(pathway), CallReason.DEVIATION, "Skal på ferie");
        Task task = driver.task(call.id(), Task_HandleDeviation.id());

        Assertions.assertThatThrownBy(() -> pathwayDriver.complete(task, "testmunicipalnurse",
                        Map.of("deviationAction", "PAUSE", "pauseLastDay", LocalDate.now().plusDays(7).toString())))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("en pause kan først oprettes, når monitoreringen er i gang");
        Assertions.assertThatThrownBy(() -> pathwayDriver.complete(task, "testmunicipalnurse",
                        Map.of("deviationAction", "CHANGE_MEASUREMENT_TIME", "newMeasurementTime", "kvart over")))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("Forløbet har endnu ingen måleplan")
                .hasMessageContaining("klokkeslæt som 08:00");
        assertThat(driver.callInstance(call.id())).isWaitingAt(Task_HandleDeviation.id());
        Assertions.assertThat(pathways.require(pathway).pausedUntil()).isNull();
    }

    // ------------------------------------------------------------------ the front desk answers

    @Test
    void shouldCreateSameDayCallBackWhenFrontDeskAnswersWithinPhoneHours() {
        at(2026, 11, 17, 10, 0); // Tuesday, phone hours 08:00-15:00
        UUID pathway = pathwayDriver.inTitration();
        CallView call = driver.frontDeskAnswers(driver.citizenOf(pathway), CallReason.CLINICAL, "Vil gerne tale med en sygeplejerske om sin vægt");

        ProcessInstance instance = driver.callInstance(call.id());
        assertThat(instance).hasPassed(Task_RegisterMessage.id(), Gateway_PhoneHours.id()).hasNotPassed(Event_PhoneHoursOpen.id())
                .isWaitingAt(Task_CallCitizenBack.id());
        Assertions.assertThat(call.withinPhoneHours()).isTrue();
        Assertions.assertThat(call.tellCitizen()).isEqualTo("En sygeplejerske ringer dig op i dag inden kl. 15:00.");
        Task callBack = driver.task(call.id(), Task_CallCitizenBack.id());
        assertThat(callBack).hasCandidateGroup(PathwayDriver.MUNICIPAL_NURSES).hasName("Ring borgeren op");
        Assertions.assertThat(callBack.getAssignee()).isNull();
        Assertions.assertThat(callBack.getPriority()).isEqualTo(60);
        Assertions.assertThat(callBack.getDueDate().toInstant()).isEqualTo(ZonedDateTime.of(2026, 11, 17, 15, 0, 0, 0, COPENHAGEN).toInstant());

        driver.complete(call.id(), Task_CallCitizenBack.id(), "testmunicipalnurse", Map.of("callBackResult", "REACHED"));
        Task advice = driver.task(call.id(), Task_AdviseCitizen.id());
        Assertions.assertThat(advice.getAssignee()).as("the nurse who called back goes on").isEqualTo("testmunicipalnurse");
        driver.complete(call.id(), Task_AdviseCitizen.id(), "testmunicipalnurse",
                Map.of("contactPurpose", "CLINICAL_ADVICE", "clinicalOutcome", "ADVICE_GIVEN"));

        assertThat(instance).hasPassed(Gateway_CitizenReached.id(), Event_ClinicalAdviceGiven.id(), Event_CallHandled.id()).isEnded();
        ContactRegistrationView registration = driver.call(call.id()).registration();
        Assertions.assertThat(registration.contactKind()).isEqualTo("CALL_BACK_FROM_QUEUE");
        Assertions.assertThat(registration.registeredAsContact()).as("a call-back from a queue is no phone contact [003]").isFalse();
        Assertions.assertThat(registration.noteType()).isEqualTo("Utanbesöksanteckning");
    }

    @Test
    void shouldCallBackOnMondayWhenFrontDeskAnswersOnFridayAfternoon() {
        at(2026, 11, 20, 14, 30); // Friday; the phone hours closed at 14:00
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.frontDeskAnswers(citizen, CallReason.TECHNICAL, "Tabletten siger ingen forbindelse");

        Assertions.assertThat(call.withinPhoneHours()).isFalse();
        Assertions.assertThat(call.tellCitizen())
                .isEqualTo("Telefontiden er slut. En sygeplejerske ringer dig først op næste hverdag, mandag den 23. november mellem kl. 08:00 og 15:00.");
        assertCallBackWaitsUntil(call, ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, COPENHAGEN), ZonedDateTime.of(2026, 11, 23, 15, 0, 0, 0, COPENHAGEN));
    }

    @Test
    void shouldCallBackAfterEasterWhenFrontDeskAnswersAfterHoursTheDayBeforeMaundyThursday() {
        at(2026, 4, 1, 16, 0); // Wednesday; Maundy Thursday 2 April to Easter Monday 6 April are public holidays
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.frontDeskAnswers(citizen, CallReason.CLINICAL, "Spørgsmål om sin puls");

        Assertions.assertThat(call.tellCitizen()).contains("tirsdag den 7. april");
        assertCallBackWaitsUntil(call, ZonedDateTime.of(2026, 4, 7, 8, 0, 0, 0, COPENHAGEN), ZonedDateTime.of(2026, 4, 7, 15, 0, 0, 0, COPENHAGEN));
    }

    @Test
    void shouldCallBackAfterChristmasWhenFrontDeskAnswersAfterHoursOn23December() {
        at(2026, 12, 23, 15, 30); // Wednesday; 24 December closed, 25 and 26 public holidays, then the weekend
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.frontDeskAnswers(citizen, CallReason.DEVIATION, "Holder jul hos datteren");

        Assertions.assertThat(call.tellCitizen()).contains("mandag den 28. december");
        assertCallBackWaitsUntil(call, ZonedDateTime.of(2026, 12, 28, 8, 0, 0, 0, COPENHAGEN), ZonedDateTime.of(2026, 12, 28, 15, 0, 0, 0, COPENHAGEN));
    }

    @Test
    void shouldCallBackTheSameDayWhenFrontDeskAnswersBeforeThePhoneHoursOpen() {
        at(2026, 11, 17, 7, 30); // Tuesday, before 08:00
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.frontDeskAnswers(citizen, CallReason.CLINICAL, "Ringer inden telefontiden");

        Assertions.assertThat(call.withinPhoneHours()).isFalse();
        Assertions.assertThat(call.tellCitizen()).isEqualTo("Telefontiden er ikke begyndt endnu. En sygeplejerske ringer dig op i dag mellem kl. 08:00 og 15:00.");
        assertCallBackWaitsUntil(call, ZonedDateTime.of(2026, 11, 17, 8, 0, 0, 0, COPENHAGEN), ZonedDateTime.of(2026, 11, 17, 15, 0, 0, 0, COPENHAGEN));
    }

    @Test
    void shouldCloseTheCallWithoutContactWhenTheCitizenIsNotReached() {
        at(2026, 11, 17, 11, 0);
        UUID citizen = driver.citizenInTitration();
        CallView call = driver.frontDeskAnswers(citizen, CallReason.CLINICAL, "Ring venligst tilbage");
        ProcessInstance instance = driver.callInstance(call.id());

        driver.complete(call.id(), Task_CallCitizenBack.id(), "testmunicipalnurse",
                Map.of("callBackResult", "NOT_REACHED", "callBackNote", "Lagt besked på telefonsvareren"));

        assertThat(instance).hasPassed(Event_CitizenNotReached.id(), Task_ClassifyContact.id(), Event_CallHandled.id())
                .hasNotPassed(SubProcess_HandleCall.id()).isEnded();
        CallView closed = driver.call(call.id());
        Assertions.assertThat(closed.outcome()).isEqualTo("Borgeren ikke truffet");
        Assertions.assertThat(closed.registration().contactKind()).isEqualTo("CALL_BACK_UNANSWERED");
        Assertions.assertThat(closed.registration().registeredAsContact()).isFalse();
    }

    @Test
    void shouldRefuseACallBackResultThatIsNotAChoice() {
        at(2026, 11, 17, 11, 0);
        CallView call = driver.frontDeskAnswers(driver.citizenInTitration(), CallReason.CLINICAL, "Ring tilbage");
        Task task = driver.task(call.id(), Task_CallCitizenBack.id());

        Assertions.assertThatThrownBy(() -> pathwayDriver.complete(task, "testmunicipalnurse", Map.of("callBackResult", "MAYBE")))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasMessageContaining("Resultat skal være en af Borgeren kunne ikke træffes (NOT_REACHED), "
                        + "Borgeren er truffet – fortsæt med henvendelsen (REACHED), ikke 'MAYBE'");
    }

    // ------------------------------------------------------------------ helpers

    /** The call waits for the next phone hours; when they open, the call-back is due at their close. */
    private void assertCallBackWaitsUntil(CallView call, ZonedDateTime opens, ZonedDateTime due) {
        ProcessInstance instance = driver.callInstance(call.id());
        assertThat(instance).hasPassed(Task_RegisterMessage.id()).isWaitingAt(Event_PhoneHoursOpen.id());
        Assertions.assertThat(driver.openTasks(call.id(), Task_CallCitizenBack.id())).isEmpty();
        Assertions.assertThat(driver.timer(call.id(), Event_PhoneHoursOpen.id()).getDuedate().toInstant()).isEqualTo(opens.toInstant());
        Assertions.assertThat(call.callBackFrom()).isEqualTo(opens.toInstant());
        Assertions.assertThat(call.callBackDue()).isEqualTo(due.toInstant());

        ClockUtil.setCurrentTime(Date.from(opens.toInstant()));
        driver.fireTimer(call.id(), Event_PhoneHoursOpen.id());

        Task callBack = driver.task(call.id(), Task_CallCitizenBack.id());
        assertThat(callBack).hasCandidateGroup(PathwayDriver.MUNICIPAL_NURSES);
        Assertions.assertThat(callBack.getDueDate().toInstant()).isEqualTo(due.toInstant());
        Assertions.assertThat(tasks.getVariable(callBack.getId(), "callBackPromise")).isEqualTo(call.tellCitizen());
    }

    private Object historicVariable(UUID call, String name) {
        var historic = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(call.toString()).singleResult();
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(historic.getId()).variableName(name)
                .singleResult().getValue();
    }
}
