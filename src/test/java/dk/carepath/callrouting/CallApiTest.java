package dk.carepath.callrouting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.callrouting.CitizenCall.Element;
import dk.carepath.support.ActorHttp;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The call API: precise 4xx problems with nothing stored, who may register and read calls, the contact statistics. */
@CarepathTest
class CallApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    CallDriver calls;
    @Autowired
    JdbcTemplate jdbc;

    ActorHttp http;

    @BeforeEach
    void actors() {
        http = new ActorHttp(rest, json);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    long storedCalls() {
        return jdbc.queryForObject("select count(*) from citizen_call", Long.class);
    }

    static Map<String, Object> call(UUID citizen, String... more) {
        Map<String, Object> body = new HashMap<>(Map.of("citizenId", citizen, "reason", "CLINICAL", "message", "Spørgsmål om medicin"));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        return body;
    }

    static java.util.List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field");
    }

    @Test
    void shouldNameEveryMissingFieldAndStoreNothing() {
        long before = storedCalls();
        ResponseEntity<JsonNode> response = http.post("testfrontdesk", "/api/calls", Map.of("callbackPhone", "ring"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(fields(response)).containsExactlyInAnyOrder("citizenId", "reason", "message", "callbackPhone");
        assertThat(storedCalls()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadValuesPrecisely() {
        UUID citizen = calls.citizenInTitration();
        long before = storedCalls();
        ResponseEntity<JsonNode> reason = http.post("testfrontdesk", "/api/calls", call(citizen, "reason", "BORED"));
        assertThat(reason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(reason)).containsExactly("reason");
        assertThat(reason.getBody().get("detail").asText()).contains("CLINICAL, TECHNICAL, DEVIATION");

        ResponseEntity<JsonNode> future = http.post("testfrontdesk", "/api/calls",
                call(citizen, "receivedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(future)).containsExactly("receivedAt");
        assertThat(fields(http.post("testfrontdesk", "/api/calls", call(citizen, "receivedAt", Instant.now().minus(2, ChronoUnit.DAYS).toString()))))
                .containsExactly("receivedAt");

        ResponseEntity<JsonNode> unknown = http.post("testfrontdesk", "/api/calls", call(UUID.randomUUID()));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(fields(unknown)).containsExactly("citizenId");

        ResponseEntity<JsonNode> pretending = http.post("testfrontdesk", "/api/calls", call(citizen, "answeredBy", "HEALTH_PROFESSIONAL"));
        assertThat(pretending.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(pretending)).containsExactly("answeredBy");
        assertThat(storedCalls()).isEqualTo(before);
    }

    @Test
    void shouldLetOnlyTheMunicipalityRegisterCalls() {
        UUID citizen = calls.citizenInTitration();
        assertThat(rest.postForEntity("/api/calls", call(citizen), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.post("testnurse", "/api/calls", call(citizen)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.post("testservice", "/api/calls", call(citizen)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> registered = http.post("testmunicipalnurse", "/api/calls", call(citizen, "answeredBy", "FRONT_DESK"));
        assertThat(registered.getStatusCode()).as("a nurse may take a message for a colleague").isEqualTo(HttpStatus.CREATED);
        String id = registered.getBody().get("id").asText();
        assertThat(http.get("testgp", "/api/calls/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.read("testnurse", "/api/calls/" + id).get("message").asText()).isEqualTo("Spørgsmål om medicin");
        assertThat(http.get("testnurse", "/api/calls/" + UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.read("testmanager", "/api/audit?citizenId=" + citizen).findValuesAsText("resource")).contains("citizen-call");
    }

    @Test
    void shouldCountTheContactsOfAPeriodByVisitTypeAndNoteType() {
        ZoneId zone = ZoneId.of("Europe/Copenhagen");
        // a day of its own, so that other tests' calls do not count
        LocalDate day = LocalDate.of(2031, 1, 6).plusWeeks(ThreadLocalRandom.current().nextInt(0, 2000));
        // a working Monday: on a holiday Monday (Easter, Whitsun) the call-back would wait for the next working day
        while (dk.carepath.calendar.DanishHolidays.isClosed(day, java.util.Set.of(java.time.MonthDay.of(6, 5),
                java.time.MonthDay.of(12, 24), java.time.MonthDay.of(12, 31)))) {
            day = day.plusWeeks(1);
        }
        UUID citizen = calls.citizenInTitration();
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(zone).toInstant()));
        CallView advice = calls.nurseAnswers(citizen, CallReason.CLINICAL, "Spørgsmål");
        calls.complete(advice.id(), Element.Task_AdviseCitizen.id(), "testmunicipalnurse",
                Map.of("contactPurpose", "CLINICAL_ADVICE", "clinicalOutcome", "ADVICE_GIVEN"));
        CallView notReached = calls.frontDeskAnswers(citizen, CallReason.CLINICAL, "Ring tilbage");
        calls.complete(notReached.id(), Element.Task_CallCitizenBack.id(), "testmunicipalnurse", Map.of("callBackResult", "NOT_REACHED"));
        CallView guided = calls.nurseAnswers(citizen, CallReason.TECHNICAL, "Vægten");
        calls.complete(guided.id(), Element.Task_ClarifyTechnicalProblem.id(), "testmunicipalnurse", Map.of("technicalOutcome", "USER_RELATED"));
        ClockUtil.reset();

        JsonNode statistics = http.read("testmanager", "/api/calls/statistics?from=" + day + "&to=" + day);
        assertThat(statistics.get("calls").asLong()).isEqualTo(3);
        assertThat(statistics.get("registeredContacts").asLong()).isEqualTo(1);
        JsonNode counts = statistics.get("counts");
        assertThat(counts).hasSize(2);
        assertThat(counts.get(0).get("registeredAsContact").asBoolean()).isTrue();
        assertThat(counts.get(0).get("visitType").asText()).isEqualTo("Tele");
        assertThat(counts.get(0).get("noteType").asText()).isEqualTo("Tfn");
        assertThat(counts.get(0).get("calls").asLong()).isEqualTo(1);
        assertThat(counts.get(1).get("noteType").asText()).isEqualTo("Utanbesöksanteckning");
        assertThat(counts.get(1).get("calls").asLong()).isEqualTo(2);
        assertThat(http.read("testmanager", "/api/calls/statistics?from=" + day.plusDays(1) + "&to=" + day.plusDays(1)).get("calls").asLong())
                .isZero();

        assertThat(http.get("testmunicipalnurse", "/api/calls/statistics?from=" + day + "&to=" + day).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("testmanager", "/api/calls/statistics?to=" + day).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> backwards = http.get("testmanager", "/api/calls/statistics?from=" + day + "&to=" + day.minusDays(1));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(backwards)).containsExactly("to");
        assertThat(http.get("testmanager", "/api/calls/statistics?from=" + day + "&to=" + day.plusYears(2)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.get("testmanager", "/api/calls/statistics?from=monday&to=" + day).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
