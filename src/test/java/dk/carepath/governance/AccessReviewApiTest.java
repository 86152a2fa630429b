package dk.carepath.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.LocalDate;
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

/** The authorisation review through the API: the report, its CSV and the sign-off, scoped to what the manager oversees. */
@CarepathTest
class AccessReviewApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Test
    void shouldReportWhoHasWhichAccessAndHowTheyUsedIt() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String citizen = driver.pathway(pathway).citizenId().toString();
        http.withBasicAuth("testmunicipalnurse", "secret").getForEntity("/api/citizens/" + citizen, String.class);
        http.withBasicAuth("testmunicipalnurse", "secret").getForEntity("/api/pathways/" + pathway + "/journal", String.class);

        JsonNode review = get("testmunicipalmanager", "/api/access-reviews/" + PathwayDriver.MUNICIPALITY).getBody();
        assertThat(review.at("/organisation/id").asText()).isEqualTo(PathwayDriver.MUNICIPALITY);
        assertThat(review.path("to").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen")).toString());
        JsonNode nurse = member(review, "testmunicipalnurse");
        assertThat(nurse.path("role").asText()).isEqualTo("MUNICIPAL_NURSE");
        assertThat(nurse.path("groupId").asText()).isEqualTo(PathwayDriver.MUNICIPAL_NURSES);
        assertThat(nurse.path("reads").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(nurse.path("citizens").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(nurse.path("lastUse").isNull()).isFalse();
        assertThat(nurse.path("access").toString()).contains("kliniske data");
        assertThat(member(review, "testfrontdesk").path("access").toString()).contains("opkald").doesNotContain("kliniske data");
        assertThat(review.path("members").findValuesAsText("userId")).doesNotContain("testnurse", "testneighbournurse");
        assertThat(review.path("accesses").findValuesAsText("resource")).contains("citizen", "pathway-journal");

        ResponseEntity<String> csv = http.withBasicAuth("testmunicipalmanager", "secret")
                .getForEntity("/api/access-reviews/" + PathwayDriver.MUNICIPALITY + "/report.csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("adgangsgennemgang-" + PathwayDriver.MUNICIPALITY);
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFOrganisation;Periode fra;Periode til;Bruger;Navn;Rolle");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";testmunicipalnurse;").contains(";Kommunale sygeplejersker;"));
    }

    @Test
    void shouldRecordAndAuditTheManagersSignOff() {
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusMonths(6);
        ResponseEntity<JsonNode> signed = post("testmunicipalmanager", "/api/access-reviews/" + PathwayDriver.MUNICIPALITY + "/sign-offs",
                Map.of("from", from.toString(), "to", to.toString(), "note", "Alle adgange er nødvendige", "reviewed", true));
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(signed.getBody().path("signedBy").asText()).isEqualTo("testmunicipalmanager");
        assertThat(signed.getBody().path("members").asInt()).isPositive();

        JsonNode review = get("testmunicipalmanager", "/api/access-reviews/" + PathwayDriver.MUNICIPALITY).getBody();
        assertThat(review.path("signOffs").findValuesAsText("note")).contains("Alle adgange er nødvendige");
        JsonNode audit = get("testmanager", "/api/audit?actor=testmunicipalmanager").getBody();
        assertThat(audit.findValuesAsText("resource")).contains("access-review");
    }

    @Test
    void shouldRefuseWhatTheManagerDoesNotOverseeAndBadInputPrecisely() {
        String review = "/api/access-reviews/" + PathwayDriver.MUNICIPALITY;
        assertThat(get("testneighbourmanager", review).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("testclinicmanager", review).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("testmunicipalnurse", review).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("testmanager", review).getStatusCode()).as("the region's manager oversees its municipalities")
                .isEqualTo(HttpStatus.OK);
        assertThat(get("testmunicipalmanager", "/api/access-reviews").getBody().findValuesAsText("organisationId"))
                .containsExactly(PathwayDriver.MUNICIPALITY);

        ResponseEntity<JsonNode> backwards = get("testmunicipalmanager", review + "?from=2026-06-01&to=2026-01-01");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody().path("errors").findValuesAsText("field")).containsExactly("from");
        ResponseEntity<JsonNode> notConfirmed = post("testmunicipalmanager", review + "/sign-offs",
                Map.of("from", "2026-01-01", "to", "2026-06-30", "reviewed", false));
        assertThat(notConfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notConfirmed.getBody().path("errors").findValuesAsText("field")).containsExactly("reviewed");
        ResponseEntity<JsonNode> noPeriod = post("testmunicipalmanager", review + "/sign-offs", Map.of("reviewed", true));
        assertThat(noPeriod.getBody().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "to");
        assertThat(post("testmunicipalnurse", review + "/sign-offs", Map.of()).getStatusCode()).as("refused before the body is read")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static JsonNode member(JsonNode review, String userId) {
        for (JsonNode member : review.path("members")) {
            if (member.path("userId").asText().equals(userId)) {
                return member;
            }
        }
        throw new AssertionError("no member " + userId + " in " + review.path("members"));
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "secret").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "secret").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
