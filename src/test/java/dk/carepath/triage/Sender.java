package dk.carepath.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The measurement platform (API client testsender) sending a citizen's measurements, as JSON. */
final class Sender {

    private final TestRestTemplate http;

    Sender(TestRestTemplate http) {
        this.http = http;
    }

    long pulse(UUID citizen, int bpm, Duration ago) {
        return send("""
                {"senderId": "%s", "citizenId": "%s", "type": "PULSE", "value": %d, "unit": "/min", "measuredAt": "%s"}
                """.formatted("page-" + UUID.randomUUID(), citizen, bpm, at(ago)));
    }

    long weight(UUID citizen, String kg, Duration ago) {
        return send("""
                {"senderId": "%s", "citizenId": "%s", "type": "WEIGHT", "value": %s, "unit": "kg", "measuredAt": "%s"}
                """.formatted("page-" + UUID.randomUUID(), citizen, kg, at(ago)));
    }

    long pro(UUID citizen, int nyha, String symptoms, Duration ago) {
        return send("""
                {"senderId": "%s", "citizenId": "%s", "type": "PRO_QUESTIONNAIRE", "nyhaClass": %d, "symptoms": [%s], "measuredAt": "%s"}
                """.formatted("page-" + UUID.randomUUID(), citizen, nyha, symptoms == null ? "" : "\"" + symptoms + "\"", at(ago)));
    }

    private long send(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = http.withBasicAuth("testsender", "secret")
                .postForEntity("/api/measurements", new HttpEntity<>(json, headers), JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(201);
        return answer.getBody().get("id").asLong();
    }

    private static String at(Duration ago) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).minus(ago).withNano(0));
    }
}
