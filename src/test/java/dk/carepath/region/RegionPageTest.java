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
 * dry run; a nurse does not get the page.
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

    @Test
    void aNurseDoesNotGetThePage() {
        login("/regions", "testnurse");
        // the login page, forwarded to, says why; no region's models are shown
        browser.waitForText(By.cssSelector("[role=alert]"), "Din rolle giver ikke adgang til siden");
        assertThat(browser.driver().findElements(By.id("packs"))).isEmpty();
    }
}
