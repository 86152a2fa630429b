package dk.carepath.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The triage page's forms over HTTP, as the browser sends them: acknowledging one measurement, a
 * missing-measurement alarm, everything of one citizen, all green; CSRF required; another
 * clinic's nurse refused as for an unknown measurement; and the login the pages need.
 */
@CarepathTest
class TriagePageActionsTest {

    @LocalServerPort
    int port;
    @Autowired
    PathwayDriver driver;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acknowledgesOneMeasurementAndRedirectsBackToTheList() {
        UUID pathway = driver.inTitration();
        long red = new Sender(http).pulse(driver.pathway(pathway).citizenId(), 130, Duration.ofMinutes(15));
        PageClient nurse = new PageClient(port).login("testnurse");
        assertThat(nurse.get("/triage").body()).contains("row-" + pathway);

        HttpResponse<String> answer = nurse.post("/triage/measurements/" + red + "/acknowledgement", Map.of("mine", "true"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/triage?mine=true");
        assertThat(acknowledgedBy(red)).isEqualTo("testnurse");
        String page = nurse.get("/triage?mine=true").body();
        assertThat(page).contains("Målingen er kvitteret.").doesNotContain("row-" + pathway);
    }

    @Test
    void showsAndAcknowledgesMissingMeasurementsAndEverythingOfOneCitizen() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        Sender sender = new Sender(http);
        long yellow = sender.pulse(citizen, 92, Duration.ofHours(2));
        long green = sender.pulse(citizen, 70, Duration.ofHours(1));
        jdbc.update("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at, summary) "
                        + "values (?, 'MEASUREMENTS_MISSING', 'WEIGHT', ?, ?, 'Vægt mangler')", pathway, "test-" + UUID.randomUUID(),
                Timestamp.from(Instant.now().minus(Duration.ofHours(3))));
        PageClient nurse = new PageClient(port).login("testnurse");
        String page = nurse.get("/triage").body();
        String row = row(page, pathway);
        assertThat(row).contains("data-colour=\"YELLOW\"", "Gul 1", "Mangler 1", "Grøn 1");

        HttpResponse<String> answer = nurse.post("/triage/pathways/" + pathway + "/acknowledgement", Map.of());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(acknowledgedBy(yellow)).isEqualTo("testnurse");
        assertThat(acknowledgedBy(green)).isEqualTo("testnurse");
        assertThat(jdbc.queryForObject("select count(*) from pathway_alarm where pathway_id = ? and acknowledged_at is null", Integer.class,
                pathway)).isZero();
        assertThat(nurse.get("/triage").body()).contains("Borgeren er kvitteret (3 målinger og alarmer).").doesNotContain("row-" + pathway);
    }

    @Test
    void aMissingMeasurementAloneIsAMissingRowWithItsAlarmToAcknowledge() {
        UUID pathway = driver.inTitration();
        jdbc.update("insert into pathway_alarm (pathway_id, kind, measurement_type, dedup_key, raised_at, summary) "
                        + "values (?, 'MEASUREMENTS_MISSING', 'PULSE', ?, ?, 'Puls mangler')", pathway, "test-" + UUID.randomUUID(),
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
        long alarm = jdbc.queryForObject("select id from pathway_alarm where pathway_id = ?", Long.class, pathway);
        PageClient nurse = new PageClient(port).login("testnurse");
        String row = row(nurse.get("/triage").body(), pathway);
        assertThat(row).contains("data-colour=\"MISSING\"", ">Mangler<", "Puls mangler", "/triage/alarms/" + alarm + "/acknowledgement");

        assertThat(nurse.post("/triage/alarms/" + alarm + "/acknowledgement", Map.of()).statusCode()).isEqualTo(302);
        assertThat(nurse.get("/triage").body()).contains("Alarmen for manglende målinger er kvitteret.").doesNotContain("row-" + pathway);
        assertThat(nurse.post("/triage/alarms/" + alarm + "/acknowledgement", Map.of()).statusCode()).as("again: harmless").isEqualTo(302);
        assertThat(nurse.get("/triage").body()).contains("Alarmen var allerede kvitteret.");
    }

    @Test
    void acknowledgesAllGreenOfTheListedCitizens() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        Sender sender = new Sender(http);
        long green = sender.pulse(citizen, 70, Duration.ofHours(2));
        long yellow = sender.pulse(citizen, 93, Duration.ofHours(1));
        PageClient nurse = new PageClient(port).login("testnurse");
        assertThat(nurse.get("/triage").body()).contains("name=\"pathwayId\" value=\"" + pathway + "\"");

        assertThat(nurse.post("/triage/green-acknowledgement", Map.of("pathwayId", pathway.toString())).statusCode()).isEqualTo(302);
        assertThat(acknowledgedBy(green)).isEqualTo("testnurse");
        assertThat(acknowledgedBy(yellow)).as("yellow stays").isNull();
        assertThat(nurse.get("/triage").body()).contains("1 grøn måling er kvitteret.");
    }

    @Test
    void formsNeedTheCsrfTokenAndAnotherClinicsNurseIsRefusedAsForAnUnknownMeasurement() {
        UUID pathway = driver.inTitration();
        long red = new Sender(http).pulse(driver.pathway(pathway).citizenId(), 130, Duration.ofMinutes(5));

        PageClient nurse = new PageClient(port).login("testnurse");
        nurse.get("/triage");
        assertThat(nurse.postRaw("/triage/measurements/" + red + "/acknowledgement", Map.of()).statusCode()).as("no CSRF token")
                .isIn(302, 403);
        assertThat(acknowledgedBy(red)).isNull();

        PageClient other = new PageClient(port).login("testothernurse");
        assertThat(other.get("/triage").body()).doesNotContain("row-" + pathway);
        HttpResponse<String> refused = other.post("/triage/measurements/" + red + "/acknowledgement", Map.of());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("Siden findes ikke");
        assertThat(other.post("/triage/pathways/" + pathway + "/acknowledgement", Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.post("/triage/green-acknowledgement", Map.of("pathwayId", pathway.toString())).statusCode()).isEqualTo(404);
        assertThat(acknowledgedBy(red)).isNull();
        HttpResponse<String> page = other.get("/citizens/" + driver.pathway(pathway).citizenId());
        assertThat(page.statusCode()).isEqualTo(404);
    }

    @Test
    void thePagesNeedALoginAndAClinicalRole() {
        PageClient anonymous = new PageClient(port);
        HttpResponse<String> answer = anonymous.get("/triage");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.get("/citizens/" + UUID.randomUUID()).statusCode()).isEqualTo(302);

        PageClient gp = new PageClient(port).login("testgp");
        HttpResponse<String> denied = gp.get("/triage");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("Din rolle giver ikke adgang");

        PageClient nurse = new PageClient(port).login("testnurse");
        assertThat(nurse.get("/citizens/" + UUID.randomUUID()).statusCode()).as("unknown citizen").isEqualTo(404);
        assertThat(nurse.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theCitizenPageIsInTheAccessLog() {
        UUID pathway = driver.inTitration();
        UUID citizen = driver.pathway(pathway).citizenId();
        PageClient nurse = new PageClient(port).login("testnurse");
        HttpResponse<String> page = nurse.get("/citizens/" + citizen + "?days=90");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-chart=", "Referencevægt", "90 dage");
        JsonNode log = http.withBasicAuth("testclinicmanager", "secret").getForObject("/api/audit?citizenId=" + citizen, JsonNode.class);
        assertThat(log.toString()).contains("testnurse", "citizen page", "measurements", "pathway-journal");
    }

    private String acknowledgedBy(long measurement) {
        return jdbc.queryForObject("select acknowledged_by from measurement where id = ?", String.class, measurement);
    }

    /** The page's row of the pathway, as HTML. */
    private static String row(String page, UUID pathway) {
        int start = page.indexOf("id=\"row-" + pathway + "\"");
        assertThat(start).as("row of %s", pathway).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
