package dk.carepath.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.region.Regions;
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

/**
 * A region sets its own KPI targets in its pack ({@code kpi-targets}), changed through the API without
 * a restart: its managers' figures are measured against them, the region's and the municipality's
 * alike; a target for no KPI, for a KPI without one, or a percentage over 100 is refused by field.
 */
@CarepathTest
class KpiTargetsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Regions regions;

    JsonNode target(String manager, String filters) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(manager, "secret")
                .getForEntity("/api/kpis/reassessments?" + filters, JsonNode.class);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        return answer.getBody().path("kpis").get(0).path("target");
    }

    ResponseEntity<JsonNode> put(String yaml, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return http.withBasicAuth("testowner", "secret").exchange("/api/regions/TEST?reason=" + reason, HttpMethod.PUT,
                new HttpEntity<>(yaml, headers), JsonNode.class);
    }

    @Test
    void aRegionsOwnTargetMeasuresItsManagersFiguresUntilItIsUndone() {
        String before = regions.text("TEST").orElseThrow();
        assertThat(target("testmanager", "region=TEST").path("text").asText()).isEqualTo("≥ 95 %");

        ResponseEntity<JsonNode> changed = put(before + "\nkpi-targets:\n  reassessments: 87.5\n  red-action: 80\n", "Egne mål");
        assertThat(changed.getStatusCode()).as(String.valueOf(changed.getBody())).isEqualTo(HttpStatus.OK);
        try {
            JsonNode regional = target("testmanager", "region=TEST");
            assertThat(regional.path("value").asDouble()).isEqualTo(87.5);
            assertThat(regional.path("text").asText()).isEqualTo("≥ 87,5 % (regionens mål)");
            assertThat(target("testmunicipalmanager", "").path("value").asDouble())
                    .as("a municipality of the region is measured against the region's target").isEqualTo(87.5);
        } finally {
            assertThat(http.withBasicAuth("testowner", "secret").postForEntity("/api/regions/TEST/undo", Map.of("reason", "Tilbage"),
                    JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(target("testmanager", "region=TEST").path("value").asDouble()).as("undone").isEqualTo(95.0);
    }

    @Test
    void aTargetForNoKpiOrOutOfRangeIsRefusedByFieldAndChangesNothing() {
        String before = regions.text("TEST").orElseThrow();
        ResponseEntity<JsonNode> refused = put(before + "\nkpi-targets:\n  happiness: 5\n  phases: 10\n  reassessments: 120\n  red-action: 90\n",
                "Fejl");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("kpi-targets.happiness", "kpi-targets.phases", "kpi-targets.reassessments");
        assertThat(refused.getBody().toString()).contains("der er ingen nøgletal 'happiness'").contains("0–100 (var 120)");
        assertThat(regions.text("TEST")).contains(before);
        assertThat(target("testmanager", "region=TEST").path("value").asDouble()).isEqualTo(95.0);
    }
}
