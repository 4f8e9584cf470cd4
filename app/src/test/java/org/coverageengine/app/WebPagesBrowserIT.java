package org.coverageengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web pages in a real headless Chromium driven by Selenium, against the jar serving on 127.0.0.1: a biller's search,
 * a determination tried in the form, a policy author finding a code in a group. Takes the screenshots in docs/screenshots.
 * Chromium and its driver are Debian's packages; in CI (CI=true) their absence fails the test, on a developer machine it skips.
 */
class WebPagesBrowserIT {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path DRIVER = Paths.get("/usr/bin/chromedriver");

    private static JarProcess jar;
    private static WebDriver browser;
    private static Path profile;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        String missing = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + DRIVER + "): apt-get install chromium chromium-driver";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(present, missing + "; the browser tests are skipped outside CI");
        int port = ServeJarIT.freePort();
        jar = JarProcess.start("serve", "--host", "127.0.0.1", "--port", String.valueOf(port));
        assertThat(jar.awaitOutput("Started in", 60_000)).as(jar.out() + jar.err()).isTrue();
        base = "http://127.0.0.1:" + port;
        profile = Files.createTempDirectory("cpe-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1500");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // A submitted form's answer page may not have started loading when the click returns (seen on a busy host):
        // every look-up polls for its element up to 10 s instead of failing at once. No test looks for an absence.
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (jar != null) {
            jar.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @DisplayName("search S9090 and open its page: the seed page's facts (also known as, plain language, S-code note, specialties)")
    void searchAndOpenCode() throws Exception {
        browser.get(base + "/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("S9090");
        box.submit();
        assertThat(browser.findElement(By.id("results")).getText()).isEqualTo("1 match for \u201cS9090\u201d");
        browser.findElement(By.linkText("S9090")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("S9090");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Also known as: spinal decompression, VAX-D, disc decompression", "In plain language",
                "machine to stretch and decompress the spine", "Billing and documentation", "Specialties", "Policy scodes");
        screenshot("code-page.png");
    }

    @Test
    @DisplayName("fill /try for the craniotomy example: 95940 is conditional with criteria to document, 95930 is not covered")
    void tryCraniotomy() throws Exception {
        browser.get(base + "/try");
        // A date input takes keystrokes in the browser's locale format; its value property is ISO in every locale.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-03-10'", browser.findElement(By.id("date")));
        type("code1", "61510");
        type("dx1", "C71.1");
        type("code2", "95940");
        type("units2", "4");
        type("dx2", "C71.1");
        type("code3", "95930");
        type("dx3", "C71.1");
        browser.findElement(By.cssSelector("form.try button[type=submit]")).click();
        assertThat(outcome("95940")).isEqualTo("conditional");
        assertThat(outcome("95930")).isEqualTo("not-covered");
        assertThat(outcome("61510")).isEqualTo("no-policy");
        assertThat(browser.findElement(By.cssSelector("section.result")).getText()).contains("Date of service 2025-03-10");
        assertThat(browser.findElement(By.cssSelector("article[data-code='95940']")).getText()).contains("Criteria to document",
                "iom-performer-qualified", "Policy 0509");
        assertThat(browser.findElement(By.id("fhir-request")).getText()).contains("\"resourceType\": \"CoverageEligibilityRequest\"", "95940");
        assertThat(browser.findElement(By.id("fhir-response")).getText()).contains("\"resourceType\": \"CoverageEligibilityResponse\"", "conditional");
        screenshot("try-result.png");
    }

    @Test
    @DisplayName("open policy 0509 from /policies and find M51.360 in LUMBAR_DX")
    void findCodeInPolicyGroup() throws Exception {
        browser.get(base + "/policies");
        assertThat(browser.findElement(By.id("status")).isDisplayed()).isTrue();
        browser.findElement(By.linkText("0509")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Policy 0509");
        WebElement find = browser.findElement(By.id("gq"));
        find.sendKeys("M51.360");
        find.submit();
        WebElement group = browser.findElement(By.id("group-LUMBAR_DX"));
        assertThat(group.getAttribute("open")).isNotNull();
        assertThat(group.findElement(By.linkText("M51.360")).isDisplayed()).isTrue();
        screenshot("policy-0509.png");
    }

    private static void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static String outcome(String code) {
        return browser.findElement(By.cssSelector("article[data-code='" + code + "'] .outcome")).getText();
    }

    private static void screenshot(String name) throws Exception {
        String dir = System.getProperty("cpe.screenshots.dir");
        if (dir == null) {
            return;
        }
        browser.manage().window().setSize(new Dimension(1280, 1500));
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Paths.get(dir));
        Files.copy(shot, Paths.get(dir, name), StandardCopyOption.REPLACE_EXISTING);
    }
}
