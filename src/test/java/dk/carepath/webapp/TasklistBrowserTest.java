package dk.carepath.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.callrouting.CallView;
import dk.carepath.callrouting.CitizenCall.CallReason;
import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.support.CallDriver;
import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A heart-failure nurse's morning in the real Camunda Tasklist, in headless Chromium: she logs in
 * through its form, opens her group's filter, finds the new citizen's assessment among her tasks
 * (and not the cardiologist's), and opens its Camunda Form with the referral's facts and the rules' answer in Danish.
 */
@CarepathTest
class TasklistBrowserTest {

    static final String NURSING_TASK = "Sygeplejefaglig vurdering af inklusion";
    static final String CARDIOLOGY_TASK = "Kardiologisk vurdering af inklusion";

    /** One card per task in the list: its name and the filter's variable columns "Borger" and "Team". */
    record Card(String task, String citizen, String team) {
    }

    @RegisterExtension
    final Browser browser = new Browser();
    @Autowired
    PathwayDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    CallDriver calls;

    @Test
    void nurseSeesHerAssessmentOfTheReferredCitizenButNotTheCardiologistsAndOpensItsForm() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        String label = (String) tasks.getVariableLocal(driver.task(pathway, Element.Task_NursingAssessment).getId(), "citizenLabel");
        assertThat(label).as("the citizen label the list shows").startsWith("Test Borger");
        // the cardiologist's task is open too, so its absence from her list means something
        assertThat(driver.openTasks(pathway, Element.Task_CardiologicalAssessment)).hasSize(1);

        logIn("testnurse");
        openFilter("Min gruppes opgaver");

        // the test database holds every test's tasks and Tasklist pages its list, so she narrows it
        // to this citizen's pathway with Tasklist's search (the business key is the pathway id)
        searchBusinessKey(pathway);

        // wait for the searched list: every card is this citizen's, as many as the search counts
        List<Card> cards = browser.until(d -> {
            List<Card> shown = cards(d);
            String total = total(d);
            boolean searched = !shown.isEmpty() && shown.stream().allMatch(c -> c.citizen().equals(label))
                    && total.equals(String.valueOf(shown.size()));
            return searched ? shown : null;
        });
        assertThat(cards).extracting(Card::task).contains(NURSING_TASK).doesNotContain(CARDIOLOGY_TASK);
        assertThat(browser.driver().findElement(By.cssSelector("ol.tasks-list li.task .variable-value")).isDisplayed())
                .as("the citizen's label is visible on the card").isTrue();

        browser.driver().findElement(By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()='"
                + NURSING_TASK + "']")).click();

        // the task's Camunda Form (form-js), filled with the task's variables
        WebElement decision = browser.waitForText(By.cssSelector(".fjs-container .fjs-form-field-radio"), "Beslutning");
        assertThat(decision.getText()).contains("Inkluder borgeren", "Afvis");
        assertThat(browser.findAll(By.cssSelector(".fjs-container .fjs-form-field-label")))
                .extracting(e -> e.getText().replaceAll("\\s*\\*$", "")) // a required field's asterisk
                .contains("Henvisningens oplysninger", "Inklusionsreglernes vurdering", "Beslutning", "Begrundelse");
        assertThat(browser.driver().findElement(By.cssSelector(".fjs-container .fjs-form-field-text")).getText())
                .contains("Borger: " + label);
        String verdict = browser.until(d -> {
            String value = d.findElement(By.cssSelector(".fjs-container textarea[id$='-Field_eligibilityText']")).getDomProperty("value");
            return value == null || value.isEmpty() ? null : value;
        });
        assertThat(verdict).as("the inclusion rules' verdict, in Danish").startsWith("Egnet");
        String facts = browser.driver().findElement(By.cssSelector(".fjs-container textarea[id$='-Field_referralFacts']")).getDomProperty("value");
        assertThat(facts).as("the referral's facts, in Danish").contains("Uddrivningsfraktion (EF): 30 %", "Har MitID: ja");
    }

    @Test
    void municipalNurseSeesHerOwnMunicipalitysCallBacksOnly() {
        // Tuesday 10:00, in the municipalities' phone hours: the call-backs are due at once
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 17, 10, 0, 0, 0, ZoneId.of("Europe/Copenhagen")).toInstant()));
        CallView own;
        CallView neighbours;
        try {
            UUID ownCitizen = calls.citizenOf(driver.refer(PathwayDriver.eligibleFacts(), PathwayDriver.CLINIC, PathwayDriver.MUNICIPALITY));
            UUID neighboursCitizen = calls.citizenOf(driver.refer(PathwayDriver.eligibleFacts(), PathwayDriver.CLINIC,
                    PathwayDriver.OTHER_MUNICIPALITY));
            own = calls.frontDeskAnswers(ownCitizen, CallReason.CLINICAL, "Ring mig op om min vægt");
            neighbours = calls.frontDeskAnswers(neighboursCitizen, CallReason.CLINICAL, "Ring mig op om min puls");
            assertThat(calls.openTasks(neighbours.id(), "Task_CallCitizenBack")).as("the neighbour's call-back is open").hasSize(1);
        } finally {
            ClockUtil.reset();
        }
        String ownTeam = "Testkommune – Kommunale sygeplejersker";

        logIn("testmunicipalnurse");
        openFilter("Min gruppes opgaver");
        // every task in her list is her municipality's
        List<Card> all = browser.until(d -> {
            List<Card> shown = cards(d);
            return shown.isEmpty() ? null : shown;
        });
        assertThat(all).extracting(Card::team).containsOnly(ownTeam);

        searchBusinessKey(own.id());
        List<Card> found = browser.until(d -> {
            List<Card> shown = cards(d);
            return shown.size() == 1 && total(d).equals("1") ? shown : null;
        });
        assertThat(found).extracting(Card::task).containsExactly("Ring borgeren op");
        assertThat(found).extracting(Card::team).containsExactly(ownTeam);

        // the neighbour municipality's call-back is not hers to see
        browser.driver().findElement(By.cssSelector("[cam-widget-search-pill] .value-field")).click();
        WebElement value = browser.waitFor(By.cssSelector("[cam-widget-search-pill] .value-field input"));
        value.clear();
        value.sendKeys(neighbours.id() + "\n");
        // Tasklist then shows no card and says so (with no result count)
        browser.until(d -> cards(d).isEmpty() && d.getPageSource().contains("Ingen opgaver matcher filtrene"));
    }

    private void logIn(String user) {
        browser.open("/camunda/app/tasklist/");
        browser.waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]")).sendKeys(user);
        browser.driver().findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    }

    private void openFilter(String name) {
        By filter = By.xpath("//*[@cam-tasklist-filters]//div[contains(@class,'task-filter')][.//h4[normalize-space(a/text())='" + name + "']]");
        browser.waitFor(filter).click();
        browser.until(d -> d.findElement(filter).getAttribute("class").contains("active"));
    }

    /** Tasklist's search on the business key (a pathway's or a call's id). */
    private void searchBusinessKey(Object key) {
        WebElement search = browser.waitFor(By.cssSelector("[cam-widget-search] input.main-field"));
        search.sendKeys("Forløbets forr");
        browser.waitFor(By.cssSelector("[cam-widget-search] li.uib-typeahead-match a[title='Forløbets forretningsnøgle']")).click();
        browser.waitFor(By.cssSelector("[cam-widget-search-pill] .value-field input")).sendKeys(key + "\n");
    }

    private static List<Card> cards(WebDriver d) {
        return d.findElements(By.cssSelector("ol.tasks-list li.task")).stream().map(li -> {
            List<String> values = li.findElements(By.cssSelector(".variable-value")).stream().map(e -> e.getText().trim()).toList();
            return new Card(li.findElement(By.cssSelector("h4.task a")).getText().trim(), values.isEmpty() ? "" : values.get(0),
                    values.size() < 2 ? "" : values.get(1));
        }).toList();
    }

    private static String total(WebDriver d) {
        return d.findElements(By.cssSelector("[cam-widget-search] .total-results")).stream().map(e -> e.getText().trim())
                .findFirst().orElse("");
    }
}
