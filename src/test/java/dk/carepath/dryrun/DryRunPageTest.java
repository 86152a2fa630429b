package dk.carepath.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A region's process owner, in a real browser, tries out a test citizen on /regions and reads the path with its teams. */
@CarepathTest
class DryRunPageTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aProcessOwnerTriesATestCitizenAndSeesThePathWithHerOrganisations() {
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys("testowner");
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        WebElement own = browser.waitFor(By.id("region-TEST"));
        WebElement form = own.findElement(By.cssSelector("form.dry-run"));
        new Select(form.findElement(By.name("clinicId"))).selectByValue(PathwayDriver.OTHER_CLINIC);
        new Select(form.findElement(By.name("municipalityId"))).selectByValue(PathwayDriver.MUNICIPALITY);
        new Select(form.findElement(By.name("gpPracticeId"))).selectByValue(PathwayDriver.GP);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement path = browser.waitFor(By.id("dry-run-path"));
        assertThat(browser.driver().findElement(By.id("dry-run-eligibility")).getText()).contains("Egnet");
        assertThat(path.findElement(By.cssSelector("tr[data-element=Task_CardiologicalAssessment]")).getText())
                .contains("Kardiologisk vurdering af inklusion", "Den anden testhjerteklinik – Kardiologer", "test-other-clinic.cardiologist");
        assertThat(path.findElement(By.cssSelector("tr[data-element=Task_InstallKit]")).getText()).contains("Testservicecenter – Servicecenter");
        assertThat(path.findElement(By.cssSelector("tr[data-element=Task_ReviewMeasurements]")).getText())
                .contains("Den anden testhjerteklinik – Hjertesvigtssygeplejersker", "kontaktpersonen");
        assertThat(path.findElement(By.cssSelector("tr[data-element=Gateway_ReassessmentOutcome]")).getText()).contains("ellers");
        assertThat(browser.driver().findElement(By.id("dry-run-letters")).getText()).contains("Testkommune", "Testlægerne");
        assertThat(browser.driver().findElement(By.id("dry-run-advice")).getText()).contains("+45 7020 3048");
        assertThat(browser.driver().findElement(By.id("dry-run-assumptions")).getText()).contains("Intet er gemt");
    }
}
