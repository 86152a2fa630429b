package dk.carepath.equipment;

import static dk.carepath.equipment.EquipmentFault.Element.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import dk.carepath.engine.FormValidationException;
import dk.carepath.pathway.JournalView;
import dk.carepath.pathway.Pathways;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import dk.carepath.support.ScenarioCoverage;
import dk.carepath.support.TestMail;
import dk.carepath.web.ProblemException;
import java.time.Duration;
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
 * One scenario per path through processes/equipment-fault.bpmn, named after its outcome: solved
 * remotely, at a home visit, swapped (directly or after a visit), not a kit fault, and a breach of
 * the service level. Service level PT4H in the service center's support hours, weekdays 07-16.
 */
@CarepathTest
@ScenarioCoverage.Measures(EquipmentFault.KEY)
class EquipmentFaultScenarioTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Autowired
    ProcessEngine engine;
    @Autowired
    CallDriver driver;
    @Autowired
    PathwayDriver pathwayDriver;
    @Autowired
    KitRegistry kits;
    @Autowired
    EquipmentFaults faults;
    @Autowired
    Pathways pathways;
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

    @Test
    void shouldCloseTheFaultWhenTheServiceCenterSolvesItRemotely() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 17, 9, 0, 0, 0, COPENHAGEN).toInstant())); // Tuesday
        UUID citizen = driver.citizenInTitration();
        String kit = kits.kitOf(citizen).orElseThrow().kitNumber();
        FaultView fault = driver.reportFault(citizen, "Vægten sender ikke målinger");
        ProcessInstance instance = driver.faultInstance(fault.id());

        Assertions.assertThat(kits.kitOf(citizen).orElseThrow().status()).isEqualTo(KitStatus.FAULTY);
        Assertions.assertThat(kits.hasKnownFault(citizen)).as("missing-measurement alarms are suppressed").isTrue();
        Task contact = driver.task(fault.id(), Task_ContactCitizenAboutFault.id());
        assertThat(contact).hasCandidateGroup(PathwayDriver.SERVICE_CENTER_STAFF).hasName("Kontakt borgeren om fejlen på telekittet");
        Assertions.assertThat(contact.getPriority()).isEqualTo(60);
        Assertions.assertThat(contact.getDueDate().toInstant()).isEqualTo(ZonedDateTime.of(2026, 11, 17, 13, 0, 0, 0, COPENHAGEN).toInstant());
        Assertions.assertThat(tasks.getVariable(contact.getId(), "kitNumber")).isEqualTo(kit);

        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice",
                Map.of("faultAssessment", "SOLVED_REMOTELY", "contactNote", "Vægten parret igen via telefon"));

        assertThat(instance).hasPassed(Task_CloseFaultAsSolved.id(), Event_FaultSolved.id()).isEnded();
        Assertions.assertThat(kits.kitOf(citizen).orElseThrow().status()).isEqualTo(KitStatus.IN_USE);
        Assertions.assertThat(kits.hasKnownFault(citizen)).isFalse();
        FaultView solved = faults.find(fault.id()).orElseThrow();
        Assertions.assertThat(solved.status()).isEqualTo(FaultStatus.SOLVED);
        Assertions.assertThat(solved.resolutionNote()).contains("Vægten parret igen via telefon");
        Assertions.assertThat(solved.serviceLevelBreached()).isFalse();
    }

    @Test
    void shouldCloseTheFaultAfterAHomeVisit() {
        UUID citizen = driver.citizenInTitration();
        FaultView fault = driver.reportFault(citizen, "Blodtryksapparatet giver fejlkode");
        ProcessInstance instance = driver.faultInstance(fault.id());
        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice", Map.of("faultAssessment", "HOME_VISIT"));
        assertThat(driver.task(fault.id(), Task_VisitCitizenAtHome.id())).hasCandidateGroup(PathwayDriver.SERVICE_CENTER_STAFF);

        driver.complete(fault.id(), Task_VisitCitizenAtHome.id(), "testservice", Map.of("homeVisitResult", "SOLVED", "visitNote", "Ny manchet"));

        assertThat(instance).hasPassed(Task_VisitCitizenAtHome.id(), Event_FaultSolved.id()).hasNotPassed(Task_SwapKit.id()).isEnded();
        Assertions.assertThat(faults.find(fault.id()).orElseThrow().resolutionNote()).contains("Ny manchet");
        Assertions.assertThat(kits.hasKnownFault(citizen)).isFalse();
    }

    @Test
    void shouldSwapTheKitAndTellTheMonitoringNurseWhichKitTheCitizenNowHas() {
        UUID pathway = pathwayDriver.inTitration();
        UUID citizen = driver.citizenOf(pathway);
        String oldKit = kits.kitOf(citizen).orElseThrow().kitNumber();
        String newKit = "KIT-SWAP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        FaultView fault = driver.reportFault(citizen, "Tabletten er død");
        ProcessInstance instance = driver.faultInstance(fault.id());
        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice", Map.of("faultAssessment", "SWAP_KIT"));
        Assertions.assertThat(kits.hasKnownFault(citizen)).as("still faulty until swapped").isTrue();

        driver.complete(fault.id(), Task_SwapKit.id(), "testservice", Map.of("newKitNumber", newKit.toLowerCase(), "swapNote", "Byttet på adressen"));

        KitView now = kits.kitOf(citizen).orElseThrow();
        Assertions.assertThat(now.kitNumber()).isEqualTo(newKit);
        Assertions.assertThat(now.status()).isEqualTo(KitStatus.IN_USE);
        KitView old = kits.find(oldKit).orElseThrow();
        Assertions.assertThat(old.status()).as("swapped out, for repair").isEqualTo(KitStatus.SWAPPED);
        Assertions.assertThat(old.citizenId()).isNull();
        Assertions.assertThat(kits.hasKnownFault(citizen)).isFalse();
        Assertions.assertThat(faults.find(fault.id()).orElseThrow().newKitNumber()).isEqualTo(newKit);
        Assertions.assertThat(kits.historyOf(citizen)).extracting(KitEventView::kitNumber, KitEventView::status)
                .contains(Assertions.tuple(oldKit, KitStatus.FAULTY), Assertions.tuple(oldKit, KitStatus.SWAPPED),
                        Assertions.tuple(newKit, KitStatus.IN_USE));

        Task check = driver.task(fault.id(), Task_CheckMeasurementsAfterSwap.id());
        assertThat(check).hasCandidateGroup(PathwayDriver.CLINIC_NURSES).hasName("Nyt telekit hos borgeren: tjek målingerne");
        Assertions.assertThat(tasks.getVariable(check.getId(), "newKitNumber")).isEqualTo(newKit);
        Assertions.assertThat(tasks.getVariable(check.getId(), "kitNumber")).isEqualTo(oldKit);
        driver.complete(fault.id(), Task_CheckMeasurementsAfterSwap.id(), "testnurse", Map.of("newKitCheck", "MEASUREMENTS_RECEIVED"));

        assertThat(instance).hasPassed(Task_SwapKit.id(), Event_KitSwapped.id()).isEnded();
        Assertions.assertThat(pathways.journal(pathway)).extracting(JournalView::summary)
                .contains("Byt telekittet hos borgeren", "Nyt telekit hos borgeren: tjek målingerne");
    }

    @Test
    void shouldSwapTheKitAfterAHomeVisitAndTellTheMunicipalNurseWhenMonitoringWasHandedOver() {
        UUID pathway = pathwayDriver.inTitration();
        pathwayDriver.reassess(pathway, "HANDOVER", "CLINIC", "MUNICIPALITY", Map.of());
        UUID citizen = driver.citizenOf(pathway);
        FaultView fault = driver.reportFault(citizen, "Pulsmåleren er knækket");
        ProcessInstance instance = driver.faultInstance(fault.id());
        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice", Map.of("faultAssessment", "HOME_VISIT"));
        driver.complete(fault.id(), Task_VisitCitizenAtHome.id(), "testservice", Map.of("homeVisitResult", "SWAP_KIT"));
        driver.complete(fault.id(), Task_SwapKit.id(), "testservice", Map.of("newKitNumber", "KIT-HV-" + UUID.randomUUID().toString().substring(0, 6)));

        assertThat(instance).hasPassed(Gateway_HomeVisitResult.id(), Task_SwapKit.id()).isWaitingAt(Task_CheckMeasurementsAfterSwap.id());
        assertThat(driver.task(fault.id(), Task_CheckMeasurementsAfterSwap.id())).hasCandidateGroup(PathwayDriver.MUNICIPAL_NURSES);
    }

    @Test
    void shouldRefuseASwapToAKitThatAnotherCitizenHas() {
        UUID citizen = driver.citizenInTitration();
        String othersKit = kits.kitOf(driver.citizenInTitration()).orElseThrow().kitNumber();
        FaultView fault = driver.reportFault(citizen, "Tabletten er død");
        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice", Map.of("faultAssessment", "SWAP_KIT"));
        Task swap = driver.task(fault.id(), Task_SwapKit.id());

        Assertions.assertThatThrownBy(() -> pathwayDriver.complete(swap, "testservice", Map.of("newKitNumber", othersKit)))
                .hasRootCauseInstanceOf(FormValidationException.class).hasMessageContaining("er allerede registreret hos en anden borger");
        Assertions.assertThat(kits.kitOf(citizen).orElseThrow().status()).isEqualTo(KitStatus.FAULTY);
        Assertions.assertThat(kits.hasKnownFault(citizen)).isTrue();
    }

    @Test
    void shouldPassAQuestionThatIsNotAboutTheKitToTheMonitoringNurse() {
        UUID citizen = driver.citizenInTitration();
        FaultView fault = driver.reportFault(citizen, "Borgeren forstår ikke de gule målinger");
        ProcessInstance instance = driver.faultInstance(fault.id());
        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice",
                Map.of("faultAssessment", "NOT_TECHNICAL", "contactNote", "Udstyret virker; spørger til sine værdier"));

        Assertions.assertThat(kits.kitOf(citizen).orElseThrow().status()).isEqualTo(KitStatus.IN_USE);
        Assertions.assertThat(faults.find(fault.id()).orElseThrow().status()).isEqualTo(FaultStatus.NOT_TECHNICAL);
        Task followUp = driver.task(fault.id(), Task_FollowUpNonTechnicalQuestion.id());
        assertThat(followUp).hasCandidateGroup(PathwayDriver.CLINIC_NURSES);
        Assertions.assertThat(tasks.getVariable(followUp.getId(), "contactNote")).isEqualTo("Udstyret virker; spørger til sine værdier");
        driver.complete(fault.id(), Task_FollowUpNonTechnicalQuestion.id(), "testnurse", Map.of("followUpNote", "Gennemgået målingerne med borgeren"));

        assertThat(instance).hasPassed(Task_CloseFaultAsNotTechnical.id(), Event_QuestionPassedToMonitoringNurse.id()).isEnded();
    }

    @Test
    void shouldEscalateWhenTheServiceLevelIsBreached() {
        // Friday 15:00: one support hour left on Friday, three on Monday from 07:00
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 20, 15, 0, 0, 0, COPENHAGEN).toInstant()));
        UUID citizen = driver.citizenInTitration();
        FaultView fault = driver.reportFault(citizen, "Ingen forbindelse");
        ProcessInstance instance = driver.faultInstance(fault.id());
        Assertions.assertThat(fault.serviceLevelDue()).isEqualTo(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, COPENHAGEN).toInstant());
        Assertions.assertThat(driver.timer(fault.id(), Event_ServiceLevelBreached.id()).getDuedate().toInstant()).isEqualTo(fault.serviceLevelDue());

        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 23, 10, 1, 0, 0, COPENHAGEN).toInstant()));
        driver.fireTimer(fault.id(), Event_ServiceLevelBreached.id());

        assertThat(instance).hasPassed(Task_EscalateServiceLevelBreach.id(), Event_ServiceLevelBreachEscalated.id())
                .isWaitingAt(Task_ContactCitizenAboutFault.id());
        Assertions.assertThat(driver.task(fault.id(), Task_ContactCitizenAboutFault.id()).getPriority()).isEqualTo(100);
        Assertions.assertThat(faults.find(fault.id()).orElseThrow().serviceLevelBreached()).isTrue();
        var mail = TestMail.await(TestMail.to(CallDriver.SERVICE_CENTER_MAIL).and(TestMail.containing(fault.id().toString())), 1,
                Duration.ofSeconds(20)).get(0);
        Assertions.assertThat(TestMail.body(mail)).contains(fault.kitNumber()).contains("23-11-2026 kl. 10:00")
                .doesNotContain("Test Borger");

        driver.complete(fault.id(), Task_ContactCitizenAboutFault.id(), "testservice", Map.of("faultAssessment", "SOLVED_REMOTELY"));
        assertThat(instance).hasPassed(Event_FaultSolved.id()).isEnded();
    }

    @Test
    void shouldRefuseASecondReportWhileTheKitIsReportedFaulty() {
        UUID citizen = driver.citizenInTitration();
        FaultView first = driver.reportFault(citizen, "Tabletten er død");

        Assertions.assertThatThrownBy(() -> driver.reportFault(citizen, "Tabletten er stadig død"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("already reported faulty (fault " + first.id());
        Assertions.assertThat(faults.openFaultOf(citizen).orElseThrow().id()).isEqualTo(first.id());
    }
}
