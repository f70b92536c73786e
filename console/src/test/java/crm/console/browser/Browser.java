package crm.console.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, from the operating system's packages (chromium, chromium-driver), with a
 * profile of its own that is deleted afterwards. Nothing is downloaded: the driver and browser binaries
 * are named explicitly, so Selenium's own driver manager is never asked.
 */
final class Browser implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(String acceptLanguage) {
        try {
            profile = Files.createTempDirectory("console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("crm.console.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900", "--user-data-dir=" + profile,
                "--lang=" + acceptLanguage);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("crm.console.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
    }

    static Browser english() {
        return new Browser("en-GB,en");
    }

    static Browser german() {
        return new Browser("de-DE,de");
    }

    private static String executable(String property, String fallback) {
        String path = System.getProperty(property, fallback);
        assertThat(Path.of(path)).as("%s: install Debian's chromium and chromium-driver", path).exists();
        return path;
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the console through the gateway and signs in on Keycloak's page. */
    Browser signIn(Franchise.Staff staff) {
        driver.get(ConsoleStack.gatewayUrl() + "/console/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.sendKeys(staff.username());
        driver.findElement(By.id("password")).sendKeys(Franchise.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        return this;
    }

    Browser open(String path) {
        driver.get(ConsoleStack.gatewayUrl() + path);
        return this;
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement byId(String id) {
        return find(By.id(id));
    }

    void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Writes a screenshot of what the browser shows to target/screenshots/{name}.png. */
    void screenshot(String name) {
        Path folder = Path.of(System.getProperty("crm.console.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile; the OS cleans up what is left
        }
    }
}
