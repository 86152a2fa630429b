package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.equipment.EquipmentFaults;
import dk.carepath.equipment.FaultView;
import dk.carepath.measurement.IntakeResult;
import dk.carepath.measurement.MeasurementIntake;
import dk.carepath.pathway.ClinicalFacts;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.Party;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.Phase;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.pathway.ReferralSource;
import dk.carepath.pathway.Referrals;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each shipped region pack drives a citizen from referral to discharge, on the tests' database, with
 * its own settings and organisations: the inclusion rule on MitID, the plan's default thresholds and
 * reassessment interval, the clinic's and the service center's teams, who monitors after the
 * start-up, the colour against the region's thresholds, the out-of-hours advice, the service
 * center's support line and service level of a kit fault, and the discharge to the region's GP.
 * The expectations are read from the pack itself, so a changed pack is tested as it is.
 */
@CarepathTest
class RegionPathwaysTest {

    @Autowired
    Regions regions;
    @Autowired
    Referrals referrals;
    @Autowired
    PathwayDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;
    @Autowired
    Organisations organisations;
    @Autowired
    MeasurementIntake intake;
    @Autowired
    EquipmentFaults faults;
    @Autowired
    dk.carepath.equipment.ServiceCenter serviceCenter;

    String user(String organisation, Role role) {
        // Camunda user ids are letters and digits
        String id = (organisation + role.name()).replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var u = identity.newUser(id);
            u.setFirstName(id);
            u.setLastName("Test");
            u.setPassword("secret");
            identity.saveUser(u);
        }
        staff.enrol(id, new Membership(organisation, role), organisations.find(organisation).orElseThrow().name());
        return id;
    }

    void complete(UUID pathway, Element element, String user, Map<String, ?> form) {
        Task task = driver.task(pathway, element);
        driver.complete(task, user, form);
        driver.runJobs(pathway);
    }

    /** refers a new citizen of the municipality to the clinic; the pathway is in the clinic's region */
    UUID refer(String clinic, String municipality, String gp, ClinicalFacts facts, String region) {
        String cpr = PathwayDriver.newCpr();
        PathwayView referred = referrals.refer(new ReferralRequest(new ReferralRequest.CitizenDetails(cpr, "Borger " + region, "+4512345678",
                PathwayDriver.citizenMail(cpr), "Vej 1", municipality, gp), ReferralSource.HF_CLINIC, clinic, clinic, "Dr. Region",
                facts, null));
        driver.runJobs(referred.id());
        assertThat(referred.region()).as("the pathway's region is its clinic's").isEqualTo(region);
        assertThat(runtime.getVariable(driver.instance(referred.id()).getId(), "region")).isEqualTo(region);
        return referred.id();
    }

    List<String> candidates(UUID pathway, Element element) {
        return tasks.getIdentityLinksForTask(driver.task(pathway, element).getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MIDT, hjerteklinik-auh, kommune-751, laege-aarhus-c",
            "SYD, hjerteklinik-ouh, kommune-461, laege-odense-c",
            "NORD, hjerteklinik-aauh, kommune-851, laege-aalborg-c"})
    void aCitizenGoesFromReferralToDischargeWithHerRegionsSettings(String region, String clinic, String municipality, String gp) throws InterruptedException {
        RegionPack pack = regions.require(region);
        String cardiologist = user(clinic, Role.CARDIOLOGIST);
        String nurse = user(clinic, Role.HF_NURSE);
        String service = user(pack.serviceCenter().organisation(), Role.SERVICE_CENTER);

        // a citizen without MitID: included where the region does not require it, refused where it does
        ClinicalFacts withoutMitId = new ClinicalFacts(30, true, true, true, true, true, true, true, true, true, false);
        UUID pathway = refer(clinic, municipality, gp, withoutMitId, region);
        if (pack.mitIdRequired()) {
            assertThat(driver.openTasks(pathway, Element.Task_ConfirmRejection)).as("refused without MitID").hasSize(1);
            pathway = refer(clinic, municipality, gp, PathwayDriver.eligibleFacts(), region);
        }
        assertThat(candidates(pathway, Element.Task_CardiologicalAssessment)).containsExactly(clinic + ".cardiologist");
        complete(pathway, Element.Task_CardiologicalAssessment, cardiologist,
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %"));
        complete(pathway, Element.Task_NursingAssessment, nurse, Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret"));

        // the plan form starts from the region's thresholds and reassessment interval
        Task plan = driver.task(pathway, Element.Task_SetMonitoringPlan);
        Map<String, Object> planFields = tasks.getVariables(plan.getId());
        List<BigDecimal> pulse = pack.thresholds().get("pulse");
        assertThat(planFields).containsEntry("pulseYellowHigh", pulse.get(2).intValueExact())
                .containsEntry("reassessmentIntervalWeeks", pack.reassessmentIntervalWeeks());
        complete(pathway, Element.Task_SetMonitoringPlan, cardiologist, Map.of("referenceWeightKg", 80.0));

        // the region's service center installs the kit
        assertThat(candidates(pathway, Element.Task_InstallKit)).containsExactly(pack.serviceCenter().organisation() + ".service-center");
        complete(pathway, Element.Task_InstallKit, service, Map.of("kitNumber", "KIT-" + UUID.randomUUID().toString().substring(0, 8),
                "instructionGiven", true));
        complete(pathway, Element.Task_CallCitizenAfterSetup, nurse, Map.of("setupStatus", "WORKS"));
        driver.fireTimer(pathway, Element.Event_StartupPeriodEnded);
        complete(pathway, Element.Task_ConcludeStartup, nurse, Map.of());

        // who monitors after the start-up is the region's agreement
        PathwayView titration = driver.pathway(pathway);
        assertThat(titration.phase()).isEqualTo(Phase.TITRATION);
        assertThat(titration.monitoringResponsible()).isEqualTo(pack.municipalMonitoringAfterStart() ? Party.MUNICIPALITY : Party.CLINIC);
        assertThat(titration.monitoringOrganisationId()).isEqualTo(pack.municipalMonitoringAfterStart() ? municipality : clinic);

        // a pulse at the region's yellow threshold is yellow; at its red one red, with the region's out-of-hours advice
        UUID citizen = titration.citizenId();
        IntakeResult yellow = intake.receive("region-test", "y-" + UUID.randomUUID(), citizen, MeasurementType.PULSE, pulse.get(2), null,
                List.of(), "/min", Instant.now().minus(5, ChronoUnit.MINUTES));
        assertThat(yellow.colour()).hasToString("YELLOW");
        IntakeResult red = intake.receive("region-test", "r-" + UUID.randomUUID(), citizen, MeasurementType.PULSE, pulse.get(3), null,
                List.of(), "/min", Instant.now().minus(4, ChronoUnit.MINUTES));
        assertThat(red.colour()).hasToString("RED");
        assertThat(red.advice()).contains(pack.outOfHours().advice() != null ? pack.outOfHours().advice() : pack.outOfHours().phone());
        // the red is escalated after its intake: the task goes to whoever monitors in this region (and the discharge
        // below does not race the escalation)
        long until = System.currentTimeMillis() + 20_000;
        while (driver.openTasks(pathway, Element.Task_ReviewRedMeasurement).isEmpty()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the red pulse of " + pathway + " gave no task");
            }
            Thread.sleep(100);
        }
        assertThat(candidates(pathway, Element.Task_ReviewRedMeasurement)).containsExactly(pack.municipalMonitoringAfterStart()
                ? municipality + ".municipal-nurse" : clinic + ".hf-nurse");

        // a kit fault: the service level of the region's service center, its support line
        FaultView fault = faults.report(citizen, "Vægten tænder ikke", "PHONE");
        assertThat(fault.serviceLevelDue()).isEqualTo(serviceCenter.serviceLevelDue(region, fault.reportedAt()));
        assertThat(serviceCenter.supportLine(region)).startsWith(pack.serviceCenter().name() + ", tlf. " + pack.serviceCenter().supportPhone());

        // discharged to the citizen's GP at the reassessment
        driver.fireTimer(pathway, Element.Event_ReassessmentDue);
        Map<String, Object> reassessment = new HashMap<>();
        reassessment.put("reassessmentOutcome", "DISCHARGE_TO_GP");
        reassessment.put("treatmentResponsible", "GP");
        reassessment.put("monitoringResponsible", "NONE");
        reassessment.put("reassessmentNote", "Stabil, afsluttes til egen læge");
        complete(pathway, Element.Task_Reassess, cardiologist, reassessment);
        PathwayView discharged = driver.pathway(pathway);
        assertThat(discharged.treatmentResponsible()).isEqualTo(Party.GP);
        assertThat(discharged.treatmentOrganisationId()).isEqualTo(gp);
        assertThat(candidates(pathway, Element.Task_CollectKit)).containsExactly(pack.serviceCenter().organisation() + ".service-center");
    }
}
