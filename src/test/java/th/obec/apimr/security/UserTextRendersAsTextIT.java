package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.HeadlessChromium;
import th.obec.apimr.support.TestUsers;

/**
 * Text a user typed is shown as text in every page that shows it, in headless Chromium: a coordinator of P5002
 * reports a best practice, a problem, a plan and a project whose names are markup with script; the region reviewer
 * sees them literally in the review form in Tasklist, the administrator on the roll-up page and in the office view
 * of the dashboard, and no script of theirs runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UserTextRendersAsTextIT {

    static final String HOSTILE = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
    static final String PRACTICE = "แนวปฏิบัติ " + HOSTILE;
    static final String PROBLEM = "ปัญหา " + HOSTILE;
    static final String PLAN = "แผน " + HOSTILE;
    static final String PROJECT = "โครงการ " + HOSTILE;
    static final String OFFICE = "P5002";
    static final String REGION = "15";
    static final String PASSWORD = "xss-pass";
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
    void hostileTextAReportNamesShowsLiterallyInTasklistRollupAndDashboardAndRunsNoScript() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        EngineRestClient admin = user("it.xss.admin", CAMUNDA_ADMIN, Groups.OBEC_ADMIN);
        EngineRestClient analyst = user("it.xss.analyst", Groups.OBEC_MONITOR);
        EngineRestClient coordinator = user("it.xss.coord", Groups.coordinators(OFFICE));
        EngineRestClient director = user("it.xss.dir", Groups.directors(OFFICE));
        EngineRestClient reviewer = user("it.xss.reviewer", Groups.reviewers(REGION));

        long cycleId = admin.post("/api/cycles", Map.of("fiscalYear", 2566, "officeCodes", List.of(OFFICE)))
                .ok().body().get("id").asLong();
        analyst.complete(single(analyst.myTasks("Task_AnalyseNationalPolicy")), CycleFormValues.nationalAnalysis());
        runDueJobs();
        JsonNode analysis = single(coordinator.myTasks("Task_AnalysePolicy"));
        coordinator.complete(analysis, CycleFormValues.analysis(
                coordinator.formVariables(analysis.get("id").asText()).get("indicatorTargets"), List.of("2")));
        coordinator.complete(single(coordinator.myTasks("Task_PlanProjects")), Map.of("planTitle", PLAN,
                "projects", List.of(CycleFormValues.project(PROJECT, 120000, "2"))));
        director.complete(single(director.myTasks("Task_ReviewPlan")), Map.of("planDecision", "APPROVE"));
        JsonNode implementation = single(coordinator.myTasks("Task_RecordImplementation"));
        coordinator.complete(implementation, CycleFormValues.implementation(
                coordinator.formVariables(implementation.get("id").asText()).get("projectProgress"), null));

        JsonNode report = single(coordinator.myTasks("Task_SubmitMidYearReport"));
        Map<String, Object> values = new LinkedHashMap<>(CycleFormValues.report(CycleFormValues.counts(
                coordinator.formVariables(report.get("id").asText()).get("counts"), 100, 90)));
        values.put("practices", List.of(Map.of("name", PRACTICE, "ownerName", "โรงเรียนบ้านดอย",
                "description", "ระบบดูแลช่วยเหลือนักเรียน")));
        values.put("problemsOffice", PROBLEM);
        coordinator.complete(report, values);

        JsonNode review = single(reviewer.myTasks("Task_ReviewMidYearReport"));
        String reviewId = review.get("id").asText();
        reviewer.claim(reviewId);
        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "user-text")) {
            logIn(browser, url("/camunda/app/tasklist/default/"), reviewer.userId());
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + reviewId + "&detailsTab=task-detail-form"));
            browser.waitFor(By.cssSelector(".fjs-form"), Duration.ofSeconds(60));
            WebElement overview = browser.waitFor(By.cssSelector("[id$='-Field_reportOverview']"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> String.valueOf(overview.getDomProperty("value")).contains(PRACTICE));
            assertThat(overview.getDomProperty("value")).as("the review form shows what the coordinator typed")
                    .contains(PRACTICE).contains(PROBLEM);
            assertNoInjectedMarkup(browser, ".fjs-form");
            browser.screenshot("review-form");
        }
        reviewer.submitForm(reviewId, CycleFormValues.accept("4")).ok();

        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "user-text")) {
            // HTTP Basic as a browser does it, the credentials answered once (as in RollupPageIT)
            browser.open("http://" + admin.userId() + ":" + PASSWORD + "@localhost:" + port + "/api/cycles");
            browser.open(url("/rollup?cycle=" + cycleId + "&round=MID_YEAR"));
            browser.waitForText(By.id("rollup-title"), "ปีงบประมาณ 2566");
            WebElement indicator = browser.waitFor(By.id("indicator-2"));
            assertThat(indicator.getText()).as("the roll-up shows the best practice and the problem as text")
                    .contains(PRACTICE).contains(PROBLEM);
            assertNoInjectedMarkup(browser, "body");
            browser.screenshot("rollup");
        }

        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "user-text")) {
            browser.open(url("/dashboard"));
            logIn(browser, null, admin.userId());
            browser.open(url("/dashboard?cycle=" + cycleId + "#office=" + OFFICE));
            WebElement detail = browser.waitFor(By.id("office-detail"));
            browser.waitForText(By.id("office-detail"), PROJECT);
            assertThat(detail.getText()).as("the office view shows the plan and project names as text")
                    .contains(PLAN).contains(PROJECT);
            assertNoInjectedMarkup(browser, "#office-detail");
            browser.screenshot("dashboard-office");
        }
    }

    /** No element came out of the typed text and none of its script ran. */
    private static void assertNoInjectedMarkup(HeadlessChromium browser, String container) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return typeof window.__xss;")).as("no script or onerror ran").isEqualTo("undefined");
        Object injected = js.executeScript("var box = document.querySelector(arguments[0]);"
                + "return box.querySelectorAll('img[src=\"x\"]').length + Array.from(box.querySelectorAll('script'))"
                + ".filter(function (s) { return s.textContent.indexOf('__xss') >= 0; }).length;", container);
        assertThat(((Number) injected).intValue()).as("no element made of the typed text").isZero();
    }

    /** The Camunda login, opened at {@code start} or reached by a redirect, then wait until signed in. */
    private void logIn(HeadlessChromium browser, String start, String userId) {
        if (start != null) {
            browser.open(start);
        } else {
            browser.waitForCamundaLogin();
        }
        browser.signInToCamunda(userId, PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void runDueJobs() {

        DueJobs.run(managementService, 100);
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private EngineRestClient user(String id, String... groups) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groups);
        return new EngineRestClient(port, id, PASSWORD);
    }
}
