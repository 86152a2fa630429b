package dk.carepath.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A heart-failure nurse's morning triage in a real browser: the red citizen comes first, all green
 * measurements go at once, and the citizen page charts the measurements against the citizen's
 * thresholds; a citizen's two reds are one task, and once the nurse has completed it in Tasklist the
 * citizen leaves the red rows. A nurse of another clinic sees neither the row nor the page.
 */
@CarepathTest
class TriagePageTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    PathwayDriver driver;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Test
    void nurseSeesTheRedCitizenFirstAcknowledgesAllGreenAndOpensTheChartWithThresholds() throws Exception {
        Sender sender = new Sender(http);
        UUID red = driver.inTitration();
        UUID green = driver.inTitration();
        UUID redCitizen = driver.pathway(red).citizenId();
        sender.pulse(driver.pathway(green).citizenId(), 70, Duration.ofHours(3));
        sender.weight(redCitizen, "80.4", Duration.ofHours(5));
        sender.pulse(redCitizen, 72, Duration.ofHours(4));
        sender.pulse(redCitizen, 121, Duration.ofMinutes(30));
        sender.pro(redCitizen, 3, "SWOLLEN_LEGS", Duration.ofHours(2));
        awaitTask(red, Element.Task_ReviewRedMeasurement);

        login("/triage", "testnurse");
        browser.waitForText(By.tagName("h1"), "Triage");
        List<String> rows = rowIds();
        assertThat(rows).contains("row-" + red, "row-" + green);
        assertThat(rows.indexOf("row-" + red)).as("red before green").isLessThan(rows.indexOf("row-" + green));
        assertThat(browser.findAll(By.cssSelector("#triage tbody tr")).get(0).getAttribute("data-colour")).isEqualTo("RED");
        WebElement redRow = browser.driver().findElement(By.id("row-" + red));
        assertThat(redRow.getAttribute("data-colour")).isEqualTo("RED");
        assertThat(redRow.getText()).contains("Rød", "Puls", "121 /min", "80,4 kg", "NYHA III", "Gul 1", "Grøn 2");
        assertThat(redRow.findElement(By.cssSelector("a.task")).getAttribute("href"))
                .contains("/camunda/app/tasklist/default/#/?task=");
        assertThat(browser.driver().findElement(By.id("row-" + green)).getText()).contains("Grøn");

        browser.driver().findElement(By.cssSelector("#acknowledge-green button[type=submit]")).click();
        browser.waitForText(By.id("message"), "grønne målinger er kvitteret");
        assertThat(rowIds()).as("only green: gone after acknowledging all green").doesNotContain("row-" + green).contains("row-" + red);
        assertThat(browser.driver().findElement(By.id("row-" + red)).getText()).doesNotContain("Grøn 2");

        browser.driver().findElement(By.id("row-" + red)).findElement(By.cssSelector("a.citizen")).click();
        browser.waitFor(By.id("citizen-name"));
        assertThat(browser.driver().findElement(By.id("phone")).getText()).isEqualTo("+4512345678");
        browser.until(d -> "true".equals(d.findElement(By.id("chart-pulse")).getAttribute("data-rendered")));
        JsonNode pulse = json.readTree(browser.driver().findElement(By.id("chart-pulse")).getAttribute("data-chart"));
        assertThat(pulse.at("/thresholds/redHigh").asInt()).isEqualTo(100);
        assertThat(pulse.at("/thresholds/yellowHigh").asInt()).isEqualTo(90);
        assertThat(pulse.at("/thresholds/yellowLow").asInt()).isEqualTo(45);
        assertThat(pulse.at("/thresholds/redLow").asInt()).isEqualTo(40);
        assertThat(pulse.at("/series/0/points").findValues("y")).extracting(JsonNode::asDouble).containsExactly(72.0, 121.0);
        assertThat(pulse.at("/series/0/colours").toString()).contains("RED", "GREEN");
        assertThat(pulse.get("series").findValuesAsText("label")).contains("Rød øvre", "Gul nedre");
        JsonNode weight = json.readTree(browser.driver().findElement(By.id("chart-weight")).getAttribute("data-chart"));
        assertThat(weight.at("/thresholds/reference").asDouble()).isEqualTo(80.0);
        assertThat(weight.at("/thresholds/redHigh").asDouble()).isEqualTo(83.0);
        assertThat(weight.at("/thresholds/yellowLow").asDouble()).isEqualTo(78.0);
        assertThat(browser.driver().findElement(By.id("pro")).getText()).contains("NYHA III", "Hævede ben eller ankler");
        assertThat(browser.driver().findElement(By.id("thresholds")).getText()).contains("rød ≥ 100");
        assertThat(browser.driver().findElement(By.id("journal")).getText()).contains("Måleplan fastlagt");

        browser.driver().findElement(By.id("period-7")).click();
        browser.until(d -> d.getCurrentUrl().contains("days=7"));
        assertThat(browser.driver().findElement(By.id("period-7")).getAttribute("class")).contains("active");
    }

    @Test
    void nurseCompletesTheCoalescedRedTaskInTasklistAndTheCitizenLeavesTheRedRows() throws Exception {
        Sender sender = new Sender(http);
        UUID red = driver.inTitration();
        UUID citizen = driver.pathway(red).citizenId();
        sender.pulse(citizen, 118, Duration.ofMinutes(50));
        sender.pulse(citizen, 124, Duration.ofMinutes(20));
        // both reds on one task
        long until = System.currentTimeMillis() + 20_000;
        while (driver.openTasks(red, Element.Task_ReviewRedMeasurement).size() != 1
                || tasks.getVariable(driver.openTasks(red, Element.Task_ReviewRedMeasurement).get(0).getId(), "coveredMeasurements")
                        .toString().split(",").length != 2) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no red task covering both reds of " + red);
            }
            Thread.sleep(100);
        }

        login("/triage", "testnurse");
        WebElement row = browser.waitFor(By.id("row-" + red));
        assertThat(row.getAttribute("data-colour")).isEqualTo("RED");
        String task = row.findElement(By.cssSelector("a.task")).getAttribute("href");

        // the row's link opens the one task in Tasklist (after Camunda's own login)
        browser.open("/camunda/app/tasklist/");
        browser.waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]")).sendKeys("testnurse");
        browser.driver().findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        browser.waitFor(By.cssSelector("[cam-tasklist-filters]"));
        browser.driver().get(task);
        WebElement summary = browser.waitFor(By.cssSelector(".fjs-container textarea[id$='-Field_measurementSummary']"));
        browser.until(d -> summary.getDomProperty("value").contains("118") && summary.getDomProperty("value").contains("124"));
        browser.waitFor(By.xpath("//*[self::a or self::button][normalize-space()='Tildel til mig']")).click();
        browser.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
        By firstAction = By.cssSelector(".fjs-container input[type=radio][id$='-Field_redAction-0']");
        browser.until(d -> {
            WebElement radio = d.findElement(firstAction);
            if (!radio.isSelected()) {
                radio.click();
            }
            return radio.isSelected();
        });
        browser.waitFor(By.xpath("//button[normalize-space()='Fuldfør']")).click();
        browser.until(d -> driver.openTasks(red, Element.Task_ReviewRedMeasurement).isEmpty());

        // both reds acknowledged by completing the task: the citizen is no longer among the rows to look at
        // (Tasklist's login began a session of its own, so Carepath asks for hers again)
        login("/triage", "testnurse");
        browser.waitForText(By.tagName("h1"), "Triage");
        assertThat(rowIds()).doesNotContain("row-" + red);
    }

    @Test
    void nurseOfAnotherClinicSeesNeitherTheRowNorTheCitizenPage() {
        Sender sender = new Sender(http);
        UUID red = driver.inTitration();
        UUID citizen = driver.pathway(red).citizenId();
        sender.pulse(citizen, 125, Duration.ofMinutes(20));

        login("/triage", "testothernurse");
        browser.waitForText(By.tagName("h1"), "Triage");
        assertThat(rowIds()).doesNotContain("row-" + red);

        browser.open("/citizens/" + citizen);
        browser.waitForText(By.cssSelector(".message.error"), "Siden findes ikke, eller du har ikke adgang til den");
        assertThat(browser.findAll(By.id("citizen-name"))).as("nothing of the citizen").isEmpty();
    }

    @Test
    void theFrontDeskHasNoTriage() {
        login("/triage", "testfrontdesk");
        browser.waitForText(By.cssSelector(".message.error"), "Din rolle giver ikke adgang");
    }

    private void login(String path, String user) {
        browser.open(path);
        browser.waitFor(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private List<String> rowIds() {
        return browser.findAll(By.cssSelector("#triage tbody tr.triage-row")).stream().map(tr -> tr.getAttribute("id")).toList();
    }

    private void awaitTask(UUID pathway, Element task) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (driver.openTasks(pathway, task).isEmpty()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no " + task + " for " + pathway);
            }
            Thread.sleep(100);
        }
    }
}
