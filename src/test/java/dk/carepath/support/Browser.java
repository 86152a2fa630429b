package dk.carepath.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real headless Chromium for a {@code @CarepathTest}, from the OS packages {@code chromium} and
 * {@code chromium-driver}, one per test:
 *
 * <pre>
 * &#64;RegisterExtension
 * final Browser browser = new Browser();
 * </pre>
 *
 * Paths are opened on the test server's random port. A failed test leaves a screenshot and the
 * page source in {@code target/browser-screenshots/}. Selenium Manager is never asked (it would
 * download a driver): the driver and browser binaries are given explicitly, and a missing one fails
 * the test rather than skipping it.
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Generous: a CI machine's few cores are shared with the test server and other builds. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final Path chromium;
    private final Path chromedriver;
    private String baseUrl;
    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;

    public Browser() {
        this(CHROMIUM, CHROMEDRIVER);
    }

    Browser(Path chromium, Path chromedriver) {
        this.chromium = chromium;
        this.chromedriver = chromedriver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("Browser needs the server of a @CarepathTest (a random port)");
        }
        baseUrl = "http://localhost:" + port;
    }

    /** The browser, started on first use. */
    public WebDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    /** Opens a path (e.g. "/camunda/app/tasklist/") on the test server. */
    public Browser open(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("no test server: register Browser with @RegisterExtension in a @CarepathTest");
        }
        driver().get(baseUrl + path);
        return this;
    }

    /** Waits until the element is visible. */
    public WebElement waitFor(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's visible text contains the text. */
    public WebElement waitForText(By locator, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver().findElement(locator);
    }

    /** Waits until the page shows the text somewhere. */
    public void waitForText(String text) {
        waitForText(By.tagName("body"), text);
    }

    /** Waits until the condition answers non-null / true; AngularJS re-renders, so a stale element just means "look again". */
    public <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver(), TIMEOUT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    public List<WebElement> findAll(By locator) {
        return driver().findElements(locator);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            capture(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        quit();
    }

    /** Saves a screenshot and the page source under target/browser-screenshots/ (for debugging). */
    public Path capture(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            System.err.println("browser screenshot: " + png.toAbsolutePath() + " (at " + driver.getCurrentUrl() + ")");
            return png;
        } catch (IOException | RuntimeException e) {
            // a dead browser must not hide the test's own failure
            System.err.println("no browser screenshot: " + e);
            return null;
        }
    }

    public void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            // should quit() have failed, at least no chromedriver is left running
            if (service != null) {
                service.stop();
                service = null;
            }
            if (profile != null) {
                delete(profile);
                profile = null;
            }
        }
    }

    /** The browser's own profile directory while it runs. */
    Path profile() {
        return profile;
    }

    private ChromeDriver start() {
        for (Path binary : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the browser tests need the OS packages chromium and "
                        + "chromium-driver. Run .ci/run, or: apt-get install -y chromium chromium-driver");
            }
        }
        try {
            profile = Files.createTempDirectory("carepath-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=da");
        // the Accept-Language header and navigator.languages, which Tasklist picks its locale from
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "da"));
        // an executable given to the service skips Selenium Manager (no download, no lookup)
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        try {
            ChromeDriver chrome = new ChromeDriver(service, options);
            chrome.manage().timeouts().pageLoadTimeout(TIMEOUT);
            return chrome;
        } catch (RuntimeException e) {
            quit();
            throw e;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete the browser profile " + dir + ": " + e);
        }
    }
}
