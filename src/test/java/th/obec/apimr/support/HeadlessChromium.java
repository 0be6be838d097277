package th.obec.apimr.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
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
 * Debian's Chromium, headless, driven through its ChromeDriver (packages chromium and chromium-driver, which
 * .ci/run installs). Skips the test on a developer's machine without them; fails in CI (CI=true).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver.path", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path userData;
    private final Path screenshots;

    private HeadlessChromium(String language, Path screenshots) throws IOException {
        this.userData = Files.createTempDirectory("apimr-chromium");
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1800", "--lang=" + language, "--accept-lang=" + language,
                "--user-data-dir=" + userData);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Starts Chromium with a browser language (e.g. "th-TH" or "en-US"); screenshots go below target/. */
    public static HeadlessChromium start(String language, String screenshotFolder) {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium and ChromeDriver are required in CI: " + CHROMIUM + ", " + DRIVER);
            }
            Assumptions.abort("Chromium or ChromeDriver missing (" + CHROMIUM + ", " + DRIVER + ")");
        }
        try {
            Path folder = Path.of(System.getProperty("build.dir", "target"), screenshotFolder);
            Files.createDirectories(folder);
            return new HeadlessChromium(language, folder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement waitFor(By locator) {
        return waitFor(locator, Duration.ofSeconds(30));
    }

    public void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Waits until a page sent the browser to the Camunda login (the Welcome app). */
    public void waitForCamundaLogin() {
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.urlContains("/camunda/app/welcome/default/"));
    }

    /** Fills in the Camunda login form the page shows, sends it and waits until the form is gone. */
    public void signInToCamunda(String userId, String password) {
        waitFor(By.cssSelector("input[ng-model='username']"), Duration.ofSeconds(90)).sendKeys(userId);
        driver.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
    }

    /** Saves what the page shows now, for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(userData)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
