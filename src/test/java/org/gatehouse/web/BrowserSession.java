package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for the browser tests ({@code *BrowserTests}), driven through chromedriver with Selenium.
 *
 * <ul>
 *   <li><b>Finding the browser</b>: {@code -Dgatehouse.browser.chromium=PATH} and {@code -Dgatehouse.browser.driver=PATH},
 *       else Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (packages {@code chromium} and
 *       {@code chromium-driver}). Selenium Manager is never asked: nothing is downloaded.
 *   <li><b>Skipping</b>: without them the tests are skipped with a message saying what to install, so {@code ./mvnw
 *       verify} passes on a machine without a browser; with {@code GATEHOUSE_BROWSER_TESTS=required} (CI sets it) a
 *       missing browser fails them instead.
 *   <li><b>Accessibility</b>: {@link #open} and {@link #check} inject axe-core (vendored under
 *       {@code src/test/resources/axe/}) and fail on any serious or critical violation of WCAG 2.0/2.1 A and AA.
 *   <li><b>Screenshots</b>: {@link #screenshot} writes {@code NAME.png} (the whole page) into the directory named by
 *       {@code -Dgatehouse.screenshots=DIR} only, so an ordinary run never rewrites the committed ones.
 * </ul>
 */
final class BrowserSession {

    static final String REQUIRED_ENV = "GATEHOUSE_BROWSER_TESTS";

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    private static BrowserSession shared;

    private final WebDriver driver;
    private final Path profile;
    private final String axe;
    private String base;

    private BrowserSession(WebDriver driver, Path profile, String axe) {
        this.driver = driver;
        this.profile = profile;
        this.axe = axe;
    }

    /** The shared browser, started at the first call; skips (or fails, in CI) the calling test when there is none. */
    static synchronized BrowserSession start(int port) {
        if (shared == null) {
            Optional<Path> chromium =
                    executable("gatehouse.browser.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
            Optional<Path> driver = executable("gatehouse.browser.driver", "/usr/bin/chromedriver");
            String missing = chromium.isEmpty()
                    ? "Chromium (/usr/bin/chromium)"
                    : driver.isEmpty() ? "chromedriver (/usr/bin/chromedriver)" : null;
            if (missing != null) {
                String message = "browser tests need " + missing
                        + ": apt-get install chromium chromium-driver (or -Dgatehouse.browser.chromium/-driver=PATH)";
                if ("required".equals(System.getenv(REQUIRED_ENV))) {
                    throw new IllegalStateException(message + "; " + REQUIRED_ENV + "=required");
                }
                Assumptions.abort(message);
            }
            shared = launch(chromium.get(), driver.get());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit));
        }
        shared.base = "http://localhost:" + port;
        return shared;
    }

    private static Optional<Path> executable(String property, String... defaults) {
        List<String> candidates = new ArrayList<>();
        if (System.getProperty(property) != null) {
            candidates.add(System.getProperty(property));
        }
        candidates.addAll(List.of(defaults));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static BrowserSession launch(Path chromium, Path chromedriver) {
        try {
            Path profile = Files.createTempDirectory("gatehouse-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new BrowserSession(driver, profile, axeSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() throws IOException {
        try (InputStream in = BrowserSession.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from src/test/resources/axe/");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Signs out whoever was signed in and signs in as {@code username}; checks where sign-in leads. */
    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.usa-form [type=submit]")).click();
        waitFor(d -> d.findElements(By.id("signed-in-as")).size() > 0
                || d.getCurrentUrl().contains("error"));
        check();
    }

    /** Loads {@code path} and checks the page's accessibility. */
    void open(String path) {
        driver.get(base + path);
        check();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for {@code condition}; on timeout, says where the browser is and what the page shows. */
    <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, WAIT)
                    .ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            List<WebElement> main = driver.findElements(By.id("main-content"));
            String text =
                    main.isEmpty() ? driver.getPageSource() : main.getFirst().getText();
            throw new AssertionError(
                    "timed out at " + driver.getCurrentUrl() + " showing:\n"
                            + text.substring(0, Math.min(text.length(), 3000)),
                    e);
        }
    }

    /** Waits until the element {@code css} holds {@code text}. */
    void waitForText(String css, String text) {
        waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.getFirst().getText().contains(text);
        });
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Runs axe-core on the page as it is now and fails on serious or critical violations of WCAG 2.0/2.1 A and AA,
     * listing each with the elements it found.
     */
    @SuppressWarnings("unchecked")
    void check() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axe);
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                             + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> violations = (List<String>) answer;
        assertThat(violations).as("accessibility of %s", driver.getCurrentUrl()).isEmpty();
    }

    /** Writes the whole page to {@code DIR/name.png} when {@code -Dgatehouse.screenshots=DIR} is set. */
    void screenshot(String name) {
        String directory = System.getProperty("gatehouse.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(WIDTH, Math.min(Math.max(height.intValue(), HEIGHT), 4000)));
            script("window.scrollTo(0, 0)");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path target = Path.of(directory).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
    }

    /** What a form field holds, by its name. */
    Map<String, String> values(String... names) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String name : names) {
            values.put(name, driver.findElement(By.name(name)).getAttribute("value"));
        }
        return values;
    }

    private void quit() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
