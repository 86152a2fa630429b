package dk.carepath.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.region.Organisations;
import dk.carepath.security.Membership;
import dk.carepath.security.Role;
import dk.carepath.security.Staff;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A process owner tries out a test citizen in each shipped region through the API: the path, the
 * teams, the thresholds, the numbers and the letters differ as the packs say; nothing is written;
 * another region's process owner and a nurse are refused; a bad referral is refused naming the field.
 */
@CarepathTest
class DryRunTest {

    /** process owner of the three shipped regions (not of TEST) */
    static final String OWNER = "testpackowner";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;
    @Autowired
    Organisations organisations;

    @BeforeEach
    void ownerOfTheShippedRegions() {
        if (identity.createUserQuery().userId(OWNER).count() == 0) {
            var u = identity.newUser(OWNER);
            u.setFirstName(OWNER);
            u.setLastName("Test");
            u.setPassword("secret");
            identity.saveUser(u);
        }
        for (String region : List.of("region-midt", "region-syd", "region-nord")) {
            staff.enrol(OWNER, new Membership(region, Role.PROCESS_OWNER), organisations.find(region).orElseThrow().name());
        }
    }

    static Map<String, Object> facts(boolean hasMitId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ejectionFraction", 30);
        for (String f : List.of("titrationTargetGroup", "canUnderstandOwnValues", "communicatesInDanish", "canHandleSolution", "hasSupport",
                "interested", "canMeasureAndReport", "fixedResidenceInRegion", "gpInRegion")) {
            facts.put(f, true);
        }
        facts.put("hasMitId", hasMitId);
        return facts;
    }

    static Map<String, Object> referral(String clinic, String municipality, String gp, Map<String, Object> facts) {
        Map<String, Object> citizen = new HashMap<>();
        citizen.put("municipalityId", municipality);
        citizen.put("gpPracticeId", gp);
        return Map.of("clinicId", clinic, "citizen", citizen, "facts", facts, "source", "HF_CLINIC");
    }

    ResponseEntity<JsonNode> dryRun(String user, String region, Object body) {
        return http.withBasicAuth(user, "secret").postForEntity("/api/regions/" + region + "/dry-run", body, JsonNode.class);
    }

