package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.measurement.IntakeResult;
import dk.carepath.measurement.MeasurementIntake;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.pathway.PathwayView;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.pathway.ReferralSource;
import dk.carepath.pathway.Referrals;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Each region's models run under its own Camunda tenant: a referral starts its region's definition,
 * and a new version of one region's pathway and rules, deployed from the Modeler by that region's
 * process owner, is live at once for that region's new pathways only: another region's running and
 * new pathways, and the region's own running ones, keep their versions and their rules.
 */
@CarepathTest
class TenantModelsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Referrals referrals;
    @Autowired
    PathwayDriver driver;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;
    @Autowired
    Organisations organisations;
    @Autowired
    MeasurementIntake intake;
    @Autowired
    ModelDeployments deployments;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void startAsShipped() {
        // the shipped models again for every region, as the next start-up would deploy them
        deployments.postProcessEngineBuild(engine);
        assertThat(deployments.refused()).isEmpty();
    }

    String user(String organisation, Role role) {
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

    String processOwner(String region) {
        return user("region-" + region.toLowerCase(), Role.PROCESS_OWNER);
    }

    UUID refer(String clinic, String municipality) {
        String cpr = PathwayDriver.newCpr();
        PathwayView pathway = referrals.refer(new ReferralRequest(new ReferralRequest.CitizenDetails(cpr, "Borger " + cpr, "+4512345678",
                null, "Vej 3", municipality, null), ReferralSource.HF_CLINIC, clinic, clinic, "Dr. Tenant", PathwayDriver.eligibleFacts(), null));
        driver.runJobs(pathway.id());
        return pathway.id();
    }

    void complete(UUID pathway, Element element, String user, Map<String, ?> form) {
        driver.complete(driver.task(pathway, element), user, form);
        driver.runJobs(pathway);
    }

    /** a pathway of the clinic's region in titration: included, plan set, kit installed, start-up concluded */
    UUID inTitration(String clinic, String municipality, String serviceCenter) {
        String cardiologist = user(clinic, Role.CARDIOLOGIST);
        String nurse = user(clinic, Role.HF_NURSE);
        UUID pathway = refer(clinic, municipality);
        complete(pathway, Element.Task_CardiologicalAssessment, cardiologist, Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %"));
        complete(pathway, Element.Task_NursingAssessment, nurse, Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret"));
        complete(pathway, Element.Task_SetMonitoringPlan, cardiologist, Map.of("referenceWeightKg", 80.0));
        complete(pathway, Element.Task_InstallKit, user(serviceCenter, Role.SERVICE_CENTER),
                Map.of("kitNumber", "KIT-" + UUID.randomUUID().toString().substring(0, 8), "instructionGiven", true));
        complete(pathway, Element.Task_CallCitizenAfterSetup, nurse, Map.of("setupStatus", "WORKS"));
        driver.fireTimer(pathway, Element.Event_StartupPeriodEnded);
        complete(pathway, Element.Task_ConcludeStartup, nurse, Map.of());
        return pathway;
    }

    String pulse(UUID pathway, int bpm) {
        IntakeResult result = intake.receive("tenant-test", "p-" + UUID.randomUUID(), driver.pathway(pathway).citizenId(), MeasurementType.PULSE,
                BigDecimal.valueOf(bpm), null, List.of(), "/min", Instant.now().minus(3, ChronoUnit.MINUTES));
        return String.valueOf(result.colour());
    }

    ProcessDefinition definition(UUID pathway) {
        return repository.getProcessDefinition(driver.instance(pathway).getProcessDefinitionId());
    }

    ProcessDefinition latest(String region) {
        return repository.createProcessDefinitionQuery().processDefinitionKey("heart-failure-pathway").tenantIdIn(region).latestVersion()
                .singleResult();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"MIDT, hjerteklinik-auh, kommune-751", "SYD, hjerteklinik-ouh, kommune-461", "NORD, hjerteklinik-aauh, kommune-851",
            "TEST, test-clinic, test-municipality"})
    void aReferralStartsItsRegionsOwnDefinitionWithEveryRegionsDeployed(String region, String clinic, String municipality) {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("heart-failure-pathway").latestVersion().list())
                .extracting(ProcessDefinition::getTenantId).as("a definition per region: a start message alone would match several")
                .contains("MIDT", "SYD", "NORD", "TEST");
        UUID pathway = refer(clinic, municipality);
        assertThat(driver.instance(pathway).getTenantId()).isEqualTo(region);
        assertThat(definition(pathway).getId()).isEqualTo(latest(region).getId());
        assertThat(driver.openTasks(pathway, Element.Task_CardiologicalAssessment)).hasSize(1);
    }

    /** the shipped pathway with another task name and the colour rules with pulse 90 red: NORD's new version */
    MultiValueMap<String, Object> nordVersion(String tenant) throws Exception {
        String bpmn = Files.readString(Path.of("processes/heart-failure-pathway.bpmn")).replace(
                "name=\"Sygeplejefaglig vurdering af inklusion\"", "name=\"Sygeplejefaglig vurdering af inklusion (Nord)\"");
        String dmn = Files.readString(Path.of("rules/measurement-colour.dmn")).replace("<text>&gt;= pulseRedHigh</text>", "<text>&gt;= 90</text>");
        assertThat(bpmn).contains("(Nord)");
        assertThat(dmn).contains("&gt;= 90</text>");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "heart-failure-pathway.bpmn");
        if (tenant != null) {
            parts.add("tenant-id", tenant);
        }
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("heart-failure-pathway.bpmn", file("heart-failure-pathway.bpmn", bpmn.getBytes(StandardCharsets.UTF_8)));
        parts.add("measurement-colour.dmn", file("measurement-colour.dmn", dmn.getBytes(StandardCharsets.UTF_8)));
        try (var forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.sorted().toList()) {
                parts.add(form.getFileName().toString(), file(form.getFileName().toString(), Files.readAllBytes(form)));
            }
        }
        return parts;
    }

    ResponseEntity<JsonNode> deployFromTheModeler(String user, MultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "secret").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
    }

    static HttpEntity<ByteArrayResource> file(String name, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDispositionFormData(name, name);
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, headers);
    }

    @Test
    void aNewNordVersionAndItsRulesAreLiveForNordsNewPathwaysOnly() throws Exception {
        UUID midtRunning = inTitration("hjerteklinik-auh", "kommune-751", "fsc-midt");
        UUID nordRunning = inTitration("hjerteklinik-aauh", "kommune-851", "tcn-nord");
        ProcessDefinition midt = latest("MIDT");
        ProcessDefinition nordBefore = latest("NORD");
        assertThat(pulse(nordRunning, 90)).as("NORD's pack: yellow from 95").isEqualTo("GREEN");
        assertThat(pulse(midtRunning, 90)).as("MIDT's pack: yellow from 90").isEqualTo("YELLOW");

        // NORD's process owner deploys a new pathway and colour rule from the Modeler: live without a restart
        ResponseEntity<JsonNode> deployed = deployFromTheModeler(processOwner("NORD"), nordVersion("NORD"));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        ProcessDefinition nordNew = latest("NORD");
        assertThat(nordNew.getVersion()).isEqualTo(nordBefore.getVersion() + 1);
        assertThat(nordNew.getDeploymentId()).isEqualTo(deployed.getBody().path("id").asText());

        UUID nordFresh = inTitration("hjerteklinik-aauh", "kommune-851", "tcn-nord");
        UUID midtFresh = inTitration("hjerteklinik-auh", "kommune-751", "fsc-midt");
        assertThat(definition(nordFresh).getId()).as("NORD's new pathway runs NORD's new version").isEqualTo(nordNew.getId());
        assertThat(definition(midtFresh).getId()).as("MIDT's new pathway stays on MIDT's version").isEqualTo(midt.getId());
        assertThat(definition(midtRunning).getId()).isEqualTo(midt.getId());
        assertThat(definition(nordRunning).getId()).as("NORD's running pathway stays on its version").isEqualTo(nordBefore.getId());
        assertThat(latest("MIDT").getId()).isEqualTo(midt.getId());
        assertThat(repository.createProcessDefinitionQuery().deploymentId(nordNew.getDeploymentId()).singleResult().getTenantId()).isEqualTo("NORD");

        // the version's rules colour its pathway's measurements: the same pulse, three colours
        assertThat(pulse(nordFresh, 90)).as("NORD's new rule").isEqualTo("RED");
        assertThat(pulse(nordRunning, 90)).as("the rules of NORD's previous version").isEqualTo("GREEN");
        assertThat(pulse(midtFresh, 90)).as("MIDT's rules").isEqualTo("YELLOW");
        assertThat(pulse(midtRunning, 90)).isEqualTo("YELLOW");
        // the new version's task name, and its inclusion rule from NORD's start-up deployment (the Modeler sent no copy)
        UUID nordReferred = refer("hjerteklinik-aauh", "kommune-851");
        complete(nordReferred, Element.Task_CardiologicalAssessment, user("hjerteklinik-aauh", Role.CARDIOLOGIST),
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %"));
        assertThat(driver.task(nordReferred, Element.Task_NursingAssessment).getName()).isEqualTo("Sygeplejefaglig vurdering af inklusion (Nord)");
        UUID midtReferred = refer("hjerteklinik-auh", "kommune-751");
        complete(midtReferred, Element.Task_CardiologicalAssessment, user("hjerteklinik-auh", Role.CARDIOLOGIST),
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 30 %"));
        assertThat(driver.task(midtReferred, Element.Task_NursingAssessment).getName()).isEqualTo("Sygeplejefaglig vurdering af inklusion");
    }

    @Test
    void onlyTheRegionsProcessOwnerDeploysForItAndADeploymentNamesItsRegion() throws Exception {
        long before = repository.createDeploymentQuery().count();
        ProcessDefinition nord = latest("NORD");

        ResponseEntity<JsonNode> midtOwner = deployFromTheModeler(processOwner("MIDT"), nordVersion("NORD"));
        assertThat(midtOwner.getStatusCode()).as(String.valueOf(midtOwner.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(midtOwner.getBody().path("message").asText()).contains("only a process owner of region NORD", "MIDT",
                "kun regionens procesejer");

        ResponseEntity<JsonNode> noTenant = deployFromTheModeler(processOwner("NORD"), nordVersion(null));
        assertThat(noTenant.getStatusCode()).as(String.valueOf(noTenant.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTenant.getBody().path("message").asText()).contains("tenant-id", "MIDT", "NORD");

        ResponseEntity<JsonNode> noRegion = deployFromTheModeler(processOwner("NORD"), nordVersion("HOVEDSTADEN"));
        assertThat(noRegion.getStatusCode()).as(String.valueOf(noRegion.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noRegion.getBody().path("message").asText()).contains("'HOVEDSTADEN' is no region in use");

        assertThat(repository.createDeploymentQuery().count()).as("nothing was deployed").isEqualTo(before);
        assertThat(latest("NORD").getId()).isEqualTo(nord.getId());
    }
}
