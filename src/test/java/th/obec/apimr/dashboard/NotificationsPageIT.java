package th.obec.apimr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.Deadline;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.HeadlessChromium;
import th.obec.apimr.support.TestUsers;

/**
 * The administrators' page of notifications and escalated tasks in headless Chromium. Two offices' analyses run
 * past their due date (20 January 2023) and grace period with the engine clock moved and the deadline jobs
 * executed: each office's coordinator gets the due notice on 20 January (recorded only: no email server in the test profile) and
 * both analyses are escalated on 31 January. The administrator signs in through the Camunda login, follows the status page's
 * link, sees the notices with Thai labels and Buddhist-era dates, filters by office and sees the escalation; a
 * coordinator gets no link and is refused by the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "apimr.test.context=notifications-page")
@ActiveProfiles("test")
class NotificationsPageIT {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final String ADMIN = "it.notices.admin";
    static final String COORDINATOR_5002 = "it.notices.coord5002";
    static final String COORDINATOR_4001 = "it.notices.coord4001";
    static final String PASSWORD = "notices-pass";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CycleService cycles;

    static Long cycleId;

    @BeforeEach
    void twoOfficesPastTheirAnalysisDeadline() {
        user(ADMIN, null, "camunda-admin", Groups.OBEC_ADMIN);
        user(COORDINATOR_5002, "coord5002@example.org", Groups.coordinators("P5002"));
        user(COORDINATOR_4001, "coord4001@example.org", Groups.coordinators("P4001"));
        if (cycleId != null) {
            return;
        }
        at(LocalDateTime.of(2023, 1, 19, 12, 0));
        cycleId = cycles.register(new LaunchRequest(2566, 2566, new LinkedHashSet<>(List.of("P4001", "P5002")),
                Map.of(Deadline.ANALYSIS, LocalDate.of(2023, 1, 20), Deadline.PLAN, LocalDate.of(2023, 1, 31),
                        Deadline.PLAN_APPROVAL, LocalDate.of(2023, 2, 15))), ADMIN, null).id();
        Task p4001 = analysisTask(startOffice("P4001"));
        Task p5002 = analysisTask(startOffice("P5002"));
        // both get the due notice on 20 January and are escalated 7 working days later, on 31 January
        runDeadlineJobsUntil(LocalDateTime.of(2023, 1, 31, 9, 0), p4001, p5002);
        assertThat(taskService.getVariableLocal(p4001.getId(), "escalated")).isEqualTo(true);
        assertThat(taskService.getVariableLocal(p5002.getId(), "escalated")).isEqualTo(true);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void administratorSeesRecordedNoticesWithThaiLabelsFiltersByOfficeAndSeesTheEscalation() {
        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "notifications")) {
            browser.open(url("/dashboard"));
            logIn(browser, ADMIN);
            browser.open(url("/dashboard"));
            WebElement link = browser.waitFor(By.id("notifications-link"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> link.isDisplayed());
            assertThat(link.getText()).isEqualTo("การแจ้งเตือนและการแจ้งผู้บริหาร");
            link.click();

            browser.waitForText(By.cssSelector("h1"), "การแจ้งเตือนและการแจ้งผู้บริหาร");
            waitForNotices(browser, 2);
            WebElement p5002 = browser.waitFor(By.cssSelector("#notice-table tbody tr[data-office='P5002']"));
            assertThat(cells(p5002)).containsExactly(
                    "20 ม.ค. 2566 16:30", COORDINATOR_5002, "coord5002@example.org", "ครบกำหนดวันนี้", "0", "P5002",
                    "วิเคราะห์นโยบายและเลือกตัวชี้วัด", "20 ม.ค. 2566", "บันทึกไว้ (ไม่ได้ตั้งค่าการส่งอีเมล)", "0", "-");
            assertThat(browser.driver().findElement(By.id("notice-count")).getText()).isEqualTo("2 รายการ");
            assertThat(browser.driver().findElement(By.id("page-info")).getText()).isEqualTo("หน้า 1 จาก 1");

            browser.driver().findElement(By.id("office-filter")).sendKeys("p4001");
            browser.driver().findElement(By.id("apply-filters")).click();
            waitForNotices(browser, 1);
            assertThat(browser.driver().findElement(By.cssSelector("#notice-table tbody tr")).getAttribute("data-office"))
                    .isEqualTo("P4001");
            new Select(browser.driver().findElement(By.id("status-filter"))).selectByValue("SENT");
            browser.waitForText(By.cssSelector("#notice-table tbody tr.empty"), "ไม่มีรายการ");

            WebElement escalation = browser.waitFor(By.cssSelector("#escalation-table tbody tr[data-office='P5002']"));
            assertThat(cells(escalation)).containsExactly("P5002", "วิเคราะห์นโยบายและเลือกตัวชี้วัด",
                    "20 ม.ค. 2566 16:30", "31 ม.ค. 2566 09:00", "-", "-", "-");
            assertThat(browser.driver().findElements(By.cssSelector("#escalation-table tbody tr")))
                    .extracting(row -> row.getAttribute("data-office")).containsExactlyInAnyOrder("P4001", "P5002");
            browser.screenshot("admin-notifications");

            browser.driver().findElement(By.id("lang-en")).click();
            browser.waitForText(By.cssSelector("h1"), "Notifications and escalations");
            assertThat(browser.driver().findElement(By.cssSelector("#escalation-head")).getText()).contains("Escalated at");
        }
    }

    @Test
    void coordinatorHasNoLinkAndIsRefusedByThePage() {
        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "notifications")) {
            browser.open(url("/dashboard"));
            logIn(browser, COORDINATOR_5002);
            browser.open(url("/dashboard"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    d.findElements(By.cssSelector("#office-table tbody tr")).size() == 1);
            assertThat(browser.driver().findElement(By.id("notifications-link")).isDisplayed()).isFalse();

            browser.open(url("/dashboard/notifications"));
            browser.waitForText(By.id("error"), "หน้านี้สำหรับผู้ดูแลระบบของ สพฐ. เท่านั้น");
            assertThat(browser.driver().findElement(By.id("notice-table")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector("#notice-table tbody tr"))).isEmpty();
            browser.screenshot("coordinator-refused-notifications");
        }
    }

    // ----- helpers -----

    private ProcessInstance startOffice(String officeCode) {
        return runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle", cycles.businessKey(cycleId, officeCode),
                Map.of("cycleId", cycleId, "fiscalYear", 2566, "officeCode", officeCode));
    }

    private Task analysisTask(ProcessInstance office) {
        return taskService.createTaskQuery().processInstanceId(office.getId()).taskDefinitionKey("Task_AnalysePolicy")
                .singleResult();
    }

    /** Moves the engine clock timer by timer up to {@code until}, executing the tasks' deadline jobs in time order. */
    private void runDeadlineJobsUntil(LocalDateTime until, Task... tasks) {
        Date target = Date.from(until.atZone(BANGKOK).toInstant());
        for (int round = 0; round < 100; round++) {
            Job timer = java.util.Arrays.stream(tasks)
                    .flatMap(task -> deadlineJobs(task).timers().list().stream())
                    .min(java.util.Comparator.comparing(Job::getDuedate)).orElse(null);
            if (timer == null || timer.getDuedate().after(target)) {
                break;
            }
            if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(timer.getDuedate());
            }
            runDueJobs(tasks);
        }
        ClockUtil.setCurrentTime(target);
        runDueJobs(tasks);
    }

    private void runDueJobs(Task... tasks) {

        DueJobs.run(managementService, () -> java.util.Arrays.stream(tasks)
                .flatMap(task -> deadlineJobs(task).executable().list().stream()).toList(), 50);
    }

    private org.camunda.bpm.engine.runtime.JobQuery deadlineJobs(Task task) {
        ProcessInstance watch = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_TaskDeadline")
                .processInstanceBusinessKey(task.getId()).singleResult();
        return managementService.createJobQuery().processInstanceId(watch == null ? "none" : watch.getId());
    }

    private static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(BANGKOK).toInstant()));
    }

    private void logIn(HeadlessChromium browser, String user) {
        browser.waitForCamundaLogin();
        browser.signInToCamunda(user, PASSWORD);
    }

    private static void waitForNotices(HeadlessChromium browser, int count) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                d.findElements(By.cssSelector("#notice-table tbody tr[data-id]")).size() == count);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void user(String id, String email, String... groups) {
        TestUsers.ensure(identityService, id, PASSWORD, email, groups);
    }
}
