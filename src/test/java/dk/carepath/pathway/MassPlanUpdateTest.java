package dk.carepath.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Mass update of plans: many citizens at once, each keeping what was set for them individually [001]. */
@CarepathTest
class MassPlanUpdateTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Autowired
    MonitoringPlans plans;

    @Test
    void shouldChangeManyPlansWhileEachKeepsItsIndividualFrequenciesAndThresholds() {
        UUID standard = driver.inTitration();
        UUID individual = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(individual);
        // this citizen's cardiologist chose a daily questionnaire and a lower red pulse
        driver.complete(individual, Element.Task_SetMonitoringPlan, "testcardiologist",
                Map.of("referenceWeightKg", 75.0, "proFrequency", "DAILY", "pulseRedHigh", 95, "pulseYellowHigh", 85));

        ResponseEntity<JsonNode> response = http.withBasicAuth("testowner", "secret").postForEntity("/api/monitoring-plans/mass-update",
                Map.of("pathwayIds", List.of(standard, individual),
                        "reason", "Ny regional standard for PRO og skridt",
                        "frequencies", List.of(Map.of("type", "PRO_QUESTIONNAIRE", "from", "WEEKLY", "to", "TWICE_WEEKLY"),
                                Map.of("type", "STEPS", "to", "DAILY")),
                        "thresholds", List.of(Map.of("group", "PULSE", "from", List.of(40, 45, 90, 100), "to", List.of(40, 45, 95, 110)))),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("changed").asInt()).isEqualTo(2);
        var first = plans.forPathway(standard).orElseThrow();
        assertThat(first.measurements()).containsEntry(MeasurementType.PRO_QUESTIONNAIRE, Frequency.TWICE_WEEKLY)
                .containsEntry(MeasurementType.STEPS, Frequency.DAILY);
        assertThat(first.currentThresholds().thresholds().get("pulseRedHigh")).isEqualByComparingTo("110");
        assertThat(first.currentThresholds().reason()).contains("Ny regional standard");

        var second = plans.forPathway(individual).orElseThrow();
        assertThat(second.measurements()).as("kept the individual daily questionnaire")
                .containsEntry(MeasurementType.PRO_QUESTIONNAIRE, Frequency.DAILY).containsEntry(MeasurementType.STEPS, Frequency.DAILY);
        assertThat(second.currentThresholds().thresholds().get("pulseRedHigh")).as("kept the individual pulse thresholds").isEqualByComparingTo("95");
        JsonNode details = response.getBody().get("details");
        assertThat(details.get(1).get("keptIndividual").toString()).contains("PRO_QUESTIONNAIRE stays DAILY", "PULSE thresholds stay");
    }

    @Test
    void shouldRefuseAMassUpdateWithoutReasonOrChangesOrOutsideTheRole() {
        ResponseEntity<JsonNode> empty = http.withBasicAuth("testowner", "secret").postForEntity("/api/monitoring-plans/mass-update",
                Map.of("clinicId", PathwayDriver.CLINIC), JsonNode.class);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().path("errors").findValuesAsText("field")).contains("reason", "frequencies");
        assertThat(http.withBasicAuth("testnurse", "secret").postForEntity("/api/monitoring-plans/mass-update",
                Map.of("clinicId", PathwayDriver.CLINIC), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldRefuseThresholdsThatWouldNotRise() {
        UUID pathway = driver.inTitration();
        ResponseEntity<JsonNode> response = http.withBasicAuth("testowner", "secret").postForEntity("/api/monitoring-plans/mass-update",
                Map.of("pathwayIds", List.of(pathway), "reason", "Fejl",
                        "thresholds", List.of(Map.of("group", "PULSE", "from", List.of(40, 45, 90, 100), "to", List.of(40, 95, 90, 100)))),
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(plans.forPathway(pathway).orElseThrow().currentThresholds().thresholds().get("pulseYellowLow")).isEqualByComparingTo("45");
    }
}
