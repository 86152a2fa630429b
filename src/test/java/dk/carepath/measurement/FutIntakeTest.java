package dk.carepath.measurement;

import static dk.carepath.measurement.FutExamples.at;
import static dk.carepath.measurement.FutExamples.half;
import static dk.carepath.measurement.FutExamples.load;
import static dk.carepath.measurement.FutExamples.values;
import static dk.carepath.measurement.FutExamples.weight;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.measurement.FutExamples.FutCitizen;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
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
 * Measurements as the national telemedicine infrastructure shapes them (the FUT IG's profile, codes,
 * ConceptMaps and operation examples, src/test/resources/fhir/fut): weight with effectivePeriod and
 * FUT's Patient URL, pulse with a contained Patient's CPR, blood pressure in two Observations and as
 * the ZZ3170 panel, steps of a day and a week, a questionnaire answer in $submit-measurement with
 * Media and Provenance, a correction, a retraction; every answer FHIR.
 */
@CarepathTest
class FutIntakeTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FhirIntake intake;
    @Autowired
    HistoryService history;

    ResponseEntity<JsonNode> post(String path, String fhir) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        return http.withBasicAuth("testsender", "secret").postForEntity(path, new HttpEntity<>(fhir, headers), JsonNode.class);
    }

    static List<String> expressions(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getBody().path("resourceType").asText()).as(answer.toString()).isEqualTo("OperationOutcome");
        return answer.getBody().path("issue").findValuesAsText("expression").isEmpty() ? List.of()
                : answer.getBody().path("issue").findValues("expression").stream().flatMap(e -> java.util.stream.StreamSupport
                .stream(e.spliterator(), false)).map(JsonNode::asText).toList();
    }

    /** the entries' response.status of a response Bundle */
    static List<String> statuses(JsonNode bundle) {
        List<String> statuses = new java.util.ArrayList<>();
        bundle.path("entry").forEach(e -> statuses.add(e.path("response").path("status").asText()));
        return statuses;
    }

    static String colour(JsonNode observation) {
        for (JsonNode interpretation : observation.path("interpretation")) {
            for (JsonNode coding : interpretation.path("coding")) {
                if (coding.path("system").asText().equals(FhirCodes.COLOUR)) {
                    return coding.path("code").asText();
                }
            }
        }
        return null;
    }

    Map<String, Object> stored(String senderId) {
        return jdbc.queryForMap("select * from measurement where sender_id = ?", senderId);
    }

    // ---- weight, subject, time

    @Test
    void shouldTakeAWeightAsFutShapesItForThePatientLinkedAtReferral() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String id = UUID.randomUUID().toString();
        String when = at(3);

        ResponseEntity<JsonNode> answer = post("/api/fhir/Observation", weight(c, id, "final", "80.6", when));

        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        JsonNode observation = answer.getBody();
        assertThat(observation.path("resourceType").asText()).isEqualTo("Observation");
        assertThat(colour(observation)).isEqualTo("GREEN");
        assertThat(observation.path("interpretation").toString()).contains(FhirCodes.INTERPRETATION, "\"N\"");
        Map<String, Object> row = stored("urn:ietf:rfc:3986|urn:uuid:" + id);
        assertThat(observation.path("id").asText()).isEqualTo(row.get("id").toString());
        assertThat(answer.getHeaders().getLocation().toString()).isEqualTo("/api/fhir/Observation/" + row.get("id"));
        assertThat(row.get("citizen_id")).isEqualTo(c.citizen());
        assertThat(((Timestamp) row.get("measured_at")).toInstant()).as("start = end: that moment").isEqualTo(Instant.parse(when));
        assertThat(row.get("period_start")).as("a moment has no period").isNull();

        ResponseEntity<JsonNode> again = post("/api/fhir/Observation", weight(c, id, "final", "80.6", when));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().path("id").asText()).isEqualTo(row.get("id").toString());
    }

    @Test
    void shouldLearnThePatientFromTheCprSentWithItAndNeverGuess() {
        FutCitizen c = FutExamples.citizen(driver, false);
        String unlinked = weight(c, UUID.randomUUID().toString(), "final", "80.2", at(5));

        ResponseEntity<JsonNode> refused = post("/api/fhir/Observation", unlinked);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(expressions(refused)).containsExactly("Observation.subject.reference");
        assertThat(refused.getBody().toString()).contains("not linked", c.patient());

        String withCpr = weight(c, UUID.randomUUID().toString(), "final", "80.2", at(5)).replace(
                "\"subject\": {\"reference\": \"" + c.patientUrl() + "\"}",
                "\"subject\": {\"reference\": \"" + c.patientUrl() + "\", \"identifier\": {\"system\": \"urn:oid:1.2.208.176.1.2\", \"value\": \""
                        + c.cpr() + "\"}}");
        assertThat(withCpr).contains(c.cpr());
        assertThat(post("/api/fhir/Observation", withCpr).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select linked_how from citizen_fhir_patient where citizen_id = ?", String.class, c.citizen()))
                .isEqualTo("CPR");

        assertThat(post("/api/fhir/Observation", weight(c, UUID.randomUUID().toString(), "final", "80.3", at(4))).getStatusCode())
                .as("the patient URL alone, now linked").isEqualTo(HttpStatus.CREATED);

        FutCitizen other = FutExamples.citizen(driver, false);
        String contradicting = withCpr.replace(c.cpr(), other.cpr()).replaceFirst("urn:uuid:[0-9a-f-]+", "urn:uuid:" + UUID.randomUUID());
        ResponseEntity<JsonNode> conflict = post("/api/fhir/Observation", contradicting);
        assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(expressions(conflict)).containsExactly("Observation.subject");

        String elsewhere = unlinked.replace("patient.cit-measurement-2050.local", "patient.elsewhere.example");
        ResponseEntity<JsonNode> unknownServer = post("/api/fhir/Observation", elsewhere);
        assertThat(unknownServer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknownServer.getBody().toString()).contains("does not read");
    }

    @Test
    void shouldTakeAPulseByItsContainedPatientsCpr() {
        FutCitizen c = FutExamples.citizen(driver, false);
        String body = load("pulse-contained-patient.json", values("cpr", c.cpr(), "id", UUID.randomUUID(), "at", at(2), "value", 72));

        ResponseEntity<JsonNode> answer = post("/api/fhir/Observation", body);

        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(colour(answer.getBody())).isEqualTo("GREEN");
        assertThat(jdbc.queryForObject("select citizen_id from measurement where id = ?", UUID.class,
                Long.valueOf(answer.getBody().path("id").asText()))).isEqualTo(c.citizen());

        ResponseEntity<JsonNode> noCpr = post("/api/fhir/Observation", body.replace("urn:oid:1.2.208.176.1.2", "urn:oid:1.2.208.176.1.99"));
        assertThat(noCpr.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(expressions(noCpr)).containsExactly("Observation.subject.reference");
    }

    @Test
    void shouldRefuseAValueWithAComparatorInsteadOfStoringItAsExact() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String body = weight(c, UUID.randomUUID().toString(), "final", "66", at(2))
                .replace("\"valueQuantity\": {\"value\": 66,", "\"valueQuantity\": {\"value\": 66, \"comparator\": \">\",");

        ResponseEntity<JsonNode> answer = post("/api/fhir/Observation", body);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(expressions(answer)).containsExactly("Observation.valueQuantity.comparator");
        assertThat(jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Integer.class, c.citizen())).isZero();
    }

    // ---- blood pressure

    @Test
    void shouldPairTheTwoHalvesOfABloodPressureIntoOneMeasurementColouredOnce() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String when = at(4);
        String systolicId = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = post("/api/fhir/Observation", half(c, systolicId, true, 172, when, "5501"));
        assertThat(first.getStatusCode()).as(first.toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().path("id").asText()).startsWith("part-");
        assertThat(colour(first.getBody())).as("a half alone is not coloured").isNull();
        assertThat(first.getBody().toString()).contains(FhirCodes.PAIR_EXTENSION + "-awaited-until");
        assertThat(jdbc.queryForObject("select count(*) from measurement where citizen_id = ?", Integer.class, c.citizen())).isZero();

        ResponseEntity<JsonNode> second = post("/api/fhir/Observation", half(c, UUID.randomUUID().toString(), false, 95, when, "5501"));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(colour(second.getBody())).as("systolic 172 >= red 160").isEqualTo("RED");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from measurement where citizen_id = ?", c.citizen());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("type")).isEqualTo("BLOOD_PRESSURE");
        assertThat(((Number) rows.get(0).get("value1")).intValue()).isEqualTo(172);
        assertThat(((Number) rows.get(0).get("value2")).intValue()).isEqualTo(95);
        assertThat(second.getBody().toString()).contains(FhirCodes.PAIR_EXTENSION, "Observation/" + rows.get(0).get("id"));
        assertThat(jdbc.queryForObject("select count(*) from measurement_part where measurement_id = ?", Integer.class, rows.get(0).get("id")))
                .isEqualTo(2);
        awaitTask(c.pathway(), Element.Task_ReviewRedMeasurement);
        assertThat(jdbc.queryForObject("select count(*) from pathway_alarm where pathway_id = ? and kind = 'MEASUREMENT_RED'", Integer.class,
                c.pathway())).as("one alarm for the pair").isEqualTo(1);
    }

    @Test
    void shouldPairHalvesInOneBundleAndKeepHalvesOfOtherRequestsApart() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String when = at(6);
        String bundle = FutExamples.bundle("transaction", half(c, UUID.randomUUID().toString(), false, 82, when, "7701"),
                half(c, UUID.randomUUID().toString(), true, 128, when, "7701"),
                // same time, another ServiceRequest: not the same measurement
                half(c, UUID.randomUUID().toString(), true, 131, when, "7702"));

        ResponseEntity<JsonNode> answer = post("/api/fhir", bundle);

        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("type").asText()).isEqualTo("transaction-response");
        assertThat(FutIntakeTest.statuses(answer.getBody())).containsExactly("201 Created", "201 Created", "201 Created");
        List<Map<String, Object>> rows = jdbc.queryForList("select * from measurement where citizen_id = ?", c.citizen());
        assertThat(rows).hasSize(1);
        assertThat(((Number) rows.get(0).get("value1")).intValue()).isEqualTo(128);
        assertThat(rows.get(0).get("colour")).as("128/82 within 100-140 / 60-90").isEqualTo("GREEN");
        assertThat(jdbc.queryForObject("select count(*) from measurement_part where citizen_id = ? and measurement_id is null", Integer.class,
                c.citizen())).as("the third waits for its own other half").isEqualTo(1);
    }

    @Test
    void shouldStoreAHalfWhoseOtherHalfNeverCameAloneAsCheck() {
        FutCitizen c = FutExamples.citizen(driver, true);
        ResponseEntity<JsonNode> first = post("/api/fhir/Observation", half(c, UUID.randomUUID().toString(), true, 150, at(30), "8801"));
        long part = Long.parseLong(first.getBody().path("id").asText().substring("part-".length()));
        jdbc.update("update measurement_part set received_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(3600)), part);

        intake.storeLoneHalves();

        Map<String, Object> row = jdbc.queryForMap("select m.* from measurement m join measurement_part p on p.measurement_id = m.id "
                + "where p.id = ?", part);
        assertThat(row.get("colour")).isEqualTo("CHECK");
        assertThat(row.get("colour_reason").toString()).contains("diastoliske mangler");
        assertThat(((Number) row.get("value1")).intValue()).isEqualTo(150);
        assertThat(row.get("value2")).isNull();
    }

    @Test
    void shouldTakeTheZz3170PanelOfAHomeBloodPressure() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String body = load("blood-pressure-zz3170.json", values("id", UUID.randomUUID(), "serviceRequest", "9901", "patient", c.patient(),
                "at", at(2), "systolic", 145, "diastolic", 85));

        ResponseEntity<JsonNode> answer = post("/api/fhir/Observation", body);

        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(colour(answer.getBody())).as("systolic 145 above yellow 140").isEqualTo("YELLOW");
    }

    // ---- steps

    @Test
    void shouldTakeADaysStepsAtTheEndOfItsPeriodAndAWeeksStepsByTheirDailyMean() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String start = at(24 * 60 + 10);
        String end = at(10);
        String day = load("steps-day.json", values("id", UUID.randomUUID(), "serviceRequest", "6601", "code", "MCS88194", "patient", c.patient(),
                "start", start, "end", end, "value", 6400, "unit", "{Number}"));

        ResponseEntity<JsonNode> answer = post("/api/fhir/Observation", day);

        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> row = jdbc.queryForMap("select * from measurement where id = ?", Long.valueOf(answer.getBody().path("id").asText()));
        assertThat(((Timestamp) row.get("measured_at")).toInstant()).isEqualTo(Instant.parse(end));
        assertThat(((Timestamp) row.get("period_start")).toInstant()).isEqualTo(Instant.parse(start));
        assertThat(row.get("unit")).isEqualTo("{Number}");

        String week = load("steps-day.json", values("id", UUID.randomUUID(), "serviceRequest", "6602", "code", "MCS88193", "patient", c.patient(),
                "start", at(7 * 24 * 60 + 10), "end", end, "value", 70000, "unit", "/wk"));
        ResponseEntity<JsonNode> weekly = post("/api/fhir/Observation", week);
        assertThat(weekly.getStatusCode()).as(weekly.toString()).isEqualTo(HttpStatus.CREATED);
        assertThat(colour(weekly.getBody())).as("10,000 a day is no odd day: not CHECK as 70,000 in a day would be").isEqualTo("UNCOLOURED");
        assertThat(jdbc.queryForObject("select value1 from measurement where id = ?", Integer.class,
                Long.valueOf(weekly.getBody().path("id").asText()))).as("stored as sent").isEqualTo(70000);
    }

    // ---- $submit-measurement with a questionnaire answer

    @Test
    void shouldTakeASubmissionWithAQuestionnaireAnswerAndAcknowledgeMediaAndProvenance() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String observation = UUID.randomUUID().toString();
        String answerId = UUID.randomUUID().toString();
        String body = load("submit-measurement.json", values("observationId", observation, "questionnaireResponseId", answerId,
                "mediaId", UUID.randomUUID(), "provenanceId", UUID.randomUUID(), "patient", c.patient(), "at", at(3), "weight", 80.4,
                "nyha", 3, "swollenLegs", true, "chestPain", false));

        ResponseEntity<JsonNode> answer = post("/api/fhir/$submit-measurement", body);

        assertThat(answer.getStatusCode()).as(answer.toString()).isEqualTo(HttpStatus.OK);
        JsonNode bundle = answer.getBody();
        assertThat(bundle.path("type").asText()).isEqualTo("transaction-response");
        assertThat(FutIntakeTest.statuses(bundle)).containsExactly("201 Created", "201 Created", "200 OK", "200 OK");
        assertThat(bundle.path("entry").get(2).path("response").path("outcome").toString()).contains("not stored");
        assertThat(bundle.path("entry").get(1).path("resource").path("resourceType").asText()).isEqualTo("QuestionnaireResponse");
        Map<String, Object> pro = stored("urn:uuid:" + answerId);
        assertThat(pro.get("type")).isEqualTo("PRO_QUESTIONNAIRE");
        assertThat(((Number) pro.get("value1")).intValue()).isEqualTo(3);
        assertThat(pro.get("symptoms")).isEqualTo("SWOLLEN_LEGS");
        assertThat(pro.get("colour")).as("NYHA III and a moderate symptom").isEqualTo("YELLOW");
        assertThat(stored("urn:uuid:" + observation).get("type")).isEqualTo("WEIGHT");

        ResponseEntity<JsonNode> unmapped = post("/api/fhir/$submit-measurement", body.replace("Questionnaire/86882", "Questionnaire/1"));
        assertThat(unmapped.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(expressions(unmapped)).containsExactly("Parameters.parameter[0].resource.entry[1].resource.questionnaire");
    }

    // ---- corrections and retractions

    @Test
    void shouldReplaceAValueItsSenderCorrectsAndWithdrawTheAlarmWhenTheCorrectionIsNotRed() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String id = UUID.randomUUID().toString();
        String when = at(5);
        ResponseEntity<JsonNode> original = post("/api/fhir/Observation", weight(c, id, "final", "80.2", when));
        assertThat(colour(original.getBody())).isEqualTo("GREEN");
        long measurement = Long.parseLong(original.getBody().path("id").asText());

        ResponseEntity<JsonNode> red = post("/api/fhir/Observation", weight(c, id, "amended", "84.1", when));

        assertThat(red.getStatusCode()).as(red.toString()).isEqualTo(HttpStatus.OK);
        assertThat(red.getBody().path("id").asText()).isEqualTo(String.valueOf(measurement));
        assertThat(colour(red.getBody())).as("+4.1 kg from the reference").isEqualTo("RED");
        assertThat(jdbc.queryForObject("select value1 from measurement where id = ?", Double.class, measurement)).isEqualTo(84.1);
        assertThat(jdbc.queryForObject("select value1 from measurement_history where measurement_id = ?", Double.class, measurement))
                .isEqualTo(80.2);
        Task task = awaitTask(c.pathway(), Element.Task_ReviewRedMeasurement);
        assertThat(post("/api/fhir/Observation", weight(c, id, "final", "80.2", when)).getStatusCode())
                .as("a final resend of another value is no correction").isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> back = post("/api/fhir/Observation", weight(c, id, "corrected", "80.5", when));

        assertThat(colour(back.getBody())).isEqualTo("GREEN");
        awaitNoTask(c.pathway(), Element.Task_ReviewRedMeasurement);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(Element.Event_RedTaskWithdrawn.id()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from pathway_alarm where measurement_id = ? and withdrawn_at is not null",
                Integer.class, measurement)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from measurement_history where measurement_id = ?", Integer.class, measurement))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("select summary from pathway_journal where pathway_id = ?", String.class, c.pathway()))
                .contains("Måling rettet af afsenderen");
    }

    @Test
    void shouldRetractAMeasurementEnteredInErrorFromTriageAndCloseItsTask() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String id = UUID.randomUUID().toString();
        String when = at(5);
        long measurement = Long.parseLong(post("/api/fhir/Observation", weight(c, id, "final", "83.6", when)).getBody().path("id").asText());
        awaitTask(c.pathway(), Element.Task_ReviewRedMeasurement);

        ResponseEntity<JsonNode> retraction = post("/api/fhir/Observation", weight(c, id, "entered-in-error", "83.6", when));

        assertThat(retraction.getStatusCode()).as(retraction.toString()).isEqualTo(HttpStatus.OK);
        assertThat(retraction.getBody().path("status").asText()).isEqualTo("entered-in-error");
        assertThat(jdbc.queryForObject("select retracted_at from measurement where id = ?", Timestamp.class, measurement)).isNotNull();
        awaitNoTask(c.pathway(), Element.Task_ReviewRedMeasurement);
        ResponseEntity<JsonNode> triage = http.withBasicAuth("testnurse", "secret").getForEntity("/api/triage", JsonNode.class);
        assertThat(triage.getBody().toString()).doesNotContain("\"measurementId\":" + measurement + ",");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where detail like ?", Integer.class,
                "measurement " + measurement + " retracted%")).isEqualTo(1);
        assertThat(post("/api/fhir/Observation", weight(c, id, "entered-in-error", "83.6", when)).getStatusCode())
                .as("retracting again changes nothing").isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> unknown = post("/api/fhir/Observation", weight(c, UUID.randomUUID().toString(), "entered-in-error", "83.6", when));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(expressions(unknown)).containsExactly("Observation.identifier");
    }

    @Test
    void shouldRetractAPairByEitherHalfAndCorrectAQuestionnaireAnswer() {
        FutCitizen c = FutExamples.citizen(driver, true);
        String when = at(8);
        String diastolicId = UUID.randomUUID().toString();
        post("/api/fhir/Observation", half(c, UUID.randomUUID().toString(), true, 126, when, "3301"));
        String diastolic = half(c, diastolicId, false, 81, when, "3301");
        JsonNode paired = post("/api/fhir/Observation", diastolic).getBody();
        long pair = -1;
        for (JsonNode extension : paired.path("extension")) {
            if (extension.path("url").asText().equals(FhirCodes.PAIR_EXTENSION)) {
                pair = Long.parseLong(extension.path("valueReference").path("reference").asText().substring("Observation/".length()));
            }
        }
        assertThat(pair).as(paired.toString()).isPositive();

        ResponseEntity<JsonNode> retracted = post("/api/fhir/Observation", diastolic.replace("\"status\": \"final\"", "\"status\": \"entered-in-error\""));

        assertThat(retracted.getStatusCode()).as(retracted.toString()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select retracted_at from measurement where id = ?", Timestamp.class, pair)).as("the pair goes with its half")
                .isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from measurement_part where measurement_id = ? and retracted_at is not null",
                Integer.class, pair)).isEqualTo(2);

        String answerId = UUID.randomUUID().toString();
        Map<String, Object> submission = values("observationId", UUID.randomUUID(), "questionnaireResponseId", answerId,
                "mediaId", UUID.randomUUID(), "provenanceId", UUID.randomUUID(), "patient", c.patient(), "at", at(3), "weight", 80.0,
                "nyha", 2, "swollenLegs", false, "chestPain", false);
        String first = load("submit-measurement.json", submission);
        assertThat(post("/api/fhir/$submit-measurement", first).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stored("urn:uuid:" + answerId).get("colour")).isEqualTo("GREEN");
        submission.put("nyha", 4);
        String amended = load("submit-measurement.json", submission).replace("\"status\": \"completed\",\n              \"subject\"",
                "\"status\": \"amended\",\n              \"subject\"");
        assertThat(amended).contains("\"status\": \"amended\"");

        ResponseEntity<JsonNode> corrected = post("/api/fhir/$submit-measurement", amended);

        assertThat(FutIntakeTest.statuses(corrected.getBody())).as("the weight sent again, the answer corrected")
                .containsExactly("200 OK", "200 OK", "200 OK", "200 OK");
        assertThat(stored("urn:uuid:" + answerId).get("colour")).as("NYHA IV").isEqualTo("RED");
        assertThat(((Number) stored("urn:uuid:" + answerId).get("value1")).intValue()).isEqualTo(4);
    }

    @Test
    void shouldRefuseAReferralsPatientOfAServiceThatIsNotConfigured() {
        var base = PathwayDriver.referral(PathwayDriver.newCpr(), PathwayDriver.eligibleFacts());
        var c = base.citizen();
        var referral = new dk.carepath.pathway.ReferralRequest(new dk.carepath.pathway.ReferralRequest.CitizenDetails(c.cpr(), c.name(),
                c.phone(), c.email(), c.address(), c.municipalityId(), c.gpPracticeId(), "https://patient.elsewhere.example/fhir/Patient/1"),
                base.source(), base.clinicId(), base.referrerOrganisationId(), base.referrerName(), base.facts(), null);

        ResponseEntity<JsonNode> refused = http.withBasicAuth("testnurse", "secret").postForEntity("/api/referrals", referral, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field")).containsExactly("citizen.fhirPatient");
        assertThat(jdbc.queryForObject("select count(*) from citizen where cpr = ?", Integer.class, c.cpr().replace("-", ""))).isZero();
    }

    // ---- the endpoints answer as FHIR

    @Test
    void shouldAnswerEveryRefusalAsAnOperationOutcomeAndDescribeItself() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/fhir+json"));
        ResponseEntity<JsonNode> anonymous = http.postForEntity("/api/fhir/Observation", new HttpEntity<>("{}", headers), JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/fhir+json");
        assertThat(anonymous.getBody().path("issue").get(0).path("code").asText()).isEqualTo("login");

        ResponseEntity<JsonNode> nurseMetadata = http.withBasicAuth("testnurse", "secret").getForEntity("/api/fhir/metadata", JsonNode.class);
        assertThat(nurseMetadata.getBody().path("resourceType").asText()).isEqualTo("CapabilityStatement");
        assertThat(nurseMetadata.getBody().path("fhirVersion").asText()).isEqualTo("4.0.1");
        assertThat(nurseMetadata.getBody().toString()).contains("submit-measurement", "transaction", "ehealth-observation");

        ResponseEntity<JsonNode> nowhere = http.withBasicAuth("testsender", "secret").postForEntity("/api/fhir/Nothing",
                new HttpEntity<>("{}", headers), JsonNode.class);
        assertThat(nowhere.getStatusCode().is4xxClientError()).isTrue();
        assertThat(nowhere.getBody().path("resourceType").asText()).isEqualTo("OperationOutcome");

        ResponseEntity<JsonNode> media = post("/api/fhir/Observation", "{\"resourceType\": \"Media\", \"status\": \"completed\"}");
        assertThat(media.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(expressions(media)).containsExactly("resourceType");
    }

    // ---- helpers

    private Task awaitTask(UUID pathway, Element task) {
        for (int i = 0; i < 150; i++) {
            List<Task> open = driver.openTasks(pathway, task);
            if (!open.isEmpty()) {
                return open.get(0);
            }
            sleep();
        }
        throw new AssertionError("no " + task + " appeared in pathway " + pathway);
    }

    private void awaitNoTask(UUID pathway, Element task) {
        for (int i = 0; i < 150; i++) {
            if (driver.openTasks(pathway, task).isEmpty()) {
                return;
            }
            sleep();
        }
        throw new AssertionError(task + " of pathway " + pathway + " is still open");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
