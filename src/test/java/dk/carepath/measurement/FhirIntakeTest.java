package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.citizen.Citizens;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import dk.carepath.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * FHIR R4 intake, parsed with HAPI FHIR: LOINC/NPU codes, UCUM units, blood pressure as a panel,
 * the citizen by CPR identifier or Patient reference; bad resources refused with the FHIR path.
 * Includes the end-to-end path: a red pulse posted as FHIR puts a task before the citizen's nurse
 * and mails the citizen what to do.
 */
@CarepathTest
class FhirIntakeTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Autowired
    Citizens citizens;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<JsonNode> post(String path, String fhir) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        return http.withBasicAuth("testsender", "secret").postForEntity(path, new HttpEntity<>(fhir, headers), JsonNode.class);
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).toString();
    }

    static String pulseByCpr(String id, String cpr, int value) {
        return """
                {"resourceType": "Observation", "status": "final",
                 "identifier": [{"system": "urn:uuid:tablet-platform", "value": "%s"}],
                 "code": {"coding": [{"system": "urn:oid:1.2.208.176.2.1", "code": "NPU21692", "display": "Puls"},
                                     {"system": "http://loinc.org", "code": "8867-4"}]},
                 "subject": {"identifier": {"system": "urn:oid:1.2.208.176.1.2", "value": "%s"}},
                 "effectiveDateTime": "%s",
                 "valueQuantity": {"value": %d, "unit": "slag/min", "system": "http://unitsofmeasure.org", "code": "/min"}}
                """.formatted(id, cpr, now(), value);
    }

    static String bloodPressure(String id, UUID citizen, int systolic, int diastolic, String unitCode) {
        return """
                {"resourceType": "Observation", "status": "final",
                 "identifier": [{"system": "urn:uuid:tablet-platform", "value": "%s"}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
                 "subject": {"reference": "Patient/%s"},
                 "effectiveDateTime": "%s",
                 "component": [
                   {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
                    "valueQuantity": {"value": %d, "system": "http://unitsofmeasure.org", "code": "%s"}},
                   {"code": {"coding": [{"system": "urn:oid:1.2.208.176.2.1", "code": "DNK05473"}]},
                    "valueQuantity": {"value": %d, "system": "http://unitsofmeasure.org", "code": "%s"}}]}
                """.formatted(id, citizen, now(), systolic, unitCode, diastolic, unitCode);
    }

    /** the FHIRPaths of an OperationOutcome's issues */
    static List<String> fields(ResponseEntity<JsonNode> response) {
        assertThat(response.getBody().path("resourceType").asText()).isEqualTo("OperationOutcome");
        List<String> paths = new java.util.ArrayList<>();
        response.getBody().path("issue").forEach(issue -> issue.path("expression").forEach(e -> paths.add(e.asText())));
        return paths;
    }

    /** Carepath's colour of a stored Observation (its interpretation) */
    static String colour(JsonNode observation) {
        return FutIntakeTest.colour(observation);
    }

    @Test
    void shouldPutRedPulseFromFhirBeforeTheNurseAndMailTheCitizen() {
        UUID pathway = driver.inTitration();
        var citizen = citizens.require(driver.pathway(pathway).citizenId());

        ResponseEntity<JsonNode> response = post("/api/fhir/Observation", pulseByCpr("red-" + UUID.randomUUID(),
                citizen.cpr().value(), 118));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(colour(response.getBody())).isEqualTo("RED");
        assertThat(response.getBody().toString()).contains(FhirCodes.ADVICE_EXTENSION, "112", "lægevagten");
        Task task = awaitTask(pathway, Element.Task_ReviewRedMeasurement);
        assertThat(task.getPriority()).isEqualTo(90);
        assertThat(tasks.getVariable(task.getId(), "measurementSummary").toString()).startsWith("Puls 118 slag/min – rød");
        List<MimeMessage> mails = TestMail.await(TestMail.to(citizen.email()), 1, Duration.ofSeconds(20));
        assertThat(TestMail.body(mails.get(0))).contains("Følg din selvhjælpsguide nu", "lægevagten", "112");
    }

    @Test
    void shouldReadBloodPressureAsOnePanelWithTwoComponents() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        String id = "bp-" + UUID.randomUUID();

        ResponseEntity<JsonNode> response = post("/api/fhir/Observation", bloodPressure(id, citizen, 128, 82, "mm[Hg]"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(colour(response.getBody())).as("no individual BP thresholds yet").isEqualTo("UNCOLOURED");
        assertThat(jdbc.queryForObject("select value2 from measurement where sender_id = ?", Integer.class, "urn:uuid:tablet-platform|" + id))
                .isEqualTo(82);
    }

    @Test
    void shouldRefuseAWrongUnitWithItsFhirPath() {
        UUID citizen = driver.pathway(driver.inTitration()).citizenId();
        ResponseEntity<JsonNode> response = post("/api/fhir/Observation", bloodPressure("u-" + UUID.randomUUID(), citizen, 128, 82, "kPa"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).contains("Observation.component.valueQuantity.code");
    }

    @Test
    void shouldRefuseAnUnknownCode() {
        String body = pulseByCpr("code-" + UUID.randomUUID(), "0503451234", 70).replace("NPU21692", "NPU99999").replace("8867-4", "1234-5");
        ResponseEntity<JsonNode> response = post("/api/fhir/Observation", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).contains("Observation.code");
        assertThat(response.getBody().toString()).contains("unknown code");
    }

    @Test
    void shouldRefuseMalformedFhir() {
        ResponseEntity<JsonNode> notJson = post("/api/fhir/Observation", "{\"resourceType\": \"Observation\", ");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notJson.getBody().path("issue").get(0).path("diagnostics").asText()).contains("not a valid FHIR R4 Observation");

        ResponseEntity<JsonNode> unknownElement = post("/api/fhir/Observation",
                "{\"resourceType\": \"Observation\", \"status\": \"final\", \"colour\": \"red\"}");
        assertThat(unknownElement.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<JsonNode> patient = post("/api/fhir/Observation", "{\"resourceType\": \"Patient\"}");
        assertThat(patient.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(patient)).containsExactly("resourceType");
    }

    @Test
    void shouldRefuseAnObservationThatIsNotFinalOrHasNoIdentifier() {
        String body = pulseByCpr("x", "0503451234", 70).replace("\"final\"", "\"preliminary\"")
                .replace("\"identifier\": [{\"system\": \"urn:uuid:tablet-platform\", \"value\": \"x\"}],", "");
        ResponseEntity<JsonNode> response = post("/api/fhir/Observation", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).contains("Observation.status", "Observation.identifier");
    }

    @Test
    void shouldStoreATransactionBundleAllOrNothing() {
        UUID pathway = driver.inTitration();
        var citizen = citizens.require(driver.pathway(pathway).citizenId());
        String a = "bundle-a-" + UUID.randomUUID();
        String b = "bundle-b-" + UUID.randomUUID();
        String bad = bloodPressure("bundle-bad-" + UUID.randomUUID(), citizen.id(), 128, 140, "mm[Hg]");
        String refused = bundle(pulseByCpr(a, citizen.cpr().value(), 70), bad);

        ResponseEntity<JsonNode> response = post("/api/fhir", refused);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("Bundle.entry[1].resource.component[diastolic].valueQuantity.value");
        assertThat(jdbc.queryForObject("select count(*) from measurement where sender_id like ?", Integer.class, "%" + a)).isZero();

        ResponseEntity<JsonNode> stored = post("/api/fhir", bundle(pulseByCpr(a, citizen.cpr().value(), 70),
                pulseByCpr(b, citizen.cpr().value(), 92)));
        assertThat(stored.getStatusCode()).as("a transaction answers 200 with its transaction-response").isEqualTo(HttpStatus.OK);
        assertThat(stored.getBody().path("type").asText()).isEqualTo("transaction-response");
        assertThat(FutIntakeTest.statuses(stored.getBody())).containsExactly("201 Created", "201 Created");
        List<String> colours = new java.util.ArrayList<>();
        stored.getBody().path("entry").forEach(e -> colours.add(colour(e.path("resource"))));
        assertThat(colours).containsExactly("GREEN", "YELLOW");
    }

    static String bundle(String... observations) {
        StringBuilder entries = new StringBuilder();
        for (String o : observations) {
            if (!entries.isEmpty()) entries.append(",");
            entries.append("{\"resource\": ").append(o).append(", \"request\": {\"method\": \"POST\", \"url\": \"Observation\"}}");
        }
        return "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + entries + "]}";
    }

    private Task awaitTask(UUID pathway, Element task) {
        for (int i = 0; i < 100; i++) {
            List<Task> open = driver.openTasks(pathway, task);
            if (!open.isEmpty()) {
                return open.get(0);
            }
            sleep();
        }
        throw new AssertionError("no " + task + " appeared in pathway " + pathway);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
