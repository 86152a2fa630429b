package dk.carepath.callrouting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.callrouting.CitizenCall.Element;
import dk.carepath.equipment.EquipmentFault;
import dk.carepath.equipment.KitRegistry;
import dk.carepath.measurement.MissingMeasurements;
import dk.carepath.pathway.HeartFailurePathway;
import dk.carepath.pathway.JournalView;
import dk.carepath.pathway.Pathways;
import dk.carepath.support.ActorHttp;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Citizens' calls through the HTTP APIs, as the actors make them, on the test database (PostgreSQL
 * in CI): the person answering registers the call through the Carepath API, nurses and the service
 * center find and complete their tasks through Camunda's REST API with their own logins. Only time
 * is ours to move: the pathway is driven to titration, jobs run where a job executor would.
 */
@CarepathTest
class CitizenCallEndToEndTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    CallDriver calls;
    @Autowired
    PathwayDriver pathwayDriver;
    @Autowired
    Pathways pathways;
    @Autowired
    KitRegistry kits;
    @Autowired
    MissingMeasurements missing;

    /** Just after a daily deadline: the plan's 08:00 plus the two hours' grace, Copenhagen time. */
    static java.time.Instant afterDeadline(LocalDate day) {
        return day.atTime(10, 1).atZone(COPENHAGEN).toInstant();
    }

    ActorHttp http;

    @BeforeEach
    void actors() {
        http = new ActorHttp(rest, json);
    }

    @AfterEach
    void clock() {
        ClockUtil.reset();
    }

    @Test
    void shouldSwapTheDeadTabletAfterTheCitizensCallAndShowTheNurseTheNewKitNumber() {
        UUID pathway = pathwayDriver.inTitration();
        UUID citizen = calls.citizenOf(pathway);
        String oldKit = kits.kitOf(citizen).orElseThrow().kitNumber();
        String newKit = "KIT-E2E-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // the municipal nurse answers: the tablet is dead
        ResponseEntity<JsonNode> registered = http.post("testmunicipalnurse", "/api/calls",
                Map.of("citizenId", citizen, "reason", "TECHNICAL", "message", "Tabletten er død og vil ikke lade op"));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("answeredBy").asText()).isEqualTo("HEALTH_PROFESSIONAL");
        UUID call = UUID.fromString(registered.getBody().get("id").asText());
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/calls/" + call);

        String clarify = http.findAndClaimTask("testmunicipalnurse", call, Element.Task_ClarifyTechnicalProblem.id());
        assertThat(http.formVariables("testmunicipalnurse", clarify).at("/kitSummary/value").asText()).contains(oldKit);
        http.submitForm("testmunicipalnurse", clarify,
                Map.of("technicalOutcome", "FILE_FAULT_REPORT", "faultDescription", "Tabletten tænder ikke, heller ikke efter opladning"));
        calls.runJobs(call);

        JsonNode reported = http.read("testnurse", "/api/citizens/" + citizen + "/kit");
        assertThat(reported.at("/kit/status").asText()).isEqualTo("FAULTY");
        String fault = reported.at("/openFault/id").asText();
        assertThat(kits.hasKnownFault(citizen)).isTrue();
        // while the kit is known to be faulty, the missing measurements raise no alarm
        LocalDate tomorrow = LocalDate.now(COPENHAGEN).plusDays(1);
        assertThat(missing.checkAt(afterDeadline(tomorrow), java.util.List.of(pathway))).isZero();
        assertThat(pathwayDriver.openTasks(pathway, HeartFailurePathway.Element.Task_ContactCitizenAboutMissingMeasurements)).isEmpty();

        // the service center cannot fix it remotely: logistics swaps the kit
        http.submitForm("testservice", http.findAndClaimTask("testservice", fault, EquipmentFault.Element.Task_ContactCitizenAboutFault.id()),
                Map.of("faultAssessment", "SWAP_KIT", "contactNote", "Skærmen er død; ombytning bestilt"));
        http.submitForm("testservice", http.findAndClaimTask("testservice", fault, EquipmentFault.Element.Task_SwapKit.id()),
                Map.of("newKitNumber", newKit));
        assertThat(kits.hasKnownFault(citizen)).isFalse();
        // with the new kit in use, a missed morning is an alarm again
        assertThat(missing.checkAt(afterDeadline(tomorrow.plusDays(1)), java.util.List.of(pathway))).isPositive();
        assertThat(pathwayDriver.openTasks(pathway, HeartFailurePathway.Element.Task_ContactCitizenAboutMissingMeasurements)).hasSize(1);

        // the monitoring nurse is told which kit the citizen now has, and sees it on the pathway
        String check = http.findAndClaimTask("testnurse", fault, EquipmentFault.Element.Task_CheckMeasurementsAfterSwap.id());
        JsonNode form = http.formVariables("testnurse", check);
        assertThat(form.at("/newKitNumber/value").asText()).isEqualTo(newKit);
        assertThat(form.at("/kitNumber/value").asText()).isEqualTo(oldKit);
        JsonNode details = http.read("testnurse", "/api/pathways/" + pathway);
        assertThat(details.at("/kit/kitNumber").asText()).isEqualTo(newKit);
        assertThat(details.at("/kit/status").asText()).isEqualTo("IN_USE");
        http.submitForm("testnurse", check, Map.of("newKitCheck", "MEASUREMENTS_RECEIVED"));

        JsonNode old = http.read("testservice", "/api/kits/" + oldKit);
        assertThat(old.at("/kit/status").asText()).isEqualTo("SWAPPED");
        assertThat(old.at("/history").findValuesAsText("status")).containsSubsequence("IN_USE", "FAULTY", "SWAPPED");
        assertThat(http.read("testmunicipalnurse", "/api/citizens/" + citizen + "/kit").at("/openFault").isMissingNode()).isTrue();

        JsonNode closed = http.read("testmunicipalnurse", "/api/calls/" + call);
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("outcome").asText()).isEqualTo("Telekit fejlmeldt til servicecentret");
        assertThat(closed.at("/registration/contactPurpose").asText()).isEqualTo("TECHNICAL_SUPPORT");
        assertThat(closed.at("/registration/registeredAsContact").asBoolean()).isFalse();

        JsonNode audit = http.read("testmanager", "/api/audit?citizenId=" + citizen);
        assertThat(audit.findValuesAsText("resource")).contains("citizen-call", "kit-fault", "kit");
        assertThat(audit.findValuesAsText("actor")).contains("testmunicipalnurse", "testservice", "testnurse");
    }

    @Test
    void shouldPauseThePathwayWhenTheCitizenCallsAboutAHolidaySoNoMissingMeasurementAlarmIsRaised() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 6, 16, 10, 0, 0, 0, COPENHAGEN).toInstant())); // Tuesday, phone hours
        UUID pathway = pathwayDriver.inTitration();
        UUID citizen = calls.citizenOf(pathway);

        // the front desk takes the message: a nurse calls back today
        ResponseEntity<JsonNode> registered = http.post("testfrontdesk", "/api/calls",
                Map.of("citizenId", citizen, "reason", "DEVIATION", "message", "Skal på ferie og kan ikke måle", "callbackPhone", "+45 20 30 40 50"));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("answeredBy").asText()).isEqualTo("FRONT_DESK");
        assertThat(registered.getBody().get("tellCitizen").asText()).isEqualTo("En sygeplejerske ringer dig op i dag inden kl. 15:00.");
        UUID call = UUID.fromString(registered.getBody().get("id").asText());

        String callBack = http.findAndClaimTask("testmunicipalnurse", call, Element.Task_CallCitizenBack.id());
        assertThat(http.formVariables("testmunicipalnurse", callBack).at("/callbackPhone/value").asText()).isEqualTo("+45 20 30 40 50");
        http.submitForm("testmunicipalnurse", callBack, Map.of("callBackResult", "REACHED"));
        LocalDate lastDay = LocalDate.of(2026, 7, 5);
        http.submitForm("testmunicipalnurse", http.findAndClaimTask("testmunicipalnurse", call, Element.Task_HandleDeviation.id()),
                Map.of("deviationAction", "PAUSE", "pauseLastDay", lastDay.toString(), "deviationNote", "Sommerferie i Spanien"));
        calls.runJobs(call);

        // the pathway received Pause_Requested and is paused until the day after the last day
        BpmnAwareTests.assertThat(pathwayDriver.instance(pathway)).hasPassed(HeartFailurePathway.Element.Task_PauseMonitoring.id());
        JsonNode details = http.read("testnurse", "/api/pathways/" + pathway);
        assertThat(details.at("/pathway/pausedUntil").asText())
                .isEqualTo(lastDay.plusDays(1).atStartOfDay(COPENHAGEN).toInstant().toString());
        assertThat(pathways.journal(pathway)).extracting(JournalView::kind, JournalView::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("PAUSE", "Sommerferie i Spanien"));
        // no missing-measurement alarm during the holiday, though nothing is measured ...
        assertThat(missing.checkAt(afterDeadline(LocalDate.of(2026, 6, 20)), java.util.List.of(pathway))).isZero();
        assertThat(missing.checkAt(afterDeadline(lastDay), java.util.List.of(pathway))).isZero();
        assertThat(pathwayDriver.openTasks(pathway, HeartFailurePathway.Element.Task_ContactCitizenAboutMissingMeasurements)).isEmpty();
        // ... and the first missed morning after it is one
        assertThat(missing.checkAt(afterDeadline(lastDay.plusDays(2)), java.util.List.of(pathway))).isPositive();
        assertThat(pathwayDriver.openTasks(pathway, HeartFailurePathway.Element.Task_ContactCitizenAboutMissingMeasurements)).hasSize(1);

        JsonNode closed = http.read("testfrontdesk", "/api/calls/" + call);
        assertThat(closed.get("outcome").asText()).isEqualTo("Pause oprettet i forløbet");
        assertThat(closed.at("/registration/contactKind").asText()).isEqualTo("CALL_BACK_FROM_QUEUE");
        assertThat(closed.at("/registration/noteType").asText()).isEqualTo("Utanbesöksanteckning");
    }
}
