package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.MeasurementType;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The nurses' triage list and acknowledgements, over HTTP. */
@CarepathTest
class TriageTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Autowired
    MeasurementIntake intake;

    long pulse(UUID citizen, int bpm, Duration ago) {
        return intake.one(new MeasurementInput("test", "t-" + UUID.randomUUID(), citizen, MeasurementType.PULSE, BigDecimal.valueOf(bpm),
                null, List.of(), "/min", Instant.now().minus(ago))).id();
    }

    List<JsonNode> entries(List<UUID> pathways) {
        JsonNode all = http.withBasicAuth("testnurse", "secret").getForObject("/api/triage", JsonNode.class);
        List<JsonNode> ours = new ArrayList<>();
        all.forEach(e -> {
            if (pathways.contains(UUID.fromString(e.get("pathwayId").asText()))) {
                ours.add(e);
            }
        });
        return ours;
    }

    @Test
    void shouldSortCitizensByWorstUnacknowledgedColourThenByAgeAndAcknowledgeWithWhoAndWhen() {
        UUID greenOnly = driver.inTitration();
        UUID yellowOld = driver.inTitration();
        UUID yellowNew = driver.inTitration();
        UUID red = driver.inTitration();
        pulse(driver.pathway(greenOnly).citizenId(), 70, Duration.ofHours(5));
        pulse(driver.pathway(yellowNew).citizenId(), 92, Duration.ofHours(1));
        pulse(driver.pathway(yellowOld).citizenId(), 70, Duration.ofHours(6));
        pulse(driver.pathway(yellowOld).citizenId(), 93, Duration.ofHours(4));
        long redId = pulse(driver.pathway(red).citizenId(), 120, Duration.ofMinutes(10));

        List<JsonNode> list = entries(List.of(greenOnly, yellowOld, yellowNew, red));
        assertThat(list).extracting(e -> UUID.fromString(e.get("pathwayId").asText())).containsExactly(red, yellowOld, yellowNew, greenOnly);
        assertThat(list.get(0).get("worst").asText()).isEqualTo("RED");
        assertThat(list.get(0).get("cpr").asText()).endsWith("-XXXX");
        assertThat(list.get(1).get("yellow").asInt()).isEqualTo(1);
        assertThat(list.get(1).get("green").asInt()).isEqualTo(1);

        ResponseEntity<JsonNode> ack = http.withBasicAuth("testnurse", "secret")
                .postForEntity("/api/measurements/" + redId + "/acknowledgement", null, JsonNode.class);
        assertThat(ack.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ack.getBody().get("acknowledgedBy").asText()).isEqualTo("testnurse");
        assertThat(ack.getBody().get("acknowledgedAt").asText()).isNotBlank();
        assertThat(entries(List.of(red))).isEmpty();

        ResponseEntity<JsonNode> green = http.withBasicAuth("testnurse", "secret").postForEntity("/api/triage/green-acknowledgement",
                Map.of("pathwayIds", List.of(greenOnly, yellowOld)), JsonNode.class);
        assertThat(green.getBody().get("acknowledged").asInt()).isEqualTo(2);
        assertThat(entries(List.of(greenOnly))).isEmpty();
        assertThat(entries(List.of(yellowOld)).get(0).get("green").asInt()).isZero();
    }

    @Test
    void shouldShowMyCitizensAndThoseWithoutContactPersonWhenFilteringOnMe() {
        UUID mine = driver.inTitration();
        UUID someoneElses = driver.inTitration();
        UUID nobodys = driver.inTitration();
        for (UUID p : List.of(mine, someoneElses, nobodys)) {
            pulse(driver.pathway(p).citizenId(), 95, Duration.ofHours(1));
        }
        put("/api/pathways/" + mine + "/contact-person", Map.of("userId", "testnurse"));
        put("/api/pathways/" + someoneElses + "/contact-person", Map.of("userId", "testcolleague"));

        JsonNode filtered = http.withBasicAuth("testnurse", "secret").getForObject("/api/triage?mine=true", JsonNode.class);
        List<String> ids = filtered.findValuesAsText("pathwayId");
        assertThat(ids).contains(mine.toString(), nobodys.toString()).doesNotContain(someoneElses.toString());
    }

    @Test
    void shouldListAPathwaysMeasurementsWithColoursAndThresholds() {
        UUID pathway = driver.inTitration();
        pulse(driver.pathway(pathway).citizenId(), 101, Duration.ofHours(2));
        JsonNode list = http.withBasicAuth("testnurse", "secret").getForObject("/api/pathways/" + pathway + "/measurements?days=7",
                JsonNode.class);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("colour").asText()).isEqualTo("RED");
        assertThat(list.get(0).get("thresholdSetId").asLong()).isPositive();
        assertThat(http.withBasicAuth("testgp", "secret").getForEntity("/api/triage", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    void put(String path, Object body) {
        http.withBasicAuth("testnurse", "secret").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }
}
