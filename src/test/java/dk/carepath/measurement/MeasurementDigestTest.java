package dk.carepath.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * What the measurement tasks show of the measurements (task-local variables, set when the task is
 * created): the review lists what came since the last review, the plan form the last weights.
 */
@CarepathTest
class MeasurementDigestTest {

    @Autowired
    PathwayDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MeasurementDigest digest;
    @Autowired
    TestRestTemplate http;

    @Test
    void theReviewListsTheMeasurementsAndProAnswersSinceTheLastReview() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        send(citizen, "PULSE", "\"value\": 71, \"unit\": \"/min\"", 120);
        send(citizen, "PRO_QUESTIONNAIRE", "\"nyhaClass\": 2, \"symptoms\": []", 110);

        driver.fireTimer(pathway, Element.Event_ReviewDue);
        Task first = driver.task(pathway, Element.Task_ReviewMeasurements);
        String firstList = (String) tasks.getVariableLocal(first.getId(), "reviewMeasurements");
        assertThat(firstList).startsWith("Siden forløbets start: 1 måling (0 røde, 0 gule) og 1 PRO-svar.")
                .contains("Puls 71 slag/min", "Spørgeskema: NYHA-klasse 2");
        assertThat(runtime.getVariable(first.getProcessInstanceId(), "reviewMeasurements"))
                .as("the task's own, not the process's").isNull();
        assertThat(tasks.getVariableLocal(first.getId(), "citizenPage")).isEqualTo("/citizens/" + citizen);
        driver.complete(pathway, Element.Task_ReviewMeasurements, "testnurse", Map.of("nextReviewIntervalDays", 7));

        send(citizen, "PULSE", "\"value\": 77, \"unit\": \"/min\"", 5);
        driver.fireTimer(pathway, Element.Event_ReviewDue);
        String second = (String) tasks.getVariableLocal(driver.task(pathway, Element.Task_ReviewMeasurements).getId(),
                "reviewMeasurements");
        assertThat(second).startsWith("Siden sidste gennemgang ").contains("1 måling (0 røde, 0 gule) og 0 PRO-svar", "Puls 77 slag/min")
                .doesNotContain("Puls 71");
    }

    @Test
    void thePlanFormShowsTheCitizensLastWeightsNewestFirst() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        assertThat(digest.recentWeights(citizen)).isEqualTo("Ingen vægtmålinger endnu");
        for (int i = 0; i < 6; i++) {
            send(citizen, "WEIGHT", "\"value\": " + (80 + i) + ".4, \"unit\": \"kg\"", 600 - i * 60);
        }
        String weights = digest.recentWeights(citizen);
        assertThat(weights.split(" · ")).hasSize(MeasurementDigest.WEIGHTS);
        assertThat(weights).startsWith("85,4 kg (").doesNotContain("80,4 kg");

        // a new plan task (a new referral) shows them: here, of a citizen without weights
        UUID referred = driver.refer(PathwayDriver.eligibleFacts());
        driver.includeByBothAssessments(referred);
        assertThat(tasks.getVariableLocal(driver.task(referred, Element.Task_SetMonitoringPlan).getId(), "recentWeights"))
                .isEqualTo("Ingen vægtmålinger endnu");
    }

    private void send(UUID citizen, String type, String value, int minutesAgo) {
        String at = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(minutesAgo).withNano(0).toString();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var answer = http.withBasicAuth("testsender", "secret").postForEntity("/api/measurements", new HttpEntity<>(
                "{\"senderId\": \"digest-" + UUID.randomUUID() + "\", \"citizenId\": \"" + citizen + "\", \"type\": \"" + type + "\", "
                        + value + ", \"measuredAt\": \"" + at + "\"}", headers), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    }
}
