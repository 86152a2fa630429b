package dk.carepath.region;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A region's process owner, in a real browser: lands on the regions page, sees every pack and its
 * findings, her region's model versions with the running pathways on each, and runs a migration's
 * dry run, and rolls a new version back; a nurse does not get the page.
 */
@CarepathTest
class RegionPageTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    PathwayDriver driver;

    void login(String path, String user) {
        browser.open(path);
        browser.waitFor(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }

    @Test
    void processOwnerSeesHerRegionsModelVersionsAndRunsADryRun() {
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        login("/login", "testowner");
        WebElement packs = browser.waitFor(By.id("packs"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/regions");
        assertThat(packs.findElement(By.cssSelector("tr[data-region=NORD]")).getText()).contains("Region Nordjylland", "Ja", "ingen");
        assertThat(packs.findElement(By.cssSelector("tr[data-region=TEST]")).getText()).contains("Testregionen", "regions/test/region.yaml");

        WebElement own = browser.waitFor(By.id("region-TEST"));
        assertThat(browser.driver().findElements(By.id("region-NORD"))).as("only her own region's models").isEmpty();
        long running = own.findElements(By.cssSelector("tr[data-key=heart-failure-pathway] td.running")).stream()
                .mapToLong(td -> Long.parseLong(td.getText())).sum();
        assertThat(running).as("the region's running pathways, " + pathway + " among them").isGreaterThanOrEqualTo(1);

        own.findElement(By.cssSelector("form.migration button[value=true]")).click();
        WebElement summary = browser.waitFor(By.id("report-summary"));
        assertThat(summary.getText()).startsWith("Prøvekørsel: ").contains("heart-failure-pathway", "TEST", "ville blive flyttet");
    }

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    int latestTestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("heart-failure-pathway").tenantIdIn("TEST").latestVersion()
                .singleResult().getVersion();
    }

    @Test
    void processOwnerRollsHerRegionsNewVersionBackFromThePage() throws Exception {
        // a new version of the region's pathway (as from the Modeler), with a pathway started on it
        var deployment = repository.createDeployment().name("pathway, page test " + UUID.randomUUID()).tenantId("TEST");
        deployment.addInputStream("heart-failure-pathway.bpmn",
                new org.springframework.core.io.ClassPathResource("processes/heart-failure-pathway.bpmn").getInputStream());
        for (var form : new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
        deployment.deploy();
        int fresh = latestTestVersion();
        UUID pathway = driver.refer(PathwayDriver.eligibleFacts());
        assertThat(repository.getProcessDefinition(driver.instance(pathway).getProcessDefinitionId()).getVersion()).isEqualTo(fresh);

        login("/login", "testowner");
        WebElement own = browser.waitFor(By.id("region-TEST"));
        assertThat(own.findElements(By.cssSelector("table.models tr[data-tenant=TEST]"))).as("the region's tenant's versions").isNotEmpty();
        own.findElement(By.cssSelector("form.rollback button[value=true]")).click();
        assertThat(browser.waitFor(By.id("message")).getText()).startsWith("Prøvekørsel: ")
                .contains("fra version " + fresh + " tilbage til version " + (fresh - 1), "Camunda godkender planen");
        assertThat(latestTestVersion()).as("a dry run deploys nothing").isEqualTo(fresh);

        own = browser.waitFor(By.id("region-TEST"));
        own.findElement(By.cssSelector("form.rollback input[name=reason]")).sendKeys("Den nye version var forkert");
        own.findElement(By.cssSelector("form.rollback button.rollback-now")).click();
        browser.driver().switchTo().alert().accept();
        assertThat(browser.waitFor(By.id("message")).getText()).contains("er rullet tilbage", "udrullet igen som version " + (fresh + 1));
        assertThat(latestTestVersion()).isEqualTo(fresh + 1);
        assertThat(repository.getProcessDefinition(driver.instance(pathway).getProcessDefinitionId()).getVersion()).isEqualTo(fresh + 1);
    }

    @Test
    void aNurseDoesNotGetThePage() {
        login("/regions", "testnurse");
        // the login page, forwarded to, says why; no region's models are shown
        browser.waitForText(By.cssSelector("[role=alert]"), "Din rolle giver ikke adgang til siden");
        assertThat(browser.driver().findElements(By.id("packs"))).isEmpty();
    }
}
