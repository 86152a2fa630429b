package dk.carepath.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Nothing with citizen data without a login; each actor sees only the work of its groups. */
@CarepathTest
class SecurityTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;


    @Test
    void shouldRefuseEngineRestApiWithoutLogin() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/process-instance", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // a wrong password (Camunda then delays that user's next login by a few seconds, so not a user of other tests)
        assertThat(http.withBasicAuth("testintruder", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseCarepathApiWithoutLoginWithProblemDetails() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/pathways/" + UUID.randomUUID(), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(http.postForEntity("/api/referrals", "{}", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("testintruder", "wrong").getForEntity("/api/organisations?kind=CLINIC", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseActionsOutsideTheActorsRole() {
        ResponseEntity<JsonNode> referral = http.withBasicAuth("testfrontdesk", "secret")
                .postForEntity("/api/referrals", PathwayDriver.referral(PathwayDriver.newCpr(), PathwayDriver.eligibleFacts()), JsonNode.class);
        assertThat(referral.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("testnurse", "secret").getForEntity("/api/audit?actor=testnurse", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("testmanager", "secret").getForEntity("/api/audit?actor=testnurse", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldShowEachActorOnlyTheTasksOfItsGroups() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String query = "/engine-rest/task?processInstanceBusinessKey=" + pathway;

        JsonNode nurse = http.withBasicAuth("testnurse", "secret").getForObject(query, JsonNode.class);
        JsonNode cardiologist = http.withBasicAuth("testcardiologist", "secret").getForObject(query, JsonNode.class);
        JsonNode gp = http.withBasicAuth("testgp", "secret").getForObject(query, JsonNode.class);

        assertThat(nurse.findValuesAsText("taskDefinitionKey")).containsExactly(Element.Task_NursingAssessment.id());
        assertThat(cardiologist.findValuesAsText("taskDefinitionKey")).containsExactly(Element.Task_CardiologicalAssessment.id());
        assertThat(gp).isEmpty();
        String cardiologistsTask = cardiologist.get(0).get("id").asText();
        assertThat(http.withBasicAuth("testgp", "secret").getForEntity("/engine-rest/task/" + cardiologistsTask + "/variables",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // what the cardiologist read of the citizen through the engine REST API is in the access log, the refused read is not
        assertThat(http.withBasicAuth("testcardiologist", "secret").getForEntity("/engine-rest/task/" + cardiologistsTask + "/variables",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        UUID citizen = driver.pathway(pathway).citizenId();
        JsonNode audit = http.withBasicAuth("testmanager", "secret").getForObject("/api/audit?citizenId=" + citizen, JsonNode.class);
        String read = "GET /task/" + cardiologistsTask + "/variables (engine REST API)";
        assertThat(java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.path("detail").asText().equals(read)).map(e -> e.path("actor").asText()).toList())
                .containsExactly("testcardiologist");
    }

    @Test
    void shouldLeaveHealthCheckOpenAndCloseOtherActuators() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldAuditEveryReadOfCitizenData() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        JsonNode details = http.withBasicAuth("testnurse", "secret").getForObject("/api/pathways/" + pathway, JsonNode.class);
        String citizen = details.at("/citizen/id").asText();
        http.withBasicAuth("testcardiologist", "secret").getForObject("/api/citizens/" + citizen, JsonNode.class);

        JsonNode audit = http.withBasicAuth("testmanager", "secret").getForObject("/api/audit?citizenId=" + citizen, JsonNode.class);
        assertThat(audit.findValuesAsText("actor")).contains("testnurse", "testcardiologist");
        assertThat(audit.findValuesAsText("resource")).contains("pathway", "citizen", "referral");
    }
}
