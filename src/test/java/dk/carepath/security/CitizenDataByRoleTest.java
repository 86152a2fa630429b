package dk.carepath.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What each role sees of a citizen its organisation serves: the full CPR number only where the
 * role needs it, contact details for those who call or visit, clinical data only for clinicians.
 */
@CarepathTest
class CitizenDataByRoleTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Test
    void shouldShowEachRoleWhatItNeedsOfTheCitizen() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        String path = "/api/citizens/" + citizen;

        JsonNode nurse = read("testnurse", path);
        assertThat(nurse.path("cpr").asText()).matches("\\d{6}-\\d{4}");
        assertThat(nurse.path("phone").asText()).isNotEmpty();
        assertThat(read("testgp", path).path("cpr").asText()).matches("\\d{6}-\\d{4}");

        JsonNode frontDesk = read("testfrontdesk", path);
        assertThat(frontDesk.path("cpr").asText()).endsWith("-XXXX");
        assertThat(frontDesk.path("name").asText()).isEqualTo(nurse.path("name").asText());
        assertThat(frontDesk.path("phone").asText()).isEqualTo(nurse.path("phone").asText());

        JsonNode serviceCenter = read("testservice", path);
        assertThat(serviceCenter.path("cpr").asText()).endsWith("-XXXX");
        assertThat(serviceCenter.path("address").asText()).startsWith("Testvej");

        // the pathway: the clinical parts (the referral's facts, the plan) only for clinicians
        JsonNode clinicians = read("testnurse", "/api/pathways/" + pathway);
        assertThat(clinicians.path("referral").path("facts").path("ejectionFraction").asInt()).isEqualTo(30);
        assertThat(clinicians.path("plan").isMissingNode()).isFalse();
        JsonNode gp = read("testgp", "/api/pathways/" + pathway);
        assertThat(gp.path("referral").isMissingNode() || gp.path("referral").isNull()).as("the GP sees the pathway, not the referral's facts").isTrue();
        assertThat(gp.path("plan").isMissingNode() || gp.path("plan").isNull()).isTrue();
        assertThat(gp.at("/responsibility/monitoringTeam/groupId").asText()).isEqualTo(PathwayDriver.CLINIC_NURSES);
        assertThat(gp.at("/citizen/cpr").asText()).endsWith("-XXXX");

        // the service center reads the kit, not the pathway or the journal
        assertThat(status("testservice", "/api/citizens/" + citizen + "/kit")).isEqualTo(HttpStatus.OK);
        assertThat(status("testservice", "/api/pathways/" + pathway)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("testfrontdesk", "/api/pathways/" + pathway + "/journal")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("testgp", "/api/pathways/" + pathway + "/journal")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldFindByCprOnlyCitizensTheOrganisationServes() {
        String cpr = PathwayDriver.newCpr();
        driver.refer(PathwayDriver.eligibleFacts());
        var referral = PathwayDriver.referral(cpr, PathwayDriver.eligibleFacts());
        UUID pathway = driver.refer(referral);
        String body = "{\"cpr\": \"" + cpr + "\"}";
        assertThat(http.withBasicAuth("testnurse", "secret").postForEntity("/api/citizens/search", json(body), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> other = http.withBasicAuth("testothernurse", "secret")
                .postForEntity("/api/citizens/search", json(body), JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody().toString()).doesNotContain(driver.pathway(pathway).citizenId().toString());
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private JsonNode read(String user, String path) {
        ResponseEntity<JsonNode> response = http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s as %s: %s", path, user, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(http.withBasicAuth(user, "secret").getForEntity(path, String.class).getStatusCode().value());
    }
}
