package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.HeadlessChromium;

/**
 * A coordinator whose browser prefers Thai: the Welcome app's login page is in Thai, Tasklist opens on the filter
 * "งานของสำนักงานฉัน" listing the office's task with its office and phase, and the task's Thai form (the policy
 * analysis, with its list of indicators) is filled in and completed there; later in the year the reflection too.
 * Real headless Chromium with {@code --accept-lang=th}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ThaiTasklistInBrowserIT {

    static final String OFFICE = "P5002";
    static final String OFFICE_NAME = "สพป.เชียงใหม่ เขต 2";
    static final String COORDINATOR = "it.coord.th";
    static final String ADMIN = "it.admin.th";
    static final String EVERY_ROLE = "it.everyone.th";
    static final String PASSWORD = "thai-pass";
    static final String CAMUNDA_ADMIN = "camunda-admin";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void coordinatorLogsInInThaiFindsTheOfficesTaskInMyOfficesTasksAndCompletesItsThaiForm() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        EngineRestClient admin = user(ADMIN, CAMUNDA_ADMIN, Groups.OBEC_ADMIN, Groups.OBEC_MONITOR);
        EngineRestClient coordinator = user(COORDINATOR, Groups.coordinators(OFFICE));
        EngineRestClient everyRole = user(EVERY_ROLE, Groups.coordinators(OFFICE), Groups.directors(OFFICE),
                Groups.reviewers("15"), Groups.OBEC_MONITOR);
        admin.post("/api/cycles", Map.of("fiscalYear", 2566, "officeCodes", List.of(OFFICE))).ok();
        admin.complete(admin.myTasks("Task_AnalyseNationalPolicy").get(0), CycleFormValues.nationalAnalysis());
        runDueJobs();
        JsonNode task = coordinator.myTasks("Task_AnalysePolicy").get(0);
        String taskId = task.get("id").asText();

        try (HeadlessChromium browser = HeadlessChromium.start("th", "tasklist-thai")) {
            browser.open(base() + "/camunda/app/welcome/default/");
            WebElement login = browser.waitFor(By.cssSelector("form[name='signinForm']"),
                    Duration.ofSeconds(90));
            browser.waitForText(By.cssSelector("form[name='signinForm'] button[type='submit']"), "เข้าสู่ระบบ");
            assertThat(login.findElement(By.cssSelector("input[ng-model='username']")).getAttribute("placeholder"))
                    .isEqualTo("ชื่อผู้ใช้");
            browser.screenshot("welcome-login");
            login.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(COORDINATOR);
            login.findElement(By.cssSelector("input[type='password']")).sendKeys(PASSWORD);
            login.findElement(By.cssSelector("button[type='submit']")).click();
            browser.waitForText(By.tagName("body"), "แอปพลิเคชัน");
            browser.screenshot("welcome");

            browser.open(base() + "/camunda/app/tasklist/default/");
            WebElement activeFilter = browser.waitFor(By.cssSelector(".task-filters .content div.item.active"),
                    Duration.ofSeconds(60));
            assertThat(activeFilter.getText()).contains("งานของสำนักงานฉัน");
            List<String> filterNames = browser.driver()
                    .findElements(By.cssSelector(".task-filters .content div.item h4")).stream()
                    .map(WebElement::getText).toList();
            // the coordinator's filters come first; with authorization on they are the only ones shown
            assertThat(filterNames).startsWith("งานของสำนักงานฉัน", "เกินกำหนด", "ครบกำหนดใน 7 วัน")
                    .contains("งานที่ฉันรับไว้");
            By taskInList = By.cssSelector("[cam-tasks] .tasks-list li a[href*='task=" + taskId + "']");
            browser.waitFor(taskInList);
            browser.waitForText(By.cssSelector("[cam-tasks] .tasks-list"), "วิเคราะห์นโยบายและเลือกตัวชี้วัด");
            browser.waitForText(By.cssSelector("[cam-tasks] .tasks-list"), OFFICE_NAME);
            browser.waitForText(By.cssSelector("[cam-tasks] .tasks-list"), "A: ร่วมวิเคราะห์นโยบาย");
            browser.screenshot("my-office-tasks");

            browser.driver().findElement(taskInList).click();
            WebElement analysisForm = browser.waitFor(By.cssSelector(".fjs-form"), Duration.ofSeconds(60));
            browser.waitForText(By.cssSelector(".fjs-form"), "A: ร่วมวิเคราะห์นโยบาย");
            browser.waitForText(By.cssSelector(".fjs-form"), "ผู้ร่วมวิเคราะห์นโยบาย");
            assertThat(analysisForm.getText()).contains("ข้อมูลประกอบ", "แนวทางจาก สพฐ.");
            browser.waitFor(By.cssSelector("button.claim")).click();
            browser.waitFor(By.cssSelector(".fjs-form"), Duration.ofSeconds(60));
            browser.waitForText(By.cssSelector(".fjs-form"), "ตัวชี้วัดและค่าเป้าหมายของเขต");
            type(browser, "Field_participants", "ผอ.สพท. รอง ผอ.สพท. กลุ่มนโยบายและแผน กลุ่มนิเทศฯ");
            type(browser, "Field_policyLinkage", "เชื่อมนโยบายเร่งด่วนกับโครงการพาน้องกลับมาเรียน");
            // the list of indicators: choose the second one ("พาน้องกลับมาเรียน") with a target of 80 percent
            WebElement chosen = browser.driver().findElement(By.cssSelector("input[id$='-Field_indicatorTargets_chosen_1']"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", chosen);
            chosen.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.findElements(
                    By.cssSelector("input[id*='Field_indicatorTargets_targetPercent']")).stream()
                    .anyMatch(WebElement::isDisplayed));
            browser.driver().findElements(By.cssSelector("input[id*='Field_indicatorTargets_targetPercent']"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().sendKeys("80");
            browser.screenshot("analyse-policy-filled");
            completeAndWaitUntilDone(browser, admin, taskId);
            assertThat(coordinator.myTasks("Task_PlanProjects")).as("the plan is the office's next task").hasSize(1);

            // the rest of the year through the REST API, up to the office's reflection
            String reflectionId = driveCycleUpToTheReflection(everyRole, coordinator);
            browser.open(base() + "/camunda/app/tasklist/default/#/?task=" + reflectionId
                    + "&detailsTab=task-detail-form");
            browser.waitFor(By.cssSelector("button.claim"), Duration.ofSeconds(60)).click();
            WebElement form = browser.waitFor(By.cssSelector(".fjs-form"), Duration.ofSeconds(60));
            browser.waitForText(By.cssSelector(".fjs-form"), "R: ร่วมสะท้อนผลการปฏิบัติ");
            browser.waitForText(By.cssSelector(".fjs-form"), "บทเรียนที่ได้");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> OFFICE_NAME.equals(
                    browser.waitFor(By.cssSelector("[id$='-Field_officeName']")).getAttribute("value")));
            assertThat(form.getText()).contains("ข้อมูลประกอบ", "ปัจจัยความสำเร็จ", "ปัญหาและอุปสรรค");
            type(browser, "Field_lessonsLearned", "การวิเคราะห์นโยบายร่วมกันทำให้ทุกกลุ่มเห็นเป้าหมายเดียวกัน");
            type(browser, "Field_successFactors", "ผู้บริหารติดตามงานทุกเดือน");
            type(browser, "Field_obstacles", "ข้อมูลนักเรียนบางส่วนไม่เป็นปัจจุบัน");
            type(browser, "Field_recommendationsNextYear", "เชื่อมข้อมูลนักเรียนกับระบบ DMC ตั้งแต่ต้นปี");
            browser.screenshot("reflect-on-cycle-filled");
            completeAndWaitUntilDone(browser, admin, reflectionId);
        }
        JsonNode done = admin.get("/engine-rest/history/task?taskDefinitionKey=Task_ReflectOnCycle&finished=true")
                .ok().body();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).get("assignee").asText()).isEqualTo(COORDINATOR);
        assertThat(coordinator.myTasks(null)).as("nothing left for the coordinator").isEmpty();
    }


    /** Completes every task of the cycle as the user in every role, until the office's reflection is open. */
    private String driveCycleUpToTheReflection(EngineRestClient everyRole, EngineRestClient coordinator) {
        Map<String, Integer> visits = new java.util.HashMap<>();
        for (int step = 0; step < 60; step++) {
            List<JsonNode> reflection = coordinator.myTasks("Task_ReflectOnCycle");
            if (!reflection.isEmpty()) {
                return reflection.get(0).get("id").asText();
            }
            List<JsonNode> tasks = everyRole.myTasks(null);
            if (tasks.isEmpty()) {
                runDueJobs();
                continue;
            }
            JsonNode task = tasks.get(0);
            String key = task.get("taskDefinitionKey").asText();
            String taskId = task.get("id").asText();
            int visit = visits.merge(key, 1, Integer::sum);
            everyRole.claim(taskId);
            everyRole.submitForm(taskId, valuesFor(key, visit, everyRole.formVariables(taskId))).ok();
        }
        throw new AssertionError("the office's reflection never opened");
    }

    private static Map<String, Object> valuesFor(String key, int visit, Map<String, JsonNode> form) {
        return switch (key) {
            case "Task_AnalysePolicy" -> CycleFormValues.analysis(form.get("indicatorTargets"), List.of("2"));
            case "Task_PlanProjects" -> CycleFormValues.plan(List.of(
                    CycleFormValues.project("โครงการพาน้องกลับมาเรียน", 120000, "2")));
            case "Task_ReviewPlan" -> Map.of("planDecision", "APPROVE");
            case "Task_RecordImplementation" -> CycleFormValues.implementation(form.get("projectProgress"), null);
            case "Task_SubmitMidYearReport", "Task_SubmitAnnualReport" ->
                    CycleFormValues.report(CycleFormValues.counts(form.get("counts"), 50, 45));
            case "Task_ReviewMidYearReport", "Task_ReviewAnnualReport" -> CycleFormValues.accept("4");
            case "Task_CompileMidYearResults", "Task_CompileAnnualResults" -> CycleFormValues.roundCompilation();
            default -> throw new AssertionError("No values for " + key + " (visit " + visit + ")");
        };
    }

    /** Presses Tasklist's complete button ("เสร็จสิ้น") and waits until the engine has completed the task. */
    private static void completeAndWaitUntilDone(HeadlessChromium browser, EngineRestClient admin, String taskId) {
        WebElement complete = browser.waitFor(By.cssSelector("button[ng-click='complete()']"));
        assertThat(complete.getText()).isEqualTo("เสร็จสิ้น");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> complete.isEnabled());
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        complete.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> admin.get("/engine-rest/task/" + taskId).status() == 404);
    }

    private static void type(HeadlessChromium browser, String componentId, String text) {
        WebElement field = browser.waitFor(By.cssSelector("[id$='-" + componentId + "']"));
        field.clear();
        field.sendKeys(text);
    }

    private EngineRestClient user(String id, String... groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("ทดสอบ");
            user.setLastName(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            for (String group : groups) {
                // Camunda's webapps ask for a first administrator until a member of camunda-admin exists
                if (identityService.createGroupQuery().groupId(group).count() == 0) {
                    Group created = identityService.newGroup(group);
                    created.setName(group);
                    created.setType("SYSTEM");
                    identityService.saveGroup(created);
                }
                identityService.createMembership(id, group);
            }
        }
        return new EngineRestClient(port, id, PASSWORD);
    }

    private void runDueJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
