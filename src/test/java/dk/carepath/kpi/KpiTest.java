package dk.carepath.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.region.Organisations;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Every KPI of docs/kpis.md on the hand-built history of {@link KpiHistory}, its right answer worked
 * out by hand in each test; the scope of a municipality's manager; the filters' validation; the
 * drill-down in the access log; CSV.
 */
@CarepathTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;
    @Autowired
    PathwayDriver driver;

    KpiHistory h;

    @BeforeAll
    void history() {
        h = new KpiHistory(jdbc).build(organisations, identity, staff);
    }

    @AfterAll
    void removeRuntimeRows() {
        h.removeRuntimeTasks();
    }

    String period() {
        return "from=" + KpiHistory.FROM + "&to=" + KpiHistory.TO;
    }

    JsonNode kpi(String user, String id, String filters) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "secret").getForEntity("/api/kpis/" + id + "?" + filters, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s: %s", id, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody().path("kpis").get(0);
    }

    JsonNode kpi(String id) {
        return kpi(h.regionManager, id, period());
    }

    static double figure(JsonNode kpi, String key) {
        for (JsonNode f : kpi.path("figures")) {
            if (f.path("key").asText().equals(key)) {
                return f.path("value").asDouble();
            }
        }
        throw new AssertionError("no figure " + key + " in " + kpi);
    }

    static Map<String, Double> chart(JsonNode kpi, String id) {
        Map<String, Double> points = new HashMap<>();
        for (JsonNode c : kpi.path("charts")) {
            if (c.path("id").asText().equals(id)) {
                c.path("points").forEach(p -> points.put(p.path("key").asText(), p.path("value").asDouble()));
                return points;
            }
        }
        throw new AssertionError("no chart " + id + " in " + kpi);
    }

    // ------------------------------------------------------------------ one test per KPI

    @Test
    void phasesCountTheRunningPathwaysPerPhaseClinicAndMunicipality() {
        // P1 and P3 run (both in titration); P2 was rejected, P4 and P5 discharged
        JsonNode phases = kpi("phases");
        assertThat(phases.path("value").asDouble()).isEqualTo(2);
        assertThat(chart(phases, "by-phase")).containsEntry("TITRATION", 2.0).containsEntry("REFERRED", 0.0);
        assertThat(chart(phases, "by-clinic")).containsExactlyEntriesOf(Map.of(h.clinic, 2.0));
        assertThat(chart(phases, "by-municipality")).containsOnly(Map.entry(h.municipality, 1.0), Map.entry(h.neighbour, 1.0));
    }

    @Test
    void referralsAreCountedPerSourceInThePeriod() {
        // P1, P2, P3 were referred in April; P4 (December) and P5 (January) before the period
        JsonNode referrals = kpi("referrals");
        assertThat(referrals.path("value").asDouble()).isEqualTo(3);
        assertThat(chart(referrals, "by-source")).containsEntry("HF_CLINIC", 1.0).containsEntry("GP_REREFERRAL", 1.0)
                .containsEntry("MUNICIPALITY_IDENTIFICATION", 1.0).containsEntry("HOSPITAL_TO_MUNICIPALITY", 0.0);
        // 7, 8 Apr are week 15
        assertThat(chart(referrals, "by-week")).containsEntry("2025-W15", 3.0).containsEntry("2025-W16", 0.0);
    }

    @Test
    void inclusionRateIsIncludedOfTheDecidedInThePeriod() {
        // decided in April: P1 included, P2 rejected, P3 included → 2 of 3
        JsonNode rate = kpi("inclusion-rate");
        assertThat(rate.path("value").asDouble()).isEqualTo(66.7);
        assertThat(figure(rate, "decided")).isEqualTo(3);
        assertThat(figure(rate, "rejected")).isEqualTo(1);
    }

    @Test
    void leadTimeFromReferralToDecision() {
        // P1 2 days, P2 6 days (rejected), P3 10 days: median (nearest rank) 6, p90 10
        JsonNode lead = kpi("lead-referral-inclusion");
        assertThat(lead.path("value").asDouble()).isEqualTo(6.0);
        assertThat(figure(lead, "p90")).isEqualTo(10.0);
        assertThat(figure(lead, "count")).isEqualTo(3);
        assertThat(lead.path("status").asText()).as("target ≤ 7 days").isEqualTo("MET");
    }

    @Test
    void leadTimeFromInclusionToKit() {
        // P1 included 9 Apr, kit 12 Apr: 3 days; P3 17 → 18 Apr: 1 day
        JsonNode lead = kpi("lead-inclusion-kit");
        assertThat(lead.path("value").asDouble()).isEqualTo(1.0);
        assertThat(figure(lead, "p90")).isEqualTo(3.0);
    }

    @Test
    void leadTimeFromKitToFirstMeasurement() {
        // P1 kit 12 Apr 10:00, first weight 13 Apr 08:00: 22 hours = 0.9 days; P3 18 Apr 12:00 → 21 Apr 12:00: 3 days
        JsonNode lead = kpi("lead-kit-first-measurement");
        assertThat(lead.path("value").asDouble()).isEqualTo(0.9);
        assertThat(figure(lead, "p90")).isEqualTo(3.0);
        assertThat(lead.path("status").asText()).isEqualTo("MET");
    }

    @Test
    void leadTimeFromStartupToTitration() {
        // P1 12 Apr 12:00 → 26 Apr 12:00: 14 days; P3 reaches titration after the period (not counted)
        JsonNode lead = kpi("lead-startup-titration");
        assertThat(lead.path("value").asDouble()).isEqualTo(14.0);
        assertThat(figure(lead, "count")).isEqualTo(1);
    }

    @Test
    void reassessmentsOnTimeCountTheLateAndTheOverdueAgainstIt() {
        // due in April: P5 done a day early (on time), P4 done 2 days late, P1 not done and overdue; P3's ended with its
        // task cancelled (not judged) → 1 of 3 on time; overdue: 2 days (P4) and P1's (over a year by now): median 2
        JsonNode reassessments = kpi("reassessments");
        assertThat(reassessments.path("value").asDouble()).isEqualTo(33.3);
        assertThat(figure(reassessments, "late")).isEqualTo(1);
        assertThat(figure(reassessments, "overdue-open")).isEqualTo(1);
        assertThat(figure(reassessments, "overdue-p50")).isEqualTo(2.0);
        assertThat(reassessments.path("status").asText()).as("target ≥ 95 %").isEqualTo("MISSED");
        assertThat(reassessments.path("target").path("text").asText()).isEqualTo("≥ 95 %");
    }

    @Test
    void redMeasurementToNurseActionCountsTheClinicsOpeningHoursAndHolidays() {
        // R1 on Maundy Thursday 10:00, due Tue 22 Apr 10:00 (Easter closed), done 09:00: within, 119 hours;
        // R2 15 Apr 09:00, due 11:00, done 12:00: 3 hours, late; R3 acknowledged in triage after 0.5 hours: within;
        // R4 (P3) never acted on, due passed: late; P2's red raised no task: not counted → 2 of 4 within
        JsonNode red = kpi("red-action");
        assertThat(red.path("value").asDouble()).isEqualTo(50.0);
        assertThat(figure(red, "reds")).isEqualTo(5);
        assertThat(figure(red, "p50")).isEqualTo(3.0);
        assertThat(figure(red, "p90")).isEqualTo(119.0);
        assertThat(figure(red, "open")).isEqualTo(1);
        assertThat(figure(red, "no-task")).isEqualTo(1);
        assertThat(chart(red, "distribution")).containsEntry("< 1 t", 1.0).containsEntry("2–4 t", 1.0).containsEntry("> 24 t", 1.0);
    }

    @Test
    void adherenceIsReceivedOfExpectedPerCitizenWithoutPausedDays() {
        // P1: 12 Apr – 4 May = 23 days; weight daily 23 expected, 20 received; pulse weekly 3 expected, 3 (the reds) → 23 of 26
        // P3: 18 Apr – 4 May = 17 days less 5 paused (24–28 Apr) = 12; weight daily 12 expected, 3 received → 25 %
        // median (nearest rank) of 25 % and 88.5 %: 25 %
        JsonNode adherence = kpi("adherence");
        assertThat(adherence.path("value").asDouble()).isEqualTo(25.0);
        assertThat(figure(adherence, "citizens")).isEqualTo(2);
        assertThat(figure(adherence, "expected")).isEqualTo(38);
        assertThat(figure(adherence, "received")).isEqualTo(26);
        assertThat(figure(adherence, "at-least-80")).isEqualTo(50.0);
        assertThat(chart(adherence, "distribution")).containsEntry("< 50 %", 1.0).containsEntry("80–95 %", 1.0);
    }

    @Test
    void missingMeasurementAlarmsPerHundredCitizenDays() {
        // 2 alarms for P1, 1 for P3, on 23 + 12 monitored days: 3 / 35 × 100 = 8.6
        JsonNode alarms = kpi("missing-alarms");
        assertThat(alarms.path("value").asDouble()).isEqualTo(8.6);
        assertThat(figure(alarms, "citizen-days")).isEqualTo(35);
        assertThat(alarms.path("status").asText()).as("target ≤ 5").isEqualTo("MISSED");
    }

    @Test
    void outcomesCountDischargesDurationsHandoversAndReadmissions() {
        // ended in April: P2 rejected, P4 to the GP after 142 days, P5 for non-adherence after 118 days
        JsonNode outcomes = kpi("outcomes");
        assertThat(outcomes.path("value").asDouble()).isEqualTo(2);
        assertThat(figure(outcomes, "to-gp")).isEqualTo(1);
        assertThat(figure(outcomes, "non-adherence")).isEqualTo(1);
        assertThat(figure(outcomes, "non-adherence-share")).isEqualTo(50.0);
        assertThat(figure(outcomes, "rejected")).isEqualTo(1);
        assertThat(figure(outcomes, "duration-p50")).isEqualTo(118.0);
        assertThat(figure(outcomes, "duration-p90")).isEqualTo(142.0);
        assertThat(figure(outcomes, "handovers")).isEqualTo(1);
        assertThat(figure(outcomes, "readmissions")).isEqualTo(1);
    }

    @Test
    void callsPerMunicipalityAndContactsByType() {
        JsonNode calls = kpi("calls");
        assertThat(calls.path("value").asDouble()).isEqualTo(4);
        assertThat(figure(calls, "front-desk")).isEqualTo(3);
        assertThat(figure(calls, "contacts")).isEqualTo(2);
        assertThat(chart(calls, "by-municipality")).containsOnly(Map.entry(h.municipality, 2.0), Map.entry(h.neighbour, 2.0));
        assertThat(chart(calls, "by-kind")).containsEntry("CALL_BACK_FROM_QUEUE", 2.0).containsEntry("INCOMING_ANSWERED", 1.0)
                .containsEntry("ikke registreret endnu", 1.0);
        assertThat(chart(calls, "by-note")).containsEntry("Tfn", 2.0);
    }

    @Test
    void callBacksKeptOnThePromisedDay() {
        // C1 called back before the close of phone hours (kept); C2 promised for Friday, made on Monday (missed);
        // C4 never made and past due (missed) → 1 of 3
        JsonNode callBacks = kpi("call-backs");
        assertThat(callBacks.path("value").asDouble()).isEqualTo(33.3);
        assertThat(figure(callBacks, "missed")).isEqualTo(2);
        assertThat(chart(callBacks, "by-municipality")).containsOnly(Map.entry(h.municipality, 50.0), Map.entry(h.neighbour, 0.0));
    }

    @Test
    void kitFaultsSwapsAndServiceLevelBreachesPerServiceCenter() {
        JsonNode faults = kpi("kit-faults");
        assertThat(faults.path("value").asDouble()).isEqualTo(33.3);
        assertThat(figure(faults, "faults")).isEqualTo(3);
        assertThat(figure(faults, "swaps")).isEqualTo(1);
        assertThat(figure(faults, "open")).isEqualTo(1);
        String center = "KPI-servicecenter " + h.key;
        assertThat(chart(faults, "by-service-center")).containsEntry(center + ":faults", 3.0).containsEntry(center + ":breaches", 1.0);
    }

    @Test
    void workloadPerOrganisationAndRole() {
        // open now: two of the clinic's nurses (one overdue), one of the municipal nurses; done in April: three,
        // waiting 2 and 4 hours (median 2) and working 1 hour for the nurses' reviews
        JsonNode workload = kpi("workload");
        assertThat(workload.path("value").asDouble()).isEqualTo(3);
        assertThat(figure(workload, "overdue")).isEqualTo(1);
        assertThat(figure(workload, "created")).isEqualTo(3);
        assertThat(figure(workload, "completed")).isEqualTo(3);
        assertThat(chart(workload, "open-by-team")).containsOnly(Map.entry(h.clinic + ".hf-nurse", 2.0),
                Map.entry(h.municipality + ".municipal-nurse", 1.0));
        assertThat(chart(workload, "created-by-week")).containsEntry("2025-W15", 2.0).containsEntry("2025-W16", 1.0);
        assertThat(chart(workload, "waiting-by-type")).containsEntry("Gennemgå målinger", 2.0).containsEntry("Ring borgeren op", 0.5);
        assertThat(chart(workload, "working-by-type")).containsEntry("Gennemgå målinger", 1.0).containsEntry("Ring borgeren op", 1.0);
    }

    @Test
    void measurementsReceivedByColourAndType() {
        // P1 20 weights and 3 red pulses, P2 1 red pulse, P3 3 weights and 1 red pulse
        JsonNode measurements = kpi("measurements");
        assertThat(measurements.path("value").asDouble()).isEqualTo(28);
        assertThat(chart(measurements, "by-colour")).containsEntry("GREEN", 23.0).containsEntry("RED", 5.0);
        assertThat(chart(measurements, "by-type")).containsEntry("WEIGHT", 23.0).containsEntry("PULSE", 5.0);
    }

    @Test
    void retractedMeasurementsAreNotCountedAndACorrectedOneCountsOnce() {
        // a history of its own (another region), changed as the intake changes measurements: on PostgreSQL the roll-ups'
        // triggers must follow each change, on H2 the queries read the rows
        KpiHistory r = new KpiHistory(jdbc).build(organisations, identity, staff);
        try {
            // P1: a red pulse with its review task, never acted on and overdue, and a weight on 12 Apr 14:00 (before its first,
            // 13 Apr 08:00), both retracted by their sender; P3: a red pulse corrected by its sender to a green one
            long red = r.measurement(r.p1, "PULSE", "RED", "2025-04-24T10:00", null);
            r.redTask(red, "2025-04-24T10:00:30", "2025-04-24T12:00", null);
            long weight = r.measurement(r.p1, "WEIGHT", "GREEN", "2025-04-12T14:00", null);
            long corrected = r.measurement(r.p3, "PULSE", "RED", "2025-04-22T09:00", null);
            r.retract(red, "2025-04-24T10:30");
            r.retract(weight, "2025-04-12T15:00");
            r.correct(corrected, "GREEN", "2025-04-22T09:05");

            // measurements: the 28 of the history and the corrected pulse once, as green (not red, not twice)
            JsonNode measurements = kpi(r.regionManager, "measurements", period());
            assertThat(measurements.path("value").asDouble()).isEqualTo(29);
            assertThat(chart(measurements, "by-colour")).containsEntry("GREEN", 24.0).containsEntry("RED", 5.0);
            assertThat(chart(measurements, "by-type")).containsEntry("WEIGHT", 23.0).containsEntry("PULSE", 6.0);
            // red-action as without the retracted red (counted, it would be 2 of 5 within, 6 reds, 2 open)
            JsonNode redAction = kpi(r.regionManager, "red-action", period());
            assertThat(redAction.path("value").asDouble()).isEqualTo(50.0);
            assertThat(figure(redAction, "reds")).isEqualTo(5);
            assertThat(figure(redAction, "open")).isEqualTo(1);
            // adherence as without the retracted weight (counted, P1 would have 21 weights of 23: 27 received)
            JsonNode adherence = kpi(r.regionManager, "adherence", period());
            assertThat(figure(adherence, "expected")).isEqualTo(38);
            assertThat(figure(adherence, "received")).isEqualTo(26);
            // the first measurement is still 13 Apr 08:00: 0.9 days after the kit (the retracted weight would make it 0.2)
            assertThat(kpi(r.regionManager, "lead-kit-first-measurement", period()).path("value").asDouble()).isEqualTo(0.9);

            // no sender can take a retraction back, but should one be undone the weight counts again, everywhere
            r.unretract(weight);
            assertThat(kpi(r.regionManager, "measurements", period()).path("value").asDouble()).isEqualTo(30);
            assertThat(figure(kpi(r.regionManager, "adherence", period()), "received")).isEqualTo(27);
            // P1 kit 12 Apr 10:00 → 14:00: 4 hours = 0.2 days; P3 3 days: median (nearest rank) 0.2
            assertThat(kpi(r.regionManager, "lead-kit-first-measurement", period()).path("value").asDouble()).isEqualTo(0.2);
        } finally {
            r.removeRuntimeTasks();
        }
    }

    // ------------------------------------------------------------------ scope and filters

    @Test
    void aMunicipalitysManagerSeesHerMunicipalityOnly() {
        // her citizens: P1, P2, P4, P5 (P3 lives in the neighbouring municipality, which also monitors it)
        assertThat(kpi(h.municipalManager, "phases", period()).path("value").asDouble()).isEqualTo(1);
        assertThat(chart(kpi(h.municipalManager, "phases", period()), "by-municipality")).containsOnlyKeys(h.municipality);
        assertThat(kpi(h.municipalManager, "referrals", period()).path("value").asDouble()).isEqualTo(2);
        assertThat(kpi(h.municipalManager, "calls", period()).path("value").asDouble()).isEqualTo(2);
        assertThat(kpi(h.municipalManager, "call-backs", period()).path("value").asDouble()).isEqualTo(50.0);
        assertThat(figure(kpi(h.municipalManager, "kit-faults", period()), "faults")).isEqualTo(2);
        assertThat(figure(kpi(h.municipalManager, "red-action", period()), "reds")).isEqualTo(4);
        assertThat(chart(kpi(h.municipalManager, "workload", period()), "open-by-team")).containsOnlyKeys(h.municipality + ".municipal-nurse");
        JsonNode all = http.withBasicAuth(h.municipalManager, "secret").getForObject("/api/kpis?" + period(), JsonNode.class);
        assertThat(all.path("kpis")).hasSize(KpiDefinition.values().length);
        assertThat(all.path("scope").path("organisations").findValuesAsText("id")).containsExactly(h.municipality);
        assertThat(all.toString()).doesNotContain(h.neighbour);

        // she cannot choose the neighbour; the region's manager can, and then sees only it
        ResponseEntity<JsonNode> refused = get(h.municipalManager, "/api/kpis/phases?organisation=" + h.neighbour);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("organisation");
        assertThat(kpi(h.regionManager, "phases", period() + "&organisation=" + h.neighbour).path("value").asDouble()).isEqualTo(1);
        assertThat(kpi(h.regionManager, "referrals", period() + "&region=" + h.region).path("value").asDouble()).isEqualTo(3);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        assertProblem(get(h.regionManager, "/api/kpis/phases?from=2025-13-01"), HttpStatus.BAD_REQUEST, "from");
        assertProblem(get(h.regionManager, "/api/kpis?from=2025-05-01&to=2025-04-01"), HttpStatus.BAD_REQUEST, "from");
        assertProblem(get(h.regionManager, "/api/kpis?from=2024-01-01&to=2025-04-01"), HttpStatus.BAD_REQUEST, "to");
        assertProblem(get(h.regionManager, "/api/kpis?organisation=Not%20An%20Id"), HttpStatus.BAD_REQUEST, "organisation");
        assertProblem(get(h.regionManager, "/api/kpis?organisation=" + PathwayDriver.MUNICIPALITY), HttpStatus.NOT_FOUND, "organisation");
        assertProblem(get(h.regionManager, "/api/kpis?region=NORD"), HttpStatus.NOT_FOUND, "region");
        assertProblem(get(h.regionManager, "/api/kpis?region=%3Cscript%3E"), HttpStatus.BAD_REQUEST, "region");
        ResponseEntity<JsonNode> unknown = get(h.regionManager, "/api/kpis/happiness");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().path("detail").asText()).contains("reassessments");
        assertThat(get(h.regionManager, "/api/kpis/calls/pathways").getStatusCode()).as("no drill-down").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("testnurse", "/api/kpis").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    // ------------------------------------------------------------------ drill-down and CSV

    @Test
    void theDrillDownListsThePathwaysBehindAFigureAndIsInTheAccessLog() {
        JsonNode drill = http.withBasicAuth(h.regionManager, "secret")
                .getForObject("/api/kpis/reassessments/pathways?" + period(), JsonNode.class);
        List<String> ids = drill.path("pathways").findValuesAsText("pathwayId");
        // the most overdue first: P1 (still not done), P4 (2 days late), P5 (on time)
        assertThat(ids).containsExactly(h.p1.toString(), h.p4.toString(), h.p5.toString());
        assertThat(drill.path("pathways").get(1).path("note").asText()).isEqualTo("for sent");
        assertThat(drill.toString()).as("no citizen data beyond ids").doesNotContain("KPI-borger").doesNotContain("citizenId");
        Integer logged = jdbc.queryForObject("select count(*) from audit_entry where actor = ? and resource = 'kpi-pathways' and action = 'READ' "
                + "and pathway_id in (?, ?, ?) and citizen_id is not null", Integer.class, h.regionManager, h.p1, h.p4, h.p5);
        assertThat(logged).isEqualTo(3);
    }

    @Test
    void csvByAcceptHeaderOrSuffix() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> byAccept = http.withBasicAuth(h.regionManager, "secret").exchange("/api/kpis/reassessments?" + period(),
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(byAccept.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(byAccept.getBody()).startsWith("\uFEFFPeriode fra;Periode til;KPI")
                .contains("2025-04-07;2025-05-04;reassessments;Revurderinger til tiden;nøgletal;reassessments;Revurderinger til tiden;33,3;%;≥ 95 %;mål ikke nået\r\n");
        ResponseEntity<String> bySuffix = http.withBasicAuth(h.regionManager, "secret").getForEntity("/api/kpis/reassessments.csv?" + period(),
                String.class);
        assertThat(bySuffix.getBody()).isEqualTo(byAccept.getBody());
        assertThat(bySuffix.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("kpi-reassessments-2025-04-07-2025-05-04.csv");
    }

    // ------------------------------------------------------------------ on the application's own history

    @Test
    void redActionFindsTheTaskTheApplicationMadeForARedMeasurement() throws InterruptedException {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"senderId\": \"kpi-" + UUID.randomUUID() + "\", \"citizenId\": \"" + citizen + "\", \"type\": \"PULSE\", "
                + "\"value\": 130, \"unit\": \"/min\", \"measuredAt\": \"" + java.time.Instant.now().minusSeconds(60) + "\"}";
        assertThat(http.withBasicAuth("testsender", "secret").postForEntity("/api/measurements", new HttpEntity<>(body, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (int i = 0; i < 100 && driver.openTasks(pathway, Element.Task_ReviewRedMeasurement).isEmpty(); i++) {
            Thread.sleep(100);
        }
        driver.complete(pathway, Element.Task_ReviewRedMeasurement, "testnurse", Map.of("redAction", "ADVICE_GIVEN"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        JsonNode drill = http.withBasicAuth("testclinicmanager", "secret").getForObject("/api/kpis/red-action/pathways?from="
                + today.minusDays(1) + "&to=" + today.plusDays(1), JsonNode.class);
        List<String> notes = new ArrayList<>();
        drill.path("pathways").forEach(p -> {
            if (p.path("pathwayId").asText().equals(pathway.toString())) {
                notes.add(p.path("note").asText());
            }
        });
        assertThat(notes).as("the red measurement, acted on at once").containsExactly("inden for to åbningstimer");
    }
}
