package th.obec.apimr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.HeadlessChromium;
import th.obec.apimr.support.TestUsers;

/**
 * The cycle status page in headless Chromium: an administrator signs in through the Camunda login, filters by an
 * inspection region, sees that region's offices and drawn charts, opens an office and sees its tasks, then follows
 * the round's link to the national roll-up and downloads it with the same login; a coordinator sees their own
 * office only and is refused another one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardInBrowserIT {

    static final String ADMIN = "it.dash.admin";
    static final String COORDINATOR = "it.dash.coord";
    static final String PASSWORD = "dash-pass";
    static final List<String> OFFICES = List.of("P4001", "P4002", "P5001", "P5002");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CycleService cycles;

    static Long cycleId;

    @BeforeEach
    void cycleOfFourOfficesInTwoRegions() {
        user(ADMIN, "camunda-admin", Groups.OBEC_ADMIN);
        user(COORDINATOR, Groups.coordinators("P5002"));
        if (cycleId != null) {
            lookAfterTheAnalysisDeadline();
            return;
        }
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        cycleId = cycles.register(new LaunchRequest(2566, 2566, new LinkedHashSet<>(OFFICES), Map.of()), ADMIN, null).id();
        for (String office : OFFICES) {
            runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle", "FY2566-" + office,
                    Map.of("cycleId", cycleId, "fiscalYear", 2566, "officeCode", office));
        }
        // the analysis of P5001 was escalated to its director
        Task late = taskService.createTaskQuery().processInstanceBusinessKey("FY2566-P5001").singleResult();
        taskService.setVariableLocal(late.getId(), DashboardData.ESCALATED, true);
        lookAfterTheAnalysisDeadline();
    }

    /** The page is looked at after the analysis deadline (30 November 2022): every analysis is overdue. */
    private static void lookAfterTheAnalysisDeadline() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-12-05T03:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void administratorFiltersByRegionSeesChartsOpensAnOfficeAndDownloadsTheRollup() throws IOException {
        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "dashboard")) {
            // not signed in: the page sends the browser to the Camunda login
            browser.open(url("/dashboard"));
            logIn(browser, ADMIN);
            browser.open(url("/dashboard"));
            waitForRows(browser, 4);
            assertThat(browser.waitFor(By.cssSelector("h1")).getText()).isEqualTo("สถานะวงจร APIMR ของเขตพื้นที่");

            new Select(browser.waitFor(By.id("region-filter"))).selectByValue("15");
            waitForRows(browser, 2);
            assertThat(rowOffices(browser)).containsExactly("P5001", "P5002");
            WebElement p5001 = browser.waitFor(By.cssSelector("#office-table tbody tr[data-office='P5001']"));
            assertThat(p5001.getText()).contains("สพป.เชียงใหม่ เขต 1", "A", "ร่วมวิเคราะห์นโยบาย");
            // overdue and escalated columns
            List<WebElement> numbers = p5001.findElements(By.cssSelector("td.num"));
            assertThat(numbers).extracting(WebElement::getText).containsExactly("1", "1");
            assertThat(browser.waitFor(By.id("round-MID_YEAR")).getText()).contains("เขตตรวจราชการที่ 15");
            assertThat(browser.driver().findElement(By.cssSelector("a[data-rollup='MID_YEAR']")).getAttribute("href"))
                    .endsWith("/rollup?cycle=" + cycleId + "&round=MID_YEAR");

            for (String chart : List.of("chart-funnel", "chart-levels", "chart-regions")) {
                assertThat(drawnShapes(browser, chart)).as(chart + " is drawn").isGreaterThan(3);
            }

            browser.driver().findElement(By.cssSelector("a.office[data-office='P5002']")).click();
            WebElement detail = browser.waitFor(By.cssSelector("#office-tasks tr[data-task='Task_AnalysePolicy']"));
            assertThat(detail.getText()).contains("วิเคราะห์นโยบายและเลือกตัวชี้วัด", "ค้างอยู่", "ล่าช้า");
            // due 30 November 2022, shown in the Buddhist era
            assertThat(detail.getText()).contains("2565");
            browser.screenshot("admin-region-15-office-P5002");

            // English on request, remembered on the next visit
            browser.driver().findElement(By.id("lang-en")).click();
            browser.waitForText(By.cssSelector("h1"), "APIMR cycle status of the area offices");
            browser.open(url("/dashboard"));
            browser.waitForText(By.cssSelector("h1"), "APIMR cycle status of the area offices");
            waitForRows(browser, 4);
            browser.screenshot("admin-english");

            downloadsTheRoundsRollupWithTheSameLogin(browser);
        }
    }

    @Test
    void administratorPagesThroughTheOfficesAndFiltersByRegion() {
        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "dashboard")) {
            browser.open(url("/dashboard"));
            logIn(browser, ADMIN);
            browser.open(url("/dashboard?cycle=" + cycleId + "&size=2"));
            waitForRows(browser, 2);
            assertThat(rowOffices(browser)).containsExactly("P4001", "P4002");
            browser.waitForText(By.id("row-count"), "แสดง 1–2 จาก 4 เขตพื้นที่");
            assertThat(browser.driver().findElement(By.id("page-info")).getText()).isEqualTo("หน้า 1 / 2");
            assertThat(browser.driver().findElement(By.id("page-previous")).isEnabled()).isFalse();

            browser.driver().findElement(By.id("page-next")).click();
            browser.waitForText(By.id("page-info"), "หน้า 2 / 2");
            assertThat(rowOffices(browser)).containsExactly("P5001", "P5002");
            assertThat(browser.driver().findElement(By.id("row-count")).getText()).contains("แสดง 3–4 จาก 4");
            assertThat(browser.driver().findElement(By.id("page-next")).isEnabled()).isFalse();
            browser.screenshot("admin-second-page");

            // a region filter starts again at its first page; the round cards show the region's figures
            new Select(browser.waitFor(By.id("region-filter"))).selectByValue("12");
            browser.waitForText(By.id("page-info"), "หน้า 1 / 1");
            assertThat(rowOffices(browser)).containsExactly("P4001", "P4002");
            assertThat(browser.waitFor(By.id("round-MID_YEAR")).getText()).contains("เขตตรวจราชการที่ 12");

            // sorted by escalated tasks, most first (the second click on the column): ties by office code
            new Select(browser.waitFor(By.id("region-filter"))).selectByValue("");
            browser.waitForText(By.id("page-info"), "หน้า 1 / 2");
            browser.driver().findElement(By.cssSelector("th[data-sort='escalated']")).click();
            browser.waitFor(By.cssSelector("th[data-sort='escalated'].sorted-asc")).click();
            browser.waitFor(By.cssSelector("th[data-sort='escalated'].sorted-desc"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    rowOffices(browser).equals(List.of("P5001", "P4001")));
        }
    }

    /** The round card's link opens the roll-up page, whose API accepts the webapps' login; its CSV downloads. */
    private void downloadsTheRoundsRollupWithTheSameLogin(HeadlessChromium browser) throws IOException {
        Path downloads = Files.createDirectories(Path.of(System.getProperty("build.dir", "target"), "dashboard-downloads"));
        Path csv = downloads.resolve("apimr-rollup-FY2566-MID_YEAR.csv");
        Files.deleteIfExists(csv);
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand("Page.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));

        browser.open(browser.waitFor(By.cssSelector("a[data-rollup='MID_YEAR']")).getAttribute("href"));
        browser.waitForText(By.id("rollup-title"), "ปีงบประมาณ 2566 รอบ 6 เดือน");
        driver.findElement(By.id("download-csv")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "no roll-up download in " + downloads)
                .until(d -> Files.isRegularFile(csv) && csv.toFile().length() > 0);
        byte[] bytes = Files.readAllBytes(csv);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")[0]).isEqualTo("สรุปผลการติดตาม ปีงบประมาณ 2566 รอบ 6 เดือน");
        browser.screenshot("admin-rollup");
    }

    @Test
    void coordinatorSeesOnlyTheirOfficeAndCannotOpenAnother() {
        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "dashboard")) {
            browser.open(url("/dashboard"));
            logIn(browser, COORDINATOR);
            browser.open(url("/dashboard"));
            waitForRows(browser, 1);
            assertThat(rowOffices(browser)).containsExactly("P5002");

            browser.open(url("/dashboard#office=P5001"));
            browser.waitForText(By.id("error"), "ไม่มีสิทธิ์");
            assertThat(browser.driver().findElement(By.id("office-detail")).isDisplayed()).isFalse();
            Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch('/api/dashboard/cycles/" + cycleId + "/offices/P5001').then(r => done(r.status));");
            assertThat(((Number) status).intValue()).isEqualTo(403);
            browser.screenshot("coordinator-refused");
        }
    }

    // ----- helpers -----

    /** The Camunda login the page redirected to (Welcome), then back to the page. */
    private void logIn(HeadlessChromium browser, String user) {
        browser.waitForCamundaLogin();
        browser.signInToCamunda(user, PASSWORD);
    }

    private static void waitForRows(HeadlessChromium browser, int count) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("#office-table tbody tr")).size() == count);
    }

    private static List<String> rowOffices(HeadlessChromium browser) {
        return browser.driver().findElements(By.cssSelector("#office-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-office")).toList();
    }

    /** Shapes echarts drew into the chart's SVG (bars, funnel parts, axes, labels). */
    private static long drawnShapes(HeadlessChromium browser, String chartId) {
        Object count = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.querySelectorAll('#" + chartId + " svg path, #" + chartId + " svg rect, #"
                        + chartId + " svg text').length;");
        return ((Number) count).longValue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void user(String id, String... groups) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groups);
    }
}
