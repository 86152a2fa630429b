package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Measurement intake over HTTP: every kind of bad input is refused with a problem naming the field,
 * and nothing is stored; duplicates, also concurrent ones, are stored once.
 */
@CarepathTest
class MeasurementApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Autowired
    JdbcTemplate jdbc;

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString();
    }

    ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("testsender", "secret").postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    static String pulse(String senderId, UUID citizen, Object value, String unit) {
        return """
                {"senderId": "%s", "citizenId": "%s", "type": "PULSE", "value": %s, "unit": %s, "measuredAt": "%s"}
                """.formatted(senderId, citizen, value, unit == null ? "null" : "\"" + unit + "\"", now());
    }

    UUID citizenInTitration() {
        UUID pathway = driver.inTitration();
        return driver.pathway(pathway).citizenId();
    }

    static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field");
    }

    int stored(String senderId) {
        return jdbc.queryForObject("select count(*) from measurement where sender_id = ?", Integer.class, senderId);
    }

    @Test
    void shouldStoreColourAndAnswerWithAdvice() {
        UUID citizen = citizenInTitration();
        String id = "ok-" + UUID.randomUUID();
        ResponseEntity<JsonNode> response = post("/api/measurements", pulse(id, citizen, 95, "/min"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).isNotNull();
        assertThat(response.getBody().get("colour").asText()).isEqualTo("YELLOW");
        assertThat(response.getBody().get("advice").asText()).contains("selvhjælpsguide");
        assertThat(response.getBody().get("thresholdSetId").asLong()).isPositive();
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAWrongUnit() {
        UUID citizen = citizenInTitration();
        ResponseEntity<JsonNode> response = post("/api/measurements", pulse("unit-" + UUID.randomUUID(), citizen, 72, "kg"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("unit");
        assertThat(response.getBody().toString()).contains("is not a unit of PULSE");
    }

    @Test
    void shouldNameEveryMissingField() {
        ResponseEntity<JsonNode> response = post("/api/measurements", "{\"type\": \"BLOOD_PRESSURE\", \"unit\": \"mm[Hg]\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).contains("senderId", "citizenId", "measuredAt", "systolic", "diastolic");
    }

    @Test
    void shouldRefuseAnUnknownCitizen() {
        String id = "unknown-" + UUID.randomUUID();
        ResponseEntity<JsonNode> response = post("/api/measurements", pulse(id, UUID.randomUUID(), 72, "/min"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(response)).containsExactly("citizenId");
        assertThat(stored(id)).isZero();
    }

    @Test
    void shouldRefuseAnUnknownType() {
        ResponseEntity<JsonNode> response = post("/api/measurements", "{\"type\": \"GLUCOSE\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("type");
    }

    @Test
    void shouldRefuseAPhysiologicallyImpossibleValueButStoreAnOddOneAsCheck() {
        UUID citizen = citizenInTitration();
        String impossible = "impossible-" + UUID.randomUUID();
        ResponseEntity<JsonNode> refused = post("/api/measurements", pulse(impossible, citizen, 400, "/min"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(refused)).containsExactly("value");
        assertThat(refused.getBody().toString()).contains("physiologically impossible");
        assertThat(stored(impossible)).isZero();

        ResponseEntity<JsonNode> odd = post("/api/measurements", pulse("odd-" + UUID.randomUUID(), citizen, 240, "/min"));
        assertThat(odd.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(odd.getBody().get("colour").asText()).isEqualTo("CHECK");
        assertThat(odd.getBody().get("advice").asText()).contains("Mål venligst igen");
    }

    @Test
    void shouldRefuseMalformedJson() {
        ResponseEntity<JsonNode> response = post("/api/measurements", "{\"senderId\": ");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void shouldRefuseADiastolicAboveTheSystolic() {
        UUID citizen = citizenInTitration();
        ResponseEntity<JsonNode> response = post("/api/measurements", """
                {"senderId": "bp-%s", "citizenId": "%s", "type": "BLOOD_PRESSURE", "systolic": 90, "diastolic": 120,
                 "unit": "mmHg", "measuredAt": "%s"}""".formatted(UUID.randomUUID(), citizen, now()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("diastolic");
    }

    @Test
    void shouldStoreADuplicateOnceAndAnswerWithTheFirst() {
        UUID citizen = citizenInTitration();
        String id = "dup-" + UUID.randomUUID();
        String measurement = pulse(id, citizen, 72, "/min");
        ResponseEntity<JsonNode> first = post("/api/measurements", measurement);
        ResponseEntity<JsonNode> again = post("/api/measurements", measurement);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("duplicate").asBoolean()).isTrue();
        assertThat(again.getBody().get("id").asLong()).isEqualTo(first.getBody().get("id").asLong());
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void shouldStoreConcurrentDuplicatesExactlyOnce() throws Exception {
        UUID citizen = citizenInTitration();
        String id = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String measurement = pulse(id, citizen, 72, "/min");
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> post("/api/measurements", measurement));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> f : pool.invokeAll(calls)) {
                statuses.add(f.get().getStatusCode().value());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void shouldRefuseMeasurementsForADischargedPathway() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        driver.reassess(pathway, "DISCHARGE_TO_GP", "GP", "NONE", Map.of());
        driver.complete(pathway, Element.Task_CollectKit, "testservice", Map.of("kitCollected", "COLLECTED"));

        String id = "after-" + UUID.randomUUID();
        ResponseEntity<JsonNode> response = post("/api/measurements", pulse(id, citizen, 72, "/min"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("no running pathway");
        assertThat(stored(id)).isZero();
    }

    @Test
    void shouldRefuseMeasurementsBeforeThePlanIsSet() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        ResponseEntity<JsonNode> response = post("/api/measurements", pulse("early-" + UUID.randomUUID(),
                driver.pathway(pathway).citizenId(), 72, "/min"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("no monitoring plan yet");
    }

    @Test
    void shouldRefuseAWholeBatchNamingEveryBadItemAndStoreNone() {
        UUID citizen = citizenInTitration();
        String good = "batch-good-" + UUID.randomUUID();
        String body = """
                {"measurements": [%s, %s, %s]}""".formatted(pulse(good, citizen, 70, "/min"),
                pulse("batch-bad1-" + UUID.randomUUID(), citizen, 70, "mmHg"),
                pulse("batch-bad2-" + UUID.randomUUID(), UUID.randomUUID(), 70, "/min"));
        ResponseEntity<JsonNode> response = post("/api/measurements/batch", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("measurements[1].unit");
        assertThat(stored(good)).isZero();

        ResponseEntity<JsonNode> unknownCitizen = post("/api/measurements/batch", """
                {"measurements": [%s, %s]}""".formatted(pulse(good, citizen, 70, "/min"),
                pulse("batch-bad3-" + UUID.randomUUID(), UUID.randomUUID(), 70, "/min")));
        assertThat(unknownCitizen.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unknownCitizen)).containsExactly("measurements[1].citizenId");
        assertThat(stored(good)).isZero();
    }

    @Test
    void shouldStoreABatchAndReportDuplicates() {
        UUID citizen = citizenInTitration();
        String a = "batch-a-" + UUID.randomUUID();
        String b = "batch-b-" + UUID.randomUUID();
        String sentBefore = pulse(a, citizen, 70, "/min");
        String twice = pulse(b, citizen, 101, "/min");
        post("/api/measurements", sentBefore);
        ResponseEntity<JsonNode> response = post("/api/measurements/batch", """
                {"measurements": [%s, %s, %s]}""".formatted(sentBefore, twice, twice));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("stored").asInt()).isEqualTo(1);
        assertThat(response.getBody().get("duplicates").asInt()).isEqualTo(2);
        assertThat(response.getBody().get("results").findValuesAsText("colour")).containsExactly("GREEN", "RED", "RED");
        JsonNode results = response.getBody().get("results");
        assertThat(results.get(2).get("id")).as("the second b is the first b").isEqualTo(results.get(1).get("id"));
        assertThat(results.findValuesAsText("duplicate")).containsExactly("true", "false", "true");
        assertThat(stored(a)).isEqualTo(1);
        assertThat(stored(b)).isEqualTo(1);
    }

    @Test
    void shouldRefuseSendersWithoutTheRole() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("testgp", "secret").postForEntity("/api/measurements",
                new HttpEntity<>(pulse("role-" + UUID.randomUUID(), UUID.randomUUID(), 70, "/min"), headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/measurements", "{}", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
