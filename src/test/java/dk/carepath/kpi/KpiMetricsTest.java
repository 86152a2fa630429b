package dk.carepath.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The operational metrics on /actuator/prometheus: for operators and administrators only, with the domain's figures. */
@CarepathTest
class KpiMetricsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    PathwayDriver driver;

    @Test
    void prometheusRefusesAnonymousAndOtherRoles() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody()).doesNotContain("carepath_");
        assertThat(http.withBasicAuth("testnurse", "secret").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("testmanager", "secret").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("testadmin", "wrong").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void prometheusExposesTheDomainMetrics() throws InterruptedException {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String red = "{\"senderId\": \"metrics-" + UUID.randomUUID() + "\", \"citizenId\": \"" + citizen + "\", \"type\": \"PULSE\", "
                + "\"value\": 130, \"unit\": \"/min\", \"measuredAt\": \"" + Instant.now().minusSeconds(60) + "\"}";
        assertThat(http.withBasicAuth("testsender", "secret").postForEntity("/api/measurements", new HttpEntity<>(red, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        for (int i = 0; i < 100 && driver.openTasks(pathway, Element.Task_ReviewRedMeasurement).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(driver.openTasks(pathway, Element.Task_ReviewRedMeasurement)).hasSize(1);

        ResponseEntity<String> metrics = http.withBasicAuth("testadmin", "secret").getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody())
                .contains("carepath_measurements_received_total{colour=\"RED\",type=\"PULSE\"}")
                .contains("carepath_escalations_total{kind=\"MEASUREMENT_RED\"}")
                .contains("carepath_escalation_latency_seconds_count")
                .contains("carepath_red_to_task_seconds_bucket{le=\"7200.0\"}")
                .contains("carepath_mail_outbox{status=\"PENDING\"}")
                .contains("carepath_mail_outbox{status=\"FAILED\"}")
                .contains("carepath_jobs_due")
                .contains("carepath_jobs_failed")
                .contains("carepath_incidents_open");
    }
}
