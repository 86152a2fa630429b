package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import dk.carepath.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One citizen from referral to discharge through the HTTP APIs, as the actors would: the nurse
 * refers through the Carepath API, each actor finds and completes their tasks through Camunda's
 * REST API with their own login, and the correspondence arrives at the (GreenMail) SMTP server.
 * Only time is ours to move: timers are fired and async jobs run where a job executor would.
 */
@CarepathTest
class PathwayEndToEndTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    ObjectMapper json;

    @Test
    void shouldTakeCitizenFromReferralToDischargeWithCorrespondenceToMunicipalityAndGp() throws Exception {
        String cpr = PathwayDriver.newCpr();
        String name = "Ellen Ende-Til-Ende " + UUID.randomUUID().toString().substring(0, 6);
        // the GP re-refers a listed patient to the clinic
        ResponseEntity<JsonNode> referred = post("testgp", "/api/referrals", Map.of(
                "citizen", Map.of("cpr", cpr, "name", name, "municipalityId", PathwayDriver.MUNICIPALITY,
                        "gpPracticeId", PathwayDriver.GP),
                "source", "GP_REREFERRAL",
                "clinicId", PathwayDriver.CLINIC,
                "referrerOrganisationId", PathwayDriver.GP,
                "facts", PathwayDriver.factsWithEjectionFraction(32)));
        assertThat(referred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(referred.getHeaders().getLocation()).isNotNull();
        UUID id = UUID.fromString(referred.getBody().at("/pathway/id").asText());
        assertThat(referred.getBody().at("/citizen/cpr").asText()).endsWith("-XXXX");
        driver.runJobs(id); // the job executor evaluates the inclusion rules

        complete("testcardiologist", id, Element.Task_CardiologicalAssessment,
                Map.of("cardiologistDecision", "INCLUDE", "cardiologistReason", "EF 32 %, i titrering"));
        complete("testnurse", id, Element.Task_NursingAssessment, Map.of("nurseDecision", "INCLUDE", "nurseReason", "Motiveret"));
        submitForm("testcardiologist", id, Element.Task_SetMonitoringPlan, Map.of("referenceWeightKg", 91.0, "stepsFrequency", "DAILY"));
        driver.runJobs(id); // the inclusion correspondence
        complete("testservice", id, Element.Task_InstallKit, Map.of("kitNumber", "KIT-E2E-" + cpr.substring(6), "instructionGiven", true));
        complete("testnurse", id, Element.Task_CallCitizenAfterSetup, Map.of("setupStatus", "WORKS"));

        JsonNode started = get("testnurse", "/api/pathways/" + id).getBody();
        assertThat(started.at("/pathway/phase").asText()).isEqualTo("STARTUP_MONITORING");
        assertThat(started.at("/kit/kitNumber").asText()).isEqualTo("KIT-E2E-" + cpr.substring(6));
        assertThat(started.at("/plan/measurements/STEPS").asText()).isEqualTo("DAILY");

        List<MimeMessage> inclusion = TestMail.await(TestMail.containing(name).and(m -> subject(m).contains("inkluderet")), 2,
                Duration.ofSeconds(20));
        assertThat(inclusion).extracting(PathwayEndToEndTest::recipient)
                .containsExactlyInAnyOrder(PathwayDriver.MUNICIPALITY_MAIL, PathwayDriver.GP_MAIL);
        assertThat(TestMail.body(inclusion.get(0))).contains("Behandlingsansvar: Hjertesvigtsklinikken")
                .doesNotContain(cpr.substring(6));

        driver.fireTimer(id, Element.Event_StartupPeriodEnded); // two weeks pass
        complete("testnurse", id, Element.Task_ConcludeStartup, Map.of());
        driver.fireTimer(id, Element.Event_ReassessmentDue); // ten weeks pass
        complete("testcardiologist", id, Element.Task_Reassess, Map.of("reassessmentOutcome", "DISCHARGE_TO_GP",
                "treatmentResponsible", "GP", "monitoringResponsible", "NONE", "reassessmentNote", "Færdigtitreret og stabil"));
        driver.runJobs(id); // the discharge letter
        complete("testservice", id, Element.Task_CollectKit, Map.of("kitCollected", "COLLECTED"));

        JsonNode discharged = get("testnurse", "/api/pathways/" + id).getBody();
        assertThat(discharged.at("/pathway/phase").asText()).isEqualTo("DISCHARGED");
        assertThat(discharged.at("/pathway/outcome").asText()).isEqualTo("DISCHARGED_TO_GP");
        assertThat(discharged.at("/pathway/treatmentResponsible").asText()).isEqualTo("GP");

        List<MimeMessage> discharge = TestMail.await(TestMail.containing(name).and(m -> subject(m).contains("fslutning")), 2,
                Duration.ofSeconds(20));
        assertThat(discharge).extracting(PathwayEndToEndTest::recipient)
                .containsExactlyInAnyOrder(PathwayDriver.MUNICIPALITY_MAIL, PathwayDriver.GP_MAIL);
        assertThat(discharge).extracting(PathwayEndToEndTest::subject).contains("TeleHjerte: Epikrise: afslutning af telemedicinsk hjertesvigtsforløb");

        JsonNode log = await(() -> get("testnurse", "/api/pathways/" + id + "/correspondence").getBody(),
                body -> body.size() == 4 && body.findValuesAsText("status").stream().allMatch("SENT"::equals));
        assertThat(log.findValuesAsText("kind")).containsExactlyInAnyOrder("INCLUSION_NOTICE", "INCLUSION_NOTICE",
                "DISCHARGE_LETTER", "DISCHARGE_LETTER");

        JsonNode journal = get("testnurse", "/api/pathways/" + id + "/journal").getBody();
        assertThat(journal.findValuesAsText("actor")).contains("testcardiologist", "testnurse", "testservice");
        JsonNode audit = get("testmanager", "/api/audit?citizenId=" + started.at("/citizen/id").asText()).getBody();
        assertThat(audit.findValuesAsText("action")).contains("CREATE", "READ");
        assertThat(audit.findValuesAsText("actor")).contains("testnurse");
    }

    // ------------------------------------------------------------------ the actors' HTTP calls

    private void complete(String user, UUID pathway, Element task, Map<String, Object> form) {
        String taskId = findTask(user, pathway, task);
        ResponseEntity<String> response = http.withBasicAuth(user, "secret")
                .postForEntity("/engine-rest/task/" + taskId + "/complete", entity(Map.of("variables", variables(form))), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(pathway);
    }

    /** The way Tasklist completes a Camunda Form. */
    private void submitForm(String user, UUID pathway, Element task, Map<String, Object> form) {
        String taskId = findTask(user, pathway, task);
        ResponseEntity<String> response = http.withBasicAuth(user, "secret")
                .postForEntity("/engine-rest/task/" + taskId + "/submit-form", entity(Map.of("variables", variables(form))), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(pathway);
    }

    /** As the user would find it: among the tasks of her groups, by pathway. */
    private String findTask(String user, UUID pathway, Element task) {
        JsonNode tasks = http.withBasicAuth(user, "secret").getForObject(
                "/engine-rest/task?processInstanceBusinessKey=" + pathway + "&taskDefinitionKey=" + task.id(), JsonNode.class);
        assertThat(tasks).as("%s sees %s", user, task).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        ResponseEntity<String> claim = http.withBasicAuth(user, "secret")
                .postForEntity("/engine-rest/task/" + taskId + "/claim", entity(Map.of("userId", user)), String.class);
        assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return taskId;
    }

    private static Map<String, Object> variables(Map<String, Object> form) {
        Map<String, Object> variables = new LinkedHashMap<>();
        form.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return variables;
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "secret").exchange(path, HttpMethod.POST, entity(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private HttpEntity<String> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return new HttpEntity<>(json.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        T value = read.get();
        for (int i = 0; i < 100 && !done.test(value); i++) {
            Thread.sleep(200);
            value = read.get();
        }
        assertThat(done.test(value)).as("condition never met: %s", value).isTrue();
        return value;
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
