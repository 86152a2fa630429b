package dk.carepath.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dk.carepath.region.Organisations;
import dk.carepath.security.Staff;
import dk.carepath.support.Browser;
import dk.carepath.support.CarepathTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A region's manager answers "how are we doing?" in a real browser: the dashboard shows the seeded
 * history's figures coloured by their targets, draws the charts, narrows to one municipality, and
 * drills down to the pathways behind a figure.
 */
@CarepathTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiDashboardPageTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    IdentityService identity;
    @Autowired
    Staff staff;

    KpiHistory h;

    @BeforeAll
    void history() {
        h = new KpiHistory(jdbc).build(organisations, identity, staff);
    }

    @AfterAll
    void removeRuntimeRows() {
        h.removeRuntimeTasks();
    }

    @Test
    void managerSeesTheFiguresAndChartsNarrowsToAMunicipalityAndDrillsDown() {
        browser.open("/kpi?from=" + KpiHistory.FROM + "&to=" + KpiHistory.TO);
        browser.waitFor(By.id("username")).sendKeys(h.regionManager);
        browser.driver().findElement(By.id("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        browser.waitForText(By.tagName("h1"), "Nøgletal");
        assertThat(browser.waitFor(By.id("value-reassessments")).getText()).isEqualTo("33,3");
        assertThat(browser.driver().findElement(By.id("kpi-reassessments")).getAttribute("class")).contains("status-missed");
        assertThat(browser.driver().findElement(By.id("kpi-lead-referral-inclusion")).getAttribute("class")).contains("status-met");
        assertThat(browser.driver().findElement(By.id("value-phases")).getText()).isEqualTo("2");
        assertThat(browser.driver().findElement(By.id("value-red-action")).getText()).isEqualTo("50");
        // Chart.js has drawn the charts, with the seeded figures
        Object drawn = browser.until(d -> ((JavascriptExecutor) d).executeScript(
                "const c = Chart.getChart(document.getElementById('chart-phases-by-municipality'));"
                        + "return c ? c.data.datasets[0].data.join(',') : null;"));
        assertThat(drawn).isEqualTo("1,1");
        Long charts = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('canvas')).filter(c => Chart.getChart(c)).length;");
        assertThat(charts).isGreaterThan(20);

        // narrowed to municipality M: one running pathway, two referrals
        new Select(browser.driver().findElement(By.id("organisation"))).selectByValue(h.municipality);
        browser.driver().findElement(By.id("apply")).click();
        browser.until(d -> d.getCurrentUrl().contains("organisation=" + h.municipality));
        assertThat(browser.waitFor(By.id("value-phases")).getText()).isEqualTo("1");
        assertThat(browser.driver().findElement(By.id("value-referrals")).getText()).isEqualTo("2");
        Object narrowed = browser.until(d -> ((JavascriptExecutor) d).executeScript(
                "const c = Chart.getChart(document.getElementById('chart-phases-by-municipality'));"
                        + "return c ? c.data.datasets[0].data.join(',') : null;"));
        assertThat(narrowed).isEqualTo("1");

        browser.driver().findElement(By.id("drill-reassessments")).click();
        browser.waitForText(By.tagName("h1"), "Forløbene bag");
        assertThat(browser.findAll(By.cssSelector("#pathways tbody tr"))).hasSize(3);
        assertThat(browser.driver().findElement(By.id("pathways")).getText()).contains(h.p4.toString(), "for sent");
    }
}
