package dk.carepath.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/** The browser the browser tests get: the OS's Chromium as configured, and a clear failure without it. */
class BrowserTest {

    @Test
    void startsHeadlessChromiumInDanishWithAFreshProfileThatIsDeletedAfterwards() {
        Browser browser = new Browser();
        try {
            browser.driver().get("data:text/html,<title>Carepath</title>");
            Path profile = browser.profile();
            assertThat(profile).isDirectory().isNotEmptyDirectory();
            assertThat(browser.driver().manage().window().getSize()).isEqualTo(new Dimension(1400, 1000));
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return navigator.languages")).isEqualTo(List.of("da"));
            browser.quit();
            assertThat(Files.exists(profile)).as("the profile is deleted").isFalse();
        } finally {
            browser.quit();
        }
    }

    @Test
    void failsWithTheFixWhenChromiumIsMissing() {
        Browser browser = new Browser(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER);

        assertThatThrownBy(browser::driver).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
        assertThat(browser.profile()).as("nothing started, nothing left behind").isNull();
    }
}
