package dk.carepath.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A municipality's manager does the twice-yearly authorisation review in a real browser: she logs
 * in, finds her municipality, reads who has which access and how they used it, must confirm before
 * she signs off, and sees her sign-off recorded.
 */
@CarepathTest
class AccessReviewPageTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void managerReviewsHerMunicipalitysAccessAndSignsItOff() {
        browser.open("/access-reviews");
        browser.waitFor(By.id("username")).sendKeys("testmunicipalmanager");
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        WebElement municipality = browser.waitFor(By.linkText("Testkommune"));
        assertThat(browser.driver().findElements(By.linkText("Nabokommune"))).as("another municipality's review").isEmpty();
        municipality.click();

        browser.waitForText(By.tagName("h1"), "Adgangsgennemgang: Testkommune");
        List<List<String>> members = browser.findAll(By.cssSelector("#members tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(members).anySatisfy(row -> assertThat(row).startsWith("testmunicipalnurse").contains("Kommunale sygeplejersker"));
        assertThat(members).anySatisfy(row -> {
            assertThat(row).startsWith("testfrontdesk").contains("Kommunal omstilling");
            assertThat(row.get(3)).contains("telefon, e-mail og adresse").doesNotContain("kliniske data");
        });
        assertThat(members).noneSatisfy(row -> assertThat(row).startsWith("testnurse"));
        assertThat(browser.driver().findElement(By.id("csv")).getAttribute("href")).contains("/access-reviews/"
                + PathwayDriver.MUNICIPALITY + "/report.csv");

        // signing off without confirming is refused, on the field
        browser.driver().findElement(By.id("note")).sendKeys("Vikar fjernet i oktober");
        browser.driver().findElement(By.cssSelector("#sign-off button[type=submit]")).click();
        browser.waitForText(By.id("reviewed-error"), "Bekræft");
        assertThat(browser.driver().findElement(By.id("sign-offs")).getText()).as("nothing signed").doesNotContain("Vikar fjernet i oktober");

        browser.driver().findElement(By.id("note")).sendKeys("Vikar fjernet i oktober");
        browser.driver().findElement(By.id("reviewed")).click();
        browser.driver().findElement(By.cssSelector("#sign-off button[type=submit]")).click();
        browser.waitForText(By.id("signed"), "Gennemgangen er godkendt");
        WebElement latest = browser.waitFor(By.cssSelector("#sign-offs tbody tr"));
        assertThat(latest.getText()).contains("testmunicipalmanager", "Vikar fjernet i oktober");
    }

    @Test
    void pagesNeedALoginAndAManagersRole() {
        browser.open("/access-reviews/" + PathwayDriver.MUNICIPALITY);
        browser.waitFor(By.id("username")).sendKeys("testnurse");
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".message.error"), "Din rolle giver ikke adgang");

        browser.driver().manage().deleteAllCookies();
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys("testmunicipalmanager");
        browser.driver().findElement(By.id("password")).sendKeys("wrong");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".message.error"), "Forkert brugernavn eller adgangskode");
    }
}
