package dk.carepath.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input, class by class: each case is refused with a precise 4xx problem detail naming the
 * field, echoing at most a bounded excerpt of what was sent, and storing nothing. The citizen, an
 * "{citizen}" in the bodies, is one in titration, so that a good value would be stored.
 */
@CarepathTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    static final String AT = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).withNano(0).toString();

    /** a case: who sends what, and the answer it must get (field null: the problem names none) */
    record Case(String user, HttpMethod method, String path, MediaType type, String body, HttpStatus status, String field) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    UUID citizen;
    UUID pathway;

    @BeforeAll
    void citizen() {
        pathway = driver.inTitration();
        citizen = driver.pathway(pathway).citizenId();
    }

    static String pulse(String extra) {
        return "{\"senderId\": \"bad-" + UUID.randomUUID() + "\", \"citizenId\": \"{citizen}\", \"type\": \"PULSE\", "
                + "\"value\": 72, \"unit\": \"/min\", \"measuredAt\": \"" + AT + "\"" + extra + "}";
    }

    static Case measurement(String body, String field) {
        return new Case("testsender", HttpMethod.POST, "/api/measurements", MediaType.APPLICATION_JSON, body, HttpStatus.BAD_REQUEST, field);
    }

    static Stream<Arguments> cases() {
        String bigId = "x".repeat(200_000);
        return Stream.of(
                Arguments.of("trailing garbage after the object", measurement(pulse("") + " garbage", null)),
                Arguments.of("two objects in one request", measurement(pulse("") + pulse(""), "")),
                Arguments.of("a key twice (the last would win)", measurement(pulse(", \"value\": 150"), "value")),
                Arguments.of("an enum given as a number", measurement(pulse("").replace("\"type\": \"PULSE\"", "\"type\": 1"), "type")),
                Arguments.of("an enum in lower case", measurement(pulse("").replace("\"PULSE\"", "\"pulse\""), "type")),
                Arguments.of("a number given as a text", measurement(pulse("").replace("\"value\": 72", "\"value\": \"72\""), "value")),
                Arguments.of("a text given as a number", measurement(pulse("").replaceFirst("\"senderId\": \"[^\"]*\"", "\"senderId\": 4711"), "senderId")),
                Arguments.of("a NYHA class with a fraction", measurement("{\"senderId\": \"bad-nyha\", \"citizenId\": \"{citizen}\", "
                        + "\"type\": \"PRO_QUESTIONNAIRE\", \"nyhaClass\": 2.5, \"measuredAt\": \"" + AT + "\"}", "nyhaClass")),
                Arguments.of("a whole number out of range", measurement("{\"senderId\": \"bad-nyha2\", \"citizenId\": \"{citizen}\", "
                        + "\"type\": \"PRO_QUESTIONNAIRE\", \"nyhaClass\": 4294967396, \"measuredAt\": \"" + AT + "\"}", "nyhaClass")),
                Arguments.of("a date that is no date", measurement(pulse("").replace(AT, "2026-13-45T07:00:00Z"), "measuredAt")),
                Arguments.of("a year for a time", measurement(pulse("").replace("\"" + AT + "\"", "\"2026\""), "measuredAt")),
                Arguments.of("a value more precise than stored", measurement(pulse("").replace("\"value\": 72", "\"value\": 99.996"), "value")),
                Arguments.of("a unit with a trailing NUL", measurement(pulse("").replace("\"/min\"", "\"/min\\u0000\""), "unit")),
                Arguments.of("a sender id with a NUL", measurement(pulse("").replaceFirst("\"senderId\": \"bad-", "\"senderId\": \"bad-\\\\u0000"), "senderId")),
                Arguments.of("symptoms on a weight", measurement(pulse(", \"symptoms\": [\"MORE_BREATHLESS\"]"), "symptoms")),
                Arguments.of("a missing symptom", measurement("{\"senderId\": \"bad-sym\", \"citizenId\": \"{citizen}\", "
                        + "\"type\": \"PRO_QUESTIONNAIRE\", \"nyhaClass\": 2, \"symptoms\": [null], \"measuredAt\": \"" + AT + "\"}", "symptoms[0]")),
                Arguments.of("a huge number, echoed at most in part", measurement(pulse("").replace("\"value\": 72", "\"value\": 1e200000"), "value")),
                Arguments.of("a huge id", measurement(pulse("").replaceFirst("\"senderId\": \"[^\"]*\"", "\"senderId\": \"" + bigId + "\""), "senderId")),
                Arguments.of("an access log limit of 0", new Case("testmanager", HttpMethod.GET, "/api/audit?actor=testfrontdesk&limit=0", null, null,
                        HttpStatus.BAD_REQUEST, "limit")),
                Arguments.of("a negative access log limit", new Case("testmanager", HttpMethod.GET, "/api/audit?actor=testfrontdesk&limit=-5", null, null,
                        HttpStatus.BAD_REQUEST, "limit")),
                Arguments.of("the contact person of an unknown pathway", new Case("testnurse", HttpMethod.PUT,
                        "/api/pathways/" + UUID.randomUUID() + "/contact-person", MediaType.APPLICATION_JSON, "{\"userId\": \"testnurse\"}",
                        HttpStatus.NOT_FOUND, null)),
                Arguments.of("an unknown path", new Case("testnurse", HttpMethod.GET, "/api/no-such-thing", null, null, HttpStatus.NOT_FOUND, null)),
                Arguments.of("a method the resource does not take", new Case("testnurse", HttpMethod.DELETE, "/api/pathways/{pathway}",
                        null, null, HttpStatus.METHOD_NOT_ALLOWED, null)),
                Arguments.of("a body that is not JSON", new Case("testsender", HttpMethod.POST, "/api/measurements", MediaType.TEXT_PLAIN,
                        "puls 72", HttpStatus.UNSUPPORTED_MEDIA_TYPE, null)),
                Arguments.of("an id that is no id", new Case("testnurse", HttpMethod.GET, "/api/pathways/not-a-uuid", null, null,
                        HttpStatus.BAD_REQUEST, "id")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRefuseWithAPreciseProblemAndStoreNothing(String name, Case c) {
        long before = jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Long.class, citizen);
        HttpHeaders headers = new HttpHeaders();
        if (c.type() != null) {
            headers.setContentType(c.type());
        }
        String body = c.body() == null ? null : c.body().replace("{citizen}", citizen.toString());
        String path = c.path().replace("{pathway}", pathway.toString());
        ResponseEntity<String> answer = http.withBasicAuth(c.user(), "secret").exchange(path, c.method(), new HttpEntity<>(body, headers),
                String.class);

        assertThat(answer.getStatusCode()).as("%s: %s", name, answer.getBody()).isEqualTo(c.status());
        assertThat(answer.getHeaders().getContentType()).as(name).isNotNull();
        assertThat(answer.getHeaders().getContentType().toString()).as(name).startsWith("application/problem+json");
        assertThat(answer.getBody()).as("%s: the answer echoes at most an excerpt", name).hasSizeLessThan(2000);
        if (c.field() != null) {
            JsonNode problem = read(answer.getBody());
            assertThat(problem.path("errors").findValuesAsText("field")).as(name + ": " + answer.getBody()).containsExactly(c.field());
        }
        assertThat(jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Long.class, citizen))
                .as("%s: nothing stored", name).isEqualTo(before);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

}
