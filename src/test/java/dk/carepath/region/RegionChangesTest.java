package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.equipment.ServiceCenter;
import dk.carepath.support.CarepathTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
 * A process owner changes her region's pack through the API, without a restart: in use at once,
 * kept as a version, audited; a broken text is refused field by field and changes nothing; another
 * region's process owner may not; undo puts the previous version back.
 */
@CarepathTest
class RegionChangesTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Regions regions;
    @Autowired
    ServiceCenter serviceCenter;
    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<JsonNode> put(String user, String region, String yaml, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return http.withBasicAuth(user, "secret").exchange("/api/regions/" + region + (reason == null ? "" : "?reason=" + reason),
                HttpMethod.PUT, new HttpEntity<>(yaml, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> undo(String user, String region) {
        return http.withBasicAuth(user, "secret").postForEntity("/api/regions/" + region + "/undo", Map.of("reason", "Tilbage"), JsonNode.class);
    }

    @Test
    void aProcessOwnerChangesHerRegionWithoutARestartAndUndoesIt() {
        String before = regions.text("TEST").orElseThrow();
        int audited = jdbc.queryForObject("select count(*) from audit_entry where resource = 'region-pack'", Integer.class);
        assertThat(serviceCenter.supportLine("TEST")).contains("+45 7020 3048");

        ResponseEntity<JsonNode> changed = put("testowner", "TEST", before.replace("\"+45 7020 3048\"", "\"+45 8888 1234\""), "Nyt supportnummer");
        assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
        int version = changed.getBody().path("version").asInt();
        try {
            assertThat(serviceCenter.supportLine("TEST")).as("in use at once").contains("+45 8888 1234");
            JsonNode detail = http.withBasicAuth("testnurse", "secret").getForObject("/api/regions/TEST", JsonNode.class);
            assertThat(detail.path("version").asInt()).isEqualTo(version);
            assertThat(detail.path("history").findValuesAsText("reason")).contains("Nyt supportnummer");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where resource = 'region-pack'", Integer.class)).isEqualTo(audited + 1);
        } finally {
            ResponseEntity<JsonNode> undone = undo("testowner", "TEST");
            assertThat(undone.getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(serviceCenter.supportLine("TEST")).as("undone").contains("+45 7020 3048");
        assertThat(regions.text("TEST")).contains(before);
    }

    @Test
    void aBrokenPackIsRefusedFieldByFieldAndChangesNothing() {
        String before = regions.text("TEST").orElseThrow();
        String broken = before.replace("service-level: PT4H", "service-level: P1M").replace("monitoring-after-start: CLINIC", "monitoring-after-start: GP");
        ResponseEntity<JsonNode> refused = put("testowner", "TEST", broken, "Fejl");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("service-center.service-level", "monitoring-after-start");
        assertThat(refused.getBody().toString()).contains("arbejdsdage");
        assertThat(regions.text("TEST")).contains(before);
        assertThat(put("testowner", "TEST", before, null).getBody().path("errors").findValuesAsText("field")).containsExactly("reason");
    }

    @Test
    void anotherRegionsProcessOwnerAndANurseMayNotChangeIt() {
        String before = regions.text("TEST").orElseThrow();
        assertThat(put("testotherowner", "TEST", before, "Forsøg").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("testnurse", "TEST", before, "Forsøg").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(undo("testotherowner", "TEST").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void everyoneSeesWhichRegionsAreInUse() {
        JsonNode list = http.withBasicAuth("testnurse", "secret").getForObject("/api/regions", JsonNode.class);
        assertThat(list.findValuesAsText("id")).contains("MIDT", "SYD", "NORD", "TEST");
        assertThat(list.findValuesAsText("inUse")).doesNotContain("false");
    }
}
