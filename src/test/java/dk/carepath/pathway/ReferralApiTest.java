package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad input to the pathway API: a precise 4xx problem naming the field, and nothing stored. */
@CarepathTest
class ReferralApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;


    ResponseEntity<JsonNode> refer(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("testnurse", "secret").postForEntity("/api/referrals", new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> refer(Object body) {
        return http.withBasicAuth("testnurse", "secret").postForEntity("/api/referrals", body, JsonNode.class);
    }

    static List<String> fields(ResponseEntity<JsonNode> response) {
        return response.getBody().path("errors").findValuesAsText("field");
    }

    void assertNotStored(String cpr) {
        ResponseEntity<JsonNode> search = http.withBasicAuth("testnurse", "secret")
                .postForEntity("/api/citizens/search", Map.of("cpr", cpr), JsonNode.class);
        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseMalformedJson() {
        ResponseEntity<JsonNode> response = refer("{\"citizen\": {");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void shouldNameEveryMissingField() {
        ResponseEntity<JsonNode> response = refer("{\"citizen\": {\"cpr\": \"0503451234\"}, \"facts\": {}}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).contains("citizen.name", "citizen.municipalityId", "source", "clinicId", "referrerOrganisationId");
        assertNotStored("0503451234");
    }

    @Test
    void shouldRefuseAnInvalidCprNumberWithoutEchoingIt() {
        String cpr = "3102451234";
        ResponseEntity<JsonNode> response = refer(PathwayDriver.referral(cpr, PathwayDriver.eligibleFacts()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("citizen.cpr");
        assertThat(response.getBody().toString()).doesNotContain(cpr);
    }

    @Test
    void shouldRefuseAnUnknownMunicipality() {
        String cpr = PathwayDriver.newCpr();
        var referral = PathwayDriver.referral(cpr, PathwayDriver.eligibleFacts());
        var unknown = new ReferralRequest(new ReferralRequest.CitizenDetails(cpr, "Test", null, null, null, "no-such-kommune", null),
                referral.source(), referral.clinicId(), referral.referrerOrganisationId(), null, referral.facts(), null);
        ResponseEntity<JsonNode> response = refer(unknown);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(response)).containsExactly("citizen.municipalityId");
        assertNotStored(cpr);
    }

    @Test
    void shouldRefuseUnknownFieldsAndEnumValues() {
        ResponseEntity<JsonNode> unknownField = refer("{\"citizen\": {\"cpr\": \"0503451234\", \"shoeSize\": 44}}");
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unknownField)).containsExactly("citizen.shoeSize");

        ResponseEntity<JsonNode> badSource = refer("{\"source\": \"FRIEND\"}");
        assertThat(badSource.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(badSource)).containsExactly("source");
        assertThat(badSource.getBody().toString()).contains("HF_CLINIC");
    }

    @Test
    void shouldRefuseAnImpossibleEjectionFraction() {
        String cpr = PathwayDriver.newCpr();
        ResponseEntity<JsonNode> response = refer(PathwayDriver.referral(cpr, PathwayDriver.factsWithEjectionFraction(95)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactly("facts.ejectionFraction");
        assertNotStored(cpr);
    }

    @Test
    void shouldRefuseASecondRunningPathwayForTheSameCitizen() {
        String cpr = PathwayDriver.newCpr();
        assertThat(refer(PathwayDriver.referral(cpr, PathwayDriver.eligibleFacts())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> again = refer(PathwayDriver.referral(cpr, PathwayDriver.eligibleFacts()));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).contains("already has a running pathway");
    }

    @Test
    void shouldRefuseAPauseBeforeMonitoringHasStarted() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        ResponseEntity<JsonNode> pause = http.withBasicAuth("testnurse", "secret").postForEntity("/api/pathways/" + pathway + "/pauses",
                Map.of("until", java.time.LocalDate.now().plusDays(7).toString(), "reason", "Ferie"), JsonNode.class);
        assertThat(pause.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(pause.getBody().get("detail").asText()).contains("INCLUSION");
    }

    @Test
    void shouldRefuseAPauseThatEndsInThePast() {
        UUID pathway = driver.inTitration();
        ResponseEntity<JsonNode> pause = http.withBasicAuth("testnurse", "secret").postForEntity("/api/pathways/" + pathway + "/pauses",
                Map.of("until", "2020-01-01", "reason", "Ferie"), JsonNode.class);
        assertThat(pause.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(pause)).containsExactly("until");
    }

    @Test
    void shouldAssignAContactPersonWhoIsAUser() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        ResponseEntity<JsonNode> unknown = http.withBasicAuth("testnurse", "secret").exchange("/api/pathways/" + pathway
                + "/contact-person", org.springframework.http.HttpMethod.PUT, new HttpEntity<>(Map.of("userId", "nobody")), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(fields(unknown)).containsExactly("userId");

        ResponseEntity<JsonNode> assigned = http.withBasicAuth("testnurse", "secret").exchange("/api/pathways/" + pathway
                + "/contact-person", org.springframework.http.HttpMethod.PUT, new HttpEntity<>(Map.of("userId", "testnurse")), JsonNode.class);
        assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(assigned.getBody().get("contactPerson").asText()).isEqualTo("testnurse");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownPathway() {
        ResponseEntity<JsonNode> response = http.withBasicAuth("testnurse", "secret")
                .getForEntity("/api/pathways/" + UUID.randomUUID(), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> notUuid = http.withBasicAuth("testnurse", "secret").getForEntity("/api/pathways/abc", JsonNode.class);
        assertThat(notUuid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
