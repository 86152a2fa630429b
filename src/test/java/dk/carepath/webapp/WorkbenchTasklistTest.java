package dk.carepath.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.pathway.HeartFailurePathway.Element;
import dk.carepath.pathway.JournalView;
import dk.carepath.pathway.Pathways;
import dk.carepath.pathway.ReferralRequest;
import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What a nurse meets in the real Tasklist (headless Chromium), with Carepath's additions: its name and
 * logo, Danish, a filter sorted as its description says, the search by citizen name, a phrase inserted
 * into a note, the form's own messages in Danish, and a refused completion that marks its field in
 * Danish with a toast that leaves the buttons free.
 */
@CarepathTest
class WorkbenchTasklistTest {

    static final String NURSING_TASK = "Sygeplejefaglig vurdering af inklusion";

    @RegisterExtension
    final Browser browser = new Browser();
    @Autowired
    PathwayDriver driver;
    @Autowired
    TaskService tasks;
    @Autowired
    Pathways pathways;
    @Autowired
    TestRestTemplate http;

    @Test
    void tasklistIsCarepathsInDanishSortsTheFilterAsLabelledAndFindsTheCitizenByName() {
        String token = "Sortering" + UUID.randomUUID().toString().substring(0, 6);
        UUID older = referNamed(token + " Alfa");
        UUID newer = referNamed(token + " Beta");
        // the older citizen's assessment is the more urgent: sorted by creation it would come last
        tasks.setPriority(driver.task(older, Element.Task_NursingAssessment).getId(), 80);

        logIn("testnurse");
        WebElement brand = browser.waitFor(By.cssSelector("[cam-widget-header] .navbar-brand .brand-name"));
        assertThat(brand.getText()).isEqualTo("Carepath Opgaver");
        assertThat(browser.driver().getTitle()).isEqualTo("Carepath Opgaver");
        String logo = (String) js().executeScript(
                "return getComputedStyle(document.querySelector('[cam-widget-header] .navbar-brand .brand-logo')).backgroundImage");
        assertThat(logo).contains("carepath-logo.svg");
        assertThat(browser.findAll(By.cssSelector("[cam-widget-header] .navbar-brand .brand-logo svg")))
                .as("Camunda's logo is hidden").allMatch(svg -> !svg.isDisplayed());

        openFilter("Min gruppes opgaver");
        // the filter says "vigtigste først": Tasklist's sorting is the filter's own, and says so in Danish
        browser.until(d -> d.getCurrentUrl().contains("sorting=") && decodedUrl(d).contains(
                "[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"},{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]"));
        String sorting = browser.waitFor(By.cssSelector("[cam-sorting-choices], .sorting-choice")).getText();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("Prioritet", "Forfaldsdato");
        assertThat(sorting).doesNotContain("Created", "Sort by");

        // "Søg borger": the citizen's name (task variable citizenSearch), whatever its case
        WebElement search = browser.waitFor(By.cssSelector(".cp-citizen-search input"));
        search.sendKeys(token.toLowerCase() + "\n");
        List<String> found = browser.until(d -> {
            List<String> shown = cards(d);
            return shown.size() == 2 && totalText(d).equals("2") ? shown : null;
        });
        assertThat(found).as("the more urgent first, though older").containsExactly(token + " Alfa", token + " Beta");
        assertThat(browser.driver().findElement(By.cssSelector("[cam-widget-search]")).getText())
                .as("Tasklist's own search shows what it matches").contains(token.toLowerCase());
        assertThat(driver.openTasks(newer, Element.Task_NursingAssessment)).hasSize(1);
    }

    @Test
    void nurseInsertsAPhraseIntoHerNoteAndTheFormsOwnMessagesAreDanish() {
        String phrase = "Borgeren er motiveret og har en pårørende, der hjælper " + UUID.randomUUID().toString().substring(0, 6);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var added = http.withBasicAuth("testcolleague", "secret").postForEntity("/api/phrases", new HttpEntity<>(Map.of(
                "organisationId", PathwayDriver.CLINIC, "title", "Motiveret " + phrase.substring(phrase.length() - 6), "text", phrase),
                headers), String.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String name = "Frase" + UUID.randomUUID().toString().substring(0, 6) + " Borger";
        UUID pathway = referNamed(name);

        logIn("testnurse");
        openFilter("Min gruppes opgaver");
        openTaskOf(name, NURSING_TASK);

        // the form's own check, in Danish
        clickComplete();
        browser.waitForText(By.cssSelector(".fjs-container"), "Feltet skal udfyldes.");
        assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText()).doesNotContain("Field is required");

        // the note's phrase picker offers the clinic's phrases, and puts the chosen one where the cursor is
        By noteField = By.cssSelector(".fjs-container textarea[id$='-Field_nurseReason']");
        // Selenium types faster than any nurse: should the form render the note anew meanwhile, type again
        browser.until(d -> {
            WebElement note = d.findElement(noteField);
            if (!"Vurderet i dag.".equals(note.getDomProperty("value"))) {
                note.clear();
                note.sendKeys("Vurderet i dag.");
            }
            return "Vurderet i dag.".equals(note.getDomProperty("value"));
        });
        By pickerField = By.xpath("//textarea[contains(@id,'-Field_nurseReason')]/following-sibling::select[contains(@class,'cp-phrases')]");
        browser.waitFor(pickerField);
        String expected = "Vurderet i dag. " + phrase;
        try {
            // the form may render the note (and its picker) anew while Selenium picks: look both up each time, pick again
            browser.until(d -> {
                if ("Vurderet i dag.".equals(d.findElement(noteField).getDomProperty("value"))) {
                    new Select(d.findElement(pickerField)).selectByVisibleText("Motiveret " + phrase.substring(phrase.length() - 6));
                }
                return expected.equals(d.findElement(noteField).getDomProperty("value"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the note reads »" + browser.driver().findElement(noteField).getDomProperty("value") + "«", e);
        }
        By include = By.cssSelector(".fjs-container input[type=radio][id$='-Field_nurseDecision-0']");
        browser.until(d -> {
            WebElement radio = d.findElement(include);
            if (!radio.isSelected()) {
                radio.click();
            }
            return radio.isSelected();
        });
        assertThat(browser.driver().findElement(By.xpath("//label[@for=//input[@type='radio' and contains(@id,'-Field_nurseDecision-0')]/@id]"))
                .getText()).isEqualTo("Inkluder borgeren");
        clickComplete();

        // the form's state had the phrase: the task is done with it as the nurse's reason
        browser.until(d -> driver.openTasks(pathway, Element.Task_NursingAssessment).isEmpty());
        List<JournalView> journal = pathways.journal(pathway);
        assertThat(journal).anySatisfy(j -> {
            assertThat(j.summary()).isEqualTo(NURSING_TASK);
            assertThat(j.detail()).contains("nurseReason=Vurderet i dag. " + phrase);
        });
    }

    @Test
    void aRefusedCompletionMarksItsFieldInDanishAndTheToastLeavesTheButtonsFree() {
        String name = "Plan" + UUID.randomUUID().toString().substring(0, 6) + " Borger";
        UUID pathway = referNamed(name);
        driver.includeByBothAssessments(pathway);

        logIn("testcardiologist");
        openFilter("Min gruppes opgaver");
        openTaskOf(name, "Fastlæg måleplan og grænseværdier");

        // the plan form shows the citizen's last weights beside the reference weight (none yet)
        WebElement weights = browser.waitFor(By.cssSelector(".fjs-container input[id$='-Field_recentWeights']"));
        browser.until(d -> "Ingen vægtmålinger endnu".equals(weights.getDomProperty("value")));
        // the citizen's page is a link from the task
        WebElement link = browser.driver().findElement(By.cssSelector(".fjs-container .fjs-form-field-text a"));
        assertThat(link.getAttribute("href")).endsWith("/citizens/" + driver.pathway(pathway).citizenId());

        // weight is measured but no reference weight given: Carepath's rule refuses, naming the field in Danish
        clickComplete();
        WebElement toast = browser.waitFor(By.cssSelector(".page-notifications .alert"));
        assertThat(toast.getText()).contains("Opgaven kan ikke afsluttes: Referencevægt skal udfyldes");
        WebElement marked = browser.waitFor(By.cssSelector(".fjs-form-field.cp-refused"));
        assertThat(marked.getText()).contains("Referencevægt (kg)", "Referencevægt skal udfyldes");
        assertThat(driver.openTasks(pathway, Element.Task_SetMonitoringPlan)).as("nothing completed").hasSize(1);

        // the toast covers no button of the page
        Rectangle covered = toast.getRect();
        for (WebElement button : browser.findAll(By.cssSelector("button, .btn, a.btn"))) {
            boolean own = (Boolean) js().executeScript("return arguments[0].contains(arguments[1])", toast, button);
            if (button.isDisplayed() && !own) {
                assertThat(overlap(covered, button.getRect())).as("the toast over the button '%s'", button.getText()).isFalse();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private UUID referNamed(String name) {
        ReferralRequest r = PathwayDriver.referral(PathwayDriver.newCpr(), PathwayDriver.eligibleFacts());
        ReferralRequest.CitizenDetails c = r.citizen();
        return driver.refer(new ReferralRequest(new ReferralRequest.CitizenDetails(c.cpr(), name, c.phone(), c.email(), c.address(),
                c.municipalityId(), c.gpPracticeId()), r.source(), r.clinicId(), r.referrerOrganisationId(), r.referrerName(), r.facts(),
                r.note()));
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

    /** finds the citizen's task by her name ("Søg borger") and opens its form */
    private void openTaskOf(String citizen, String task) {
        browser.waitFor(By.cssSelector(".cp-citizen-search input")).sendKeys(citizen + "\n");
        By card = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//*[contains(@class,'variable-value')"
                + "][starts-with(normalize-space(),'" + citizen + "')]]//h4[contains(@class,'task')]/a[normalize-space()='" + task + "']");
        browser.waitFor(card).click();
        browser.waitFor(By.cssSelector(".fjs-container .fjs-form"));
        // her own now, so the form can be completed
        browser.waitFor(By.xpath("//*[self::a or self::button][normalize-space()='Tildel til mig']")).click();
        browser.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
    }

    private void clickComplete() {
        browser.waitFor(By.xpath("//button[normalize-space()='Fuldfør']")).click();
    }

    private static List<String> cards(WebDriver d) {
        return d.findElements(By.cssSelector("ol.tasks-list li.task")).stream()
                .map(li -> li.findElements(By.cssSelector(".variable-value")).stream().map(e -> e.getText().trim()).findFirst().orElse(""))
                .map(label -> label.replaceAll("\\s*\\(.*$", "")).toList();
    }

    private static String totalText(WebDriver d) {
        return d.findElements(By.cssSelector("[cam-widget-search] .total-results")).stream().map(e -> e.getText().trim())
                .findFirst().orElse("");
    }

    private static String decodedUrl(WebDriver d) {
        return java.net.URLDecoder.decode(d.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private static boolean overlap(Rectangle a, Rectangle b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }
}
