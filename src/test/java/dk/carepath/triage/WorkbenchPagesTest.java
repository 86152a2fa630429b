package dk.carepath.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import dk.carepath.support.PathwayDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nurse's library page and the citizen page's materials, in headless Chromium: she adds a phrase and a
 * link and uploads a PDF (a file that is not a PDF is refused in Danish), gives a material to two citizens
 * at once and finds it on their pages, gives one from the citizen page and takes it back; another clinic's
 * nurse sees none of it.
 */
@CarepathTest
class WorkbenchPagesTest {

    @RegisterExtension
    final Browser browser = new Browser();
    @Autowired
    PathwayDriver driver;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nurseKeepsPhrasesAndMaterialsAndGivesThemToCitizensWhoseListsShowThem() throws Exception {
        UUID first = driver.pathway(driver.inTitration()).citizenId();
        UUID second = driver.pathway(driver.inTitration()).citizenId();
        String token = UUID.randomUUID().toString().substring(0, 6);

        login("/library", "testnurse");
        browser.waitFor(By.id("phrase-title")).sendKeys("Væske " + token);
        browser.driver().findElement(By.id("phrase-text")).sendKeys("Højst 1,5 liter væske i døgnet " + token);
        browser.driver().findElement(By.cssSelector("#add-phrase button[type=submit]")).click();
        browser.waitForText(By.id("message"), "Frasen er gemt.");
        assertThat(browser.driver().findElement(By.id("phrases")).getText()).contains("Højst 1,5 liter væske i døgnet " + token);

        // a link outside the allow-list is refused in Danish, and nothing is added
        browser.driver().findElement(By.id("link-title")).sendKeys("Video " + token);
        browser.driver().findElement(By.id("link-url")).sendKeys("https://www.youtube.com/watch?v=" + token);
        browser.driver().findElement(By.cssSelector("#add-link button[type=submit]")).click();
        browser.waitForText(By.id("error"), "Videosider");
        assertThat(browser.driver().findElement(By.id("materials")).getText()).doesNotContain("Video " + token);
        browser.driver().findElement(By.id("link-title")).sendKeys("Hjertesvigt på sundhed.dk " + token);
        browser.driver().findElement(By.id("link-url")).sendKeys("https://www.sundhed.dk/borger/hjertesvigt");
        browser.driver().findElement(By.cssSelector("#add-link button[type=submit]")).click();
        browser.waitForText(By.id("message"), "Linket er tilføjet kataloget.");

        // a file that is not a PDF is refused; a PDF is added
        Path notPdf = Files.createTempFile("billede", ".pdf");
        Files.write(notPdf, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        upload("Falsk " + token, notPdf);
        browser.waitForText(By.id("error"), "Filen er ikke et PDF-dokument.");
        Path pdf = Files.createTempFile("pjece", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n", StandardCharsets.US_ASCII);
        upload("Pjece om vægt " + token, pdf);
        browser.waitForText(By.id("message"), "Dokumentet er tilføjet kataloget.");

        // the link to two citizens at once
        WebElement row = browser.driver().findElement(By.xpath("//table[@id='materials']//tr[contains(@class,'material')]"
                + "[.//a[normalize-space()='Hjertesvigt på sundhed.dk " + token + "']]"));
        Select citizens = new Select(row.findElement(By.cssSelector("select[name=citizenId]")));
        citizens.selectByValue(first.toString());
        citizens.selectByValue(second.toString());
        row.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.id("message"), "Materialet er tildelt 2 borgere.");

        // each citizen's page lists it; the PDF is given from the page itself and taken back
        browser.open("/citizens/" + first);
        assertThat(materials()).containsExactly("Hjertesvigt på sundhed.dk " + token);
        assertThat(browser.driver().findElement(By.cssSelector("#materials a")).getAttribute("href"))
                .isEqualTo("https://www.sundhed.dk/borger/hjertesvigt");
        new Select(browser.driver().findElement(By.id("material"))).selectByVisibleText("Pjece om vægt " + token + " (PDF-dokument)");
        browser.driver().findElement(By.cssSelector("#assign-material button[type=submit]")).click();
        browser.waitForText(By.id("message"), "Materialet er tildelt borgeren.");
        assertThat(materials()).containsExactlyInAnyOrder("Pjece om vægt " + token, "Hjertesvigt på sundhed.dk " + token);
        String pdfHref = browser.driver().findElement(By.xpath("//table[@id='materials']//a[normalize-space()='Pjece om vægt " + token + "']"))
                .getAttribute("href");
        assertThat(pdfHref).contains("/library/materials/").endsWith("/content");
        browser.driver().findElement(By.xpath("//table[@id='materials']//tr[.//a[normalize-space()='Hjertesvigt på sundhed.dk " + token
                + "']]//button")).click();
        browser.waitForText(By.id("message"), "Materialet er fjernet fra borgeren.");
        assertThat(materials()).containsExactly("Pjece om vægt " + token);
        browser.open("/citizens/" + second);
        assertThat(materials()).containsExactly("Hjertesvigt på sundhed.dk " + token);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where citizen_id = ? and resource = 'material-assignment'",
                Long.class, first)).as("given twice, taken back once").isEqualTo(3);

        // another clinic's nurse: neither the phrase nor the materials
        browser.quit();
        login("/library", "testothernurse");
        browser.waitFor(By.id("phrases"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain(token);
        browser.open("/citizens/" + first);
        browser.waitForText("Siden findes ikke, eller du har ikke adgang til den.");
    }

    private void upload(String title, Path file) {
        browser.driver().findElement(By.id("document-title")).clear();
        browser.driver().findElement(By.id("document-title")).sendKeys(title);
        browser.driver().findElement(By.id("document-file")).sendKeys(file.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#add-document button[type=submit]")).click();
    }

    private List<String> materials() {
        browser.waitFor(By.id("materials"));
        return browser.findAll(By.cssSelector("#materials tr.material td:first-child a")).stream().map(WebElement::getText).toList();
    }

    private void login(String path, String user) {
        browser.open(path);
        browser.waitFor(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
    }
}
