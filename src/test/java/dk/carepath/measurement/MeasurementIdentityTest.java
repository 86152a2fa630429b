package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
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
 * A measurement is known by its sender's source and the sender's own id, bound to its citizen and
 * its content: sent again unchanged it is a duplicate; the same id for another citizen or another
 * value is an integration fault, refused with 409 and never answered with what is stored; a sender
 * cannot take another sender's ids; ids are normalised and refused with invisible characters.
 * A red value must never be lost to a reused id.
 */
@CarepathTest
class MeasurementIdentityTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;

    // formatted, not toString(): that leaves out the seconds when they are 00, which the intake refuses
    static final String AT = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0));

    static String pulse(String senderId, UUID citizen, Object value) {
        return """
                {"senderId": "%s", "citizenId": "%s", "type": "PULSE", "value": %s, "unit": "/min", "measuredAt": "%s"}
                """.formatted(senderId, citizen, value, AT);
    }

    @Test
    void shouldRefuseAnIdSentBeforeForAnotherCitizenAndTellNothingAboutIt() {
        UUID first = citizen();
        UUID second = citizen();
        String id = "id-" + UUID.randomUUID();
        assertThat(post("testsender", "/api/measurements", pulse(id, first, 118)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> reused = post("testsender", "/api/measurements", pulse(id, second, 150));

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(reused)).containsExactly("senderId");
        assertThat(reused.getBody().path("detail").asText()).contains("another citizen");
        assertThat(reused.getBody().toString()).doesNotContain("RED", "118", first.toString(), "colour");
        assertThat(jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Integer.class, second)).isZero();
    }

    @Test
    void shouldRefuseAnIdSentBeforeWithAnotherValueAndKeepTheFirst() {
        UUID citizen = citizen();
        String id = "id-" + UUID.randomUUID();
        post("testsender", "/api/measurements", pulse(id, citizen, 70));

        ResponseEntity<JsonNode> changed = post("testsender", "/api/measurements", pulse(id, citizen, 150));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(changed.getBody().path("detail").asText()).contains("another value");
        assertThat(jdbc.queryForObject("select value1 from measurement where source = 'testsender' and sender_id = ?",
                java.math.BigDecimal.class, id)).isEqualByComparingTo("70");

        // unchanged, it is the same measurement sent again
        ResponseEntity<JsonNode> again = post("testsender", "/api/measurements", pulse(id, citizen, 70));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseABatchThatUsesOneIdForTwoMeasurementsAndStoreNothing() {
        UUID citizen = citizen();
        String id = "id-" + UUID.randomUUID();
        String other = "id-" + UUID.randomUUID();
        ResponseEntity<JsonNode> batch = post("testsender", "/api/measurements/batch", """
                {"measurements": [%s, %s, %s]}""".formatted(pulse(other, citizen, 72), pulse(id, citizen, 70), pulse(id, citizen, 150)));

        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(batch)).containsExactly("measurements[2].senderId");
        assertThat(jdbc.queryForObject("select count(*) from measurement where sender_id in (?, ?)", Integer.class, id, other)).isZero();

        // a batch item that reuses an id sent before for another value is refused alike
        post("testsender", "/api/measurements", pulse(id, citizen, 70));
        ResponseEntity<JsonNode> later = post("testsender", "/api/measurements/batch", """
                {"measurements": [%s, %s]}""".formatted(pulse(other, citizen, 72), pulse(id, citizen, 99)));
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fields(later)).containsExactly("measurements[1].senderId");
        assertThat(jdbc.queryForObject("select count(*) from measurement where sender_id = ?", Integer.class, other)).isZero();
    }

    @Test
    void shouldKeepEverySendersIdsToItself() {
        UUID citizen = citizen();
        String value = "obs-" + UUID.randomUUID();
        // a nurse names the platform's identifier system: her measurement is hers, the platform's stays the platform's
        ResponseEntity<JsonNode> nurses = post("testnurse", "/api/fhir/Observation", fhirPulse("urn:uuid:tablet-platform", value, citizen, 72));
        assertThat(nurses.getStatusCode()).as(nurses.getBody().toString()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> platforms = post("testsender", "/api/fhir/Observation", fhirPulse("urn:uuid:tablet-platform", value, citizen, 121));
        assertThat(platforms.getStatusCode()).as("the platform's red pulse is stored, not taken for a duplicate")
                .isEqualTo(HttpStatus.CREATED);
        assertThat(platforms.getBody().path("colour").asText()).isEqualTo("RED");
        assertThat(jdbc.queryForList("select source from measurement where sender_id = ?", String.class,
                "urn:uuid:tablet-platform|" + value)).containsExactlyInAnyOrder("testnurse", "testsender");
    }

    @Test
    void shouldNormaliseIdsAndRefuseInvisibleCharacters() {
        UUID citizen = citizen();
        String id = "id-" + UUID.randomUUID();
        post("testsender", "/api/measurements", pulse(id, citizen, 70));
        ResponseEntity<JsonNode> padded = post("testsender", "/api/measurements", pulse("  " + id + " ", citizen, 70));
        assertThat(padded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(padded.getBody().path("duplicate").asBoolean()).isTrue();

        for (String invisible : List.of("\\u0000", "\\u200b", "\\u0007", "\\u2060")) {
            ResponseEntity<JsonNode> refused = post("testsender", "/api/measurements", pulse(id + invisible, citizen, 150));
            assertThat(refused.getStatusCode()).as(invisible).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(refused)).containsExactly("senderId");
        }
        assertThat(jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Integer.class, citizen)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAValueMorePreciseThanItIsStored() {
        UUID citizen = citizen();
        ResponseEntity<JsonNode> precise = post("testsender", "/api/measurements", pulse("id-" + UUID.randomUUID(), citizen, "99.996"));
        assertThat(precise.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(precise)).containsExactly("value");
        assertThat(precise.getBody().path("errors").get(0).path("message").asText()).contains("at most 2 decimals");
    }

    private UUID citizen() {
        return driver.pathway(driver.inTitration()).citizenId();
    }

    static String fhirPulse(String system, String value, UUID citizen, int bpm) {
        return """
                {"resourceType": "Observation", "status": "final",
                 "identifier": [{"system": "%s", "value": "%s"}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                 "subject": {"reference": "Patient/%s"},
                 "effectiveDateTime": "%s",
                 "valueQuantity": {"value": %d, "system": "http://unitsofmeasure.org", "code": "/min"}}
                """.formatted(system, value, citizen, AT, bpm);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(path.contains("/fhir") ? MediaType.parseMediaType("application/fhir+json") : MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field");
    }
}
