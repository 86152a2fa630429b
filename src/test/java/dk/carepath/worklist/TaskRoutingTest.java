package dk.carepath.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.callrouting.CallView;
import dk.carepath.callrouting.CitizenCall;
import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.HeartFailurePathway.Messages;
import dk.carepath.pathway.PathwayMessages;
import dk.carepath.pathway.Pathways;
import dk.carepath.support.CallDriver;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasks go to the organisation responsible for the citizen now, in the role that must act, and
 * each user sees exactly those (through the engine REST API and its filters, as Tasklist does):
 * the citizen's own municipality takes her calls, the monitoring clinic her red measurements, the
 * receiving team her open tasks after a handover; "Mine borgere" shows a nurse her own citizens and
 * her team's citizens without a contact person.
 */
@CarepathTest
class TaskRoutingTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;
    @Autowired
    CallDriver calls;
    @Autowired
    PathwayMessages messages;
    @Autowired
    Pathways pathways;
    @Autowired
    FilterService filters;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void shouldGiveACallBackToTheCitizensOwnMunicipalityOnly() {
        // Tuesday 10:00, within the municipalities' phone hours: the call-back is due today
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.ZonedDateTime.of(2026, 11, 17, 10, 0, 0, 0, java.time.ZoneId.of("Europe/Copenhagen")).toInstant()));
        UUID aarhusCitizen = calls.citizenOf(driver.refer(PathwayDriver.eligibleFacts(), PathwayDriver.CLINIC, PathwayDriver.MUNICIPALITY));
        CallView call = calls.frontDeskAnswers(aarhusCitizen, CallReason.CLINICAL, "Vil gerne ringes op om sin medicin");
        String query = "/engine-rest/task?processDefinitionKey=" + CitizenCall.KEY + "&processInstanceBusinessKey=" + call.id();

        assertThat(keys("testmunicipalnurse", query)).containsExactly("Task_CallCitizenBack");
        assertThat(keys("testneighbournurse", query)).isEmpty();
        assertThat(keys("testnurse", query)).isEmpty();
        JsonNode task = get("testmunicipalnurse", query).get(0);
        assertThat(get("testmunicipalnurse", "/engine-rest/task/" + task.path("id").asText() + "/identity-links?type=candidate")
                .findValuesAsText("groupId")).containsExactly(PathwayDriver.MUNICIPAL_NURSES);

        // a neighbour municipality's citizen goes to the neighbour's nurses
        UUID neighbourCitizen = calls.citizenOf(driver.refer(PathwayDriver.eligibleFacts(), PathwayDriver.CLINIC,
                PathwayDriver.OTHER_MUNICIPALITY));
        CallView other = calls.frontDeskAnswers(neighbourCitizen, CallReason.CLINICAL, "Spørgsmål");
        String otherQuery = "/engine-rest/task?processInstanceBusinessKey=" + other.id();
        assertThat(keys("testneighbournurse", otherQuery)).containsExactly("Task_CallCitizenBack");
        assertThat(keys("testmunicipalnurse", otherQuery)).isEmpty();
    }

    @Test
    void shouldGiveARedMeasurementToTheNursesOfTheClinicThatMonitorsTheCitizen() {
        UUID pathway = driver.inTitration(PathwayDriver.OTHER_CLINIC);
        messages.send(pathway, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "Puls 121 /min"));
        String query = "/engine-rest/task?processInstanceBusinessKey=" + pathway + "&taskDefinitionKey=Task_ReviewRedMeasurement";

        assertThat(keys("testothernurse", query)).containsExactly("Task_ReviewRedMeasurement");
        assertThat(keys("testnurse", query)).isEmpty();
        assertThat(keys("testmunicipalnurse", query)).isEmpty();
        assertThat(keys("testservice", query)).isEmpty();
    }

    @Test
    void shouldMoveTheOpenTasksToTheMunicipalityAtAHandover() {
        UUID pathway = driver.inTitration();
        messages.send(pathway, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "Vægt +3,2 kg"));
        String query = "/engine-rest/task?processInstanceBusinessKey=" + pathway + "&taskDefinitionKey=Task_ReviewRedMeasurement";
        assertThat(keys("testnurse", query)).hasSize(1);

        driver.reassess(pathway, "HANDOVER", "CLINIC", "MUNICIPALITY", Map.of());

        assertThat(keys("testnurse", query)).isEmpty();
        assertThat(keys("testmunicipalnurse", query)).containsExactly("Task_ReviewRedMeasurement");
        assertThat(keys("testneighbournurse", query)).isEmpty();
        // and the pathway tells who has the work now
        JsonNode details = get("testmunicipalnurse", "/api/pathways/" + pathway);
        assertThat(details.at("/responsibility/monitoringTeam/groupId").asText()).isEqualTo(PathwayDriver.MUNICIPAL_NURSES);
        assertThat(details.at("/responsibility/monitoringOrganisation/name").asText()).isEqualTo("Testkommune");
    }

    @Test
    void shouldShowMyCitizensAndMyTeamsCitizensWithoutContactPersonInMineBorgere() {
        UUID mine = driver.inTitration();
        UUID colleagues = driver.inTitration();
        UUID nobodys = driver.inTitration();
        put("testnurse", "/api/pathways/" + mine + "/contact-person", Map.of("userId", "testnurse"));
        put("testcolleague", "/api/pathways/" + colleagues + "/contact-person", Map.of("userId", "testcolleague"));
        for (UUID p : List.of(mine, colleagues, nobodys)) {
            messages.send(p, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "Puls 110 /min"));
        }

        List<String> myCitizens = filtered("testnurse", "Mine borgere");
        assertThat(myCitizens).contains(mine.toString(), nobodys.toString()).doesNotContain(colleagues.toString());
        assertThat(filtered("testcolleague", "Mine borgere")).contains(colleagues.toString(), nobodys.toString())
                .doesNotContain(mine.toString());
        assertThat(filtered("testnurse", "Min gruppes opgaver")).contains(mine.toString(), colleagues.toString(), nobodys.toString());
        assertThat(filtered("testothernurse", "Min gruppes opgaver")).doesNotContain(mine.toString(), colleagues.toString(),
                nobodys.toString());

        // a new contact person takes the citizen's open tasks with her at once
        put("testnurse", "/api/pathways/" + colleagues + "/contact-person", Map.of("userId", "testnurse"));
        assertThat(filtered("testnurse", "Mine borgere")).contains(colleagues.toString());
        assertThat(filtered("testcolleague", "Mine borgere")).doesNotContain(colleagues.toString());
    }

    @Test
    void shouldMakeTheNurseTheContactPersonWhenSheTicksItOnHerTask() {
        UUID pathway = driver.inTitration();
        messages.send(pathway, Messages.MEASUREMENT_RED, Map.of("measurementId", "1", "measurementSummary", "Puls 108 /min"));
        messages.send(pathway, Messages.MEASUREMENT_YELLOW_PERSISTENT, Map.of("measurementId", "2", "measurementSummary", "Vægt +2,1 kg"));

        driver.complete(pathway, Element.Task_ReviewRedMeasurement, "testcolleague",
                Map.of("redAction", "ADVICE_GIVEN", "becomeContactPerson", true));

        assertThat(pathways.require(pathway).contactPerson()).isEqualTo("testcolleague");
        // the citizen's other open task is hers now in "Mine borgere", not the rest of the team's
        assertThat(filtered("testcolleague", "Mine borgere")).contains(pathway.toString());
        assertThat(filtered("testnurse", "Mine borgere")).doesNotContain(pathway.toString());
        assertThat(pathways.journal(pathway)).anySatisfy(j -> assertThat(j.summary()).startsWith("Kontaktperson: "));
    }

    @Test
    void shouldRefuseAContactPersonWhoIsNotOfTheMonitoringTeam() {
        UUID pathway = driver.inTitration();
        ResponseEntity<JsonNode> outsider = exchange("testnurse", "/api/pathways/" + pathway + "/contact-person",
                Map.of("userId", "testothernurse"));
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(outsider.getBody().path("errors").findValuesAsText("field")).containsExactly("userId");
        // the municipality does not name the contact person of a citizen the clinic monitors
        assertThat(exchange("testmunicipalnurse", "/api/pathways/" + pathway + "/contact-person",
                Map.of("userId", "testmunicipalnurse")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pathways.require(pathway).contactPerson()).isNull();
    }

    /** the business keys (pathway ids) of the tasks the filter shows the user */
    private List<String> filtered(String user, String filterName) {
        String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
        JsonNode list = post(user, "/engine-rest/filter/" + id + "/list?maxResults=1000", Map.of());
        List<String> instances = StreamSupport.stream(list.spliterator(), false).map(t -> t.path("processInstanceId").asText()).toList();
        return instances.stream().map(instance -> driver.businessKey(instance)).toList();
    }

    private List<String> keys(String user, String query) {
        return get(user, query).findValuesAsText("taskDefinitionKey");
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s", path, user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode post(String user, String path, Object body) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "secret").postForEntity(path, entity(body), JsonNode.class);
        assertThat(response.getStatusCode()).as("POST %s as %s", path, user).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void put(String user, String path, Object body) {
        assertThat(exchange(user, path, body).getStatusCode()).as("PUT %s as %s", path, user).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> exchange(String user, String path, Object body) {
        return http.withBasicAuth(user, "secret").exchange(path, org.springframework.http.HttpMethod.PUT, entity(body), JsonNode.class);
    }

    private static HttpEntity<Object> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