    JsonNode ok(String user, String region, Object body) {
        ResponseEntity<JsonNode> answer = dryRun(user, region, body);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    static List<String> elements(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.path("path").forEach(s -> ids.add(s.path("elementId").asText()));
        return ids;
    }

    static JsonNode step(JsonNode result, String element) {
        for (JsonNode s : result.path("path")) {
            if (s.path("elementId").asText().equals(element)) {
                return s;
            }
        }
        for (JsonNode s : result.path("otherTasks")) {
            if (s.path("elementId").asText().equals(element)) {
                return s;
            }
        }
        throw new AssertionError("no step " + element + " in " + result);
    }

    static List<String> groups(JsonNode result, String element) {
        return step(result, element).path("assignees").findValuesAsText("group");
    }

    static JsonNode letter(JsonNode result, String kind) {
        for (JsonNode l : result.path("letters")) {
            if (l.path("kind").asText().equals(kind)) {
                return l;
            }
        }
        throw new AssertionError("no letter " + kind);
    }

    @Test
    void midtKeepsMonitoringInTheClinicAndTellsItsOwnNumbers() {
        JsonNode result = ok(OWNER, "MIDT", referral("hjerteklinik-auh", "kommune-751", "laege-aarhus-c", facts(true)));
        assertThat(result.path("eligibility").path("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(result.path("eligibility").path("decision").asText()).isEqualTo("inclusion-eligibility");
        assertThat(elements(result)).containsSubsequence("Task_EvaluateInclusionEligibility", "Gateway_EligibilityResult",
                "Task_CardiologicalAssessment", "Task_NursingAssessment", "Gateway_InclusionDecision", "Task_SetMonitoringPlan",
                "Task_SendInclusionCorrespondence", "Task_InstallKit", "Task_CallCitizenAfterSetup", "Event_StartupPeriodEnded",
                "Task_ConcludeStartup", "Task_ReviewMeasurements", "Event_ReassessmentDue", "Task_Reassess", "Gateway_ReassessmentOutcome",
                "Task_CollectKit", "Task_SendDischargeLetter", "Event_DischargedToGp");
        assertThat(elements(result)).doesNotContain("Task_ConfirmRejection", "Event_ReferralRejected");
        assertThat(groups(result, "Task_CardiologicalAssessment")).containsExactly("hjerteklinik-auh.cardiologist");
        assertThat(groups(result, "Task_InstallKit")).containsExactly("fsc-midt.service-center");
        assertThat(groups(result, "Task_CallCitizenAfterSetup")).containsExactly("hjerteklinik-auh.hf-nurse");
        assertThat(groups(result, "Task_ReviewMeasurements")).as("the clinic monitors throughout").containsExactly("hjerteklinik-auh.hf-nurse");
        assertThat(groups(result, "Task_ReviewRedMeasurement")).containsExactly("hjerteklinik-auh.hf-nurse");
        assertThat(groups(result, "Task_ConcludeStartup")).containsExactly("hjerteklinik-auh.hf-nurse", "hjerteklinik-auh.cardiologist");
        assertThat(step(result, "Task_ReviewMeasurements").path("contactPerson").asBoolean()).isTrue();
        JsonNode outcome = step(result, "Gateway_ReassessmentOutcome");
        assertThat(outcome.path("kind").asText()).isEqualTo("DECISION");
        assertThat(outcome.path("decidedByRules").asBoolean()).isFalse();
        assertThat(outcome.path("alternatives").findValuesAsText("flowId")).contains("Flow_ContinueMonitoring", "Flow_HandOverMonitoring");
        assertThat(step(result, "Event_ReassessmentDue").path("note").asText()).contains("10. uge");
        assertThat(result.path("plan").path("reassessmentIntervalWeeks").asInt()).isEqualTo(10);
        assertThat(result.path("parties").path("monitoringAfterStart").path("id").asText()).isEqualTo("hjerteklinik-auh");
        assertThat(result.path("citizen").path("supportPhone").asText()).isEqualTo("+45 7020 3048");
        assertThat(result.path("citizen").path("red").asText()).contains("70 11 31 31");
        assertThat(letter(result, "INCLUSION_NOTICE").path("to").findValuesAsText("id")).containsExactly("kommune-751", "laege-aarhus-c");
        assertThat(letter(result, "INCLUSION_NOTICE").path("onPath").asBoolean()).isTrue();
        assertThat(letter(result, "DISCHARGE_LETTER").path("to").findValuesAsText("id")).containsExactly("laege-aarhus-c", "kommune-751");
        assertThat(letter(result, "REJECTION_NOTICE").path("onPath").asBoolean()).isFalse();
        assertThat(result.path("assumptions").toString()).contains("Intet er gemt", "monitoring-after-start: CLINIC");
    }

    @Test
    void midtRequiresMitIdSoTheRulesRejectAndTheReferrerIsTold() {
        JsonNode result = ok(OWNER, "MIDT", referral("hjerteklinik-auh", "kommune-751", null, facts(false)));
        assertThat(result.path("eligibility").path("outcome").asText()).isEqualTo("NOT_ELIGIBLE");
        assertThat(result.path("eligibility").path("reason").asText()).contains("MitID");
        JsonNode decided = step(result, "Gateway_EligibilityResult");
        assertThat(decided.path("decidedByRules").asBoolean()).isTrue();
        assertThat(decided.path("chosen").path("flowId").asText()).isEqualTo("Flow_RuleNotEligible");
        assertThat(elements(result)).containsSubsequence("Task_ConfirmRejection", "Task_InformReferrerOfRejection", "Event_ReferralRejected");
        assertThat(elements(result)).doesNotContain("Task_SetMonitoringPlan");
        assertThat(letter(result, "REJECTION_NOTICE").path("to").findValuesAsText("id")).containsExactly("hjerteklinik-auh");
        assertThat(letter(result, "REJECTION_NOTICE").path("onPath").asBoolean()).isTrue();
        assertThat(letter(result, "INCLUSION_NOTICE").path("to").findValuesAsText("id")).as("no GP practice given").containsExactly("kommune-751");
    }

    @Test
    void sydHandsMonitoringToTheMunicipalityAfterStartAndNeedsNoMitId() {
        JsonNode result = ok(OWNER, "SYD", referral("hjerteklinik-ouh", "kommune-461", "laege-odense-c", facts(false)));
        assertThat(result.path("eligibility").path("outcome").asText()).as("no MitID requirement").isEqualTo("ELIGIBLE");
        assertThat(groups(result, "Task_CallCitizenAfterSetup")).as("in the start-up the clinic monitors").containsExactly("hjerteklinik-ouh.hf-nurse");
        assertThat(step(result, "Task_ConcludeStartup").path("note").asText()).contains("Odense Kommune");
        assertThat(groups(result, "Task_ReviewMeasurements")).as("after the start-up the municipality").containsExactly("kommune-461.municipal-nurse");
        assertThat(groups(result, "Task_ReviewRedMeasurement")).containsExactly("kommune-461.municipal-nurse");
        assertThat(step(result, "Task_ReviewRedMeasurement").path("note").asText()).contains("Under opstartsperioden", "Hjertemedicinsk ambulatorium");
        assertThat(groups(result, "Task_InstallKit")).containsExactly("tss-syd.service-center");
        assertThat(groups(result, "Task_Reassess")).containsExactly("hjerteklinik-ouh.cardiologist", "hjerteklinik-ouh.hf-nurse");
        assertThat(result.path("parties").path("monitoringAfterStart").path("id").asText()).isEqualTo("kommune-461");
        assertThat(result.path("plan").path("reassessmentIntervalWeeks").asInt()).isEqualTo(12);
        assertThat(result.path("citizen").path("serviceCenter").asText()).contains("TSS");
        assertThat(result.path("assumptions").toString()).contains("monitoring-after-start: MUNICIPALITY");
    }

    @Test
    void nordTellsTeleCareNordsNumberAndStartsFromItsOwnPulseThresholds() {
        JsonNode result = ok(OWNER, "NORD", referral("hjerteklinik-aauh", "kommune-851", "laege-aalborg-c", facts(false)));
        assertThat(result.path("eligibility").path("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(result.path("citizen").path("supportPhone").asText()).isEqualTo("98 45 84 84");
        assertThat(result.path("citizen").path("supportLine").asText()).contains("TeleCare Nord", "98 45 84 84");
        assertThat(result.path("citizen").path("logistics").asText()).isEqualTo("ATEA");
        assertThat(result.path("citizen").path("red").asText()).contains("70 15 03 00");
        assertThat(groups(result, "Task_InstallKit")).containsExactly("tcn-nord.service-center");
        assertThat(groups(result, "Task_ReviewMeasurements")).containsExactly("kommune-851.municipal-nurse");
        JsonNode pulse = null;
        for (JsonNode t : result.path("plan").path("thresholds")) {
            if (t.path("name").asText().equals("pulse")) {
                pulse = t;
            }
        }
        assertThat(pulse).isNotNull();
        assertThat(pulse.path("limits").toString()).isEqualTo("[40,45,95,110]");
        assertThat(pulse.path("regional").asBoolean()).isTrue();
    }

    @Test
    void aDryRunWritesNothing() {
        List<String> counts = List.of("select count(*) from pathway", "select count(*) from citizen", "select count(*) from referral",
                "select count(*) from pathway_journal", "select count(*) from outbound_mail", "select count(*) from monitoring_plan",
                "select count(*) from audit_entry", "select count(*) from act_ru_execution", "select count(*) from act_ru_task",
                "select count(*) from act_hi_procinst", "select count(*) from act_ru_job");
        List<Long> before = counts.stream().map(q -> jdbc.queryForObject(q, Long.class)).toList();
        ok(OWNER, "MIDT", referral("hjerteklinik-auh", "kommune-751", "laege-aarhus-c", facts(true)));
        ok(OWNER, "SYD", referral("hjerteklinik-ouh", "kommune-461", null, facts(false)));
        ok("testowner", "TEST", referral(PathwayDriver.CLINIC, PathwayDriver.MUNICIPALITY, PathwayDriver.GP, facts(true)));
        List<Long> after = counts.stream().map(q -> jdbc.queryForObject(q, Long.class)).toList();
        assertThat(after).as(String.join(", ", counts)).isEqualTo(before);
    }

    @Test
    void anotherRegionsProcessOwnerAndANurseAreRefused() {
        Object body = referral(PathwayDriver.CLINIC, PathwayDriver.MUNICIPALITY, null, facts(true));
        assertThat(dryRun("testotherowner", "TEST", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dryRun(OWNER, "TEST", body).getStatusCode()).as("process owner of other regions").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dryRun("testnurse", "TEST", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dryRun("testcardiologist", "TEST", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dryRun("testowner", "NOWHERE", body).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBadReferralIsRefusedNamingTheField() {
        Map<String, Object> badFacts = facts(true);
        badFacts.put("ejectionFraction", 200);
        ResponseEntity<JsonNode> invalid = dryRun("testowner", "TEST", referral(PathwayDriver.CLINIC, PathwayDriver.MUNICIPALITY, null, badFacts));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().path("errors").findValuesAsText("field")).containsExactly("facts.ejectionFraction");

        ResponseEntity<JsonNode> otherRegion = dryRun("testowner", "TEST", referral("hjerteklinik-auh", PathwayDriver.MUNICIPALITY, null, facts(true)));
        assertThat(otherRegion.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherRegion.getBody().path("errors").findValuesAsText("field")).containsExactly("clinicId");

        ResponseEntity<JsonNode> notAMunicipality = dryRun("testowner", "TEST", referral(PathwayDriver.CLINIC, PathwayDriver.GP, null, facts(true)));
        assertThat(notAMunicipality.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notAMunicipality.getBody().path("errors").findValuesAsText("field")).containsExactly("citizen.municipalityId");

        ResponseEntity<JsonNode> noClinic = dryRun("testowner", "TEST", Map.of("citizen", Map.of("municipalityId", PathwayDriver.MUNICIPALITY),
                "facts", facts(true)));
        assertThat(noClinic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noClinic.getBody().path("errors").findValuesAsText("field")).containsExactly("clinicId");
    }

    @Test
    void theModelsConditionsAreReadAsTheEngineWould() {
        Map<String, String> v = Map.of("a", "X", "b", "true");
        assertThat(DryRuns.holds("${a == 'X'}", v)).isTrue();
        assertThat(DryRuns.holds("${a == 'Y' || a == 'X'}", v)).isTrue();
        assertThat(DryRuns.holds("${a == 'X' && c == 'Z'}", v)).isFalse();
        assertThat(DryRuns.holds("${b}", v)).isTrue();
        assertThat(DryRuns.holds("${b == true}", v)).isTrue();
        assertThat(DryRuns.holds("${someBean.call(execution)}", v)).as("not a form it reads: the default flow").isFalse();
    }
}
