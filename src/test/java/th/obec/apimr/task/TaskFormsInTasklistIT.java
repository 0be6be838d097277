package th.obec.apimr.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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
import com.fasterxml.jackson.databind.ObjectMapper;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.HeadlessChromium;

/**
 * Every task form of a cycle, opened in Camunda Tasklist in headless Chromium: the deployed Camunda Form is
 * resolved through {@code camunda:formRef}, rendered by Tasklist's form-js, and shows its fields with the values the
 * task prefilled. One task is completed by typing into the form and pressing Tasklist's complete button.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFormsInTasklistIT {

    static final String USER = "it.browser";
    static final String PASSWORD = "browser-pass";
    static final String OFFICE = "P5002";
    static final String CAMUNDA_ADMIN = "camunda-admin";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;

    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyTaskFormRendersInTasklistAndOneIsCompletedThere() throws IOException {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        EngineRestClient user = userInEveryGroupOfOneOffice();
        JsonNode cycle = user.post("/api/cycles", Map.of("fiscalYear", 2566, "officeCodes", List.of(OFFICE))).ok().body();
        String nationalId = cycle.get("processInstanceId").asText();
        Map<String, JsonNode> forms = formsById();

        try (HeadlessChromium browser = HeadlessChromium.start("th-TH", "tasklist-forms")) {
            logIn(browser);
            Set<String> rendered = new LinkedHashSet<>();
            Map<String, Integer> visits = new LinkedHashMap<>();
            for (int step = 0; step < 60 && isActive(nationalId); step++) {
                List<JsonNode> tasks = user.myTasks(null);
                if (tasks.isEmpty()) {
                    runDueJobs();
                    continue;
                }
                JsonNode task = tasks.get(0);
                String key = task.get("taskDefinitionKey").asText();
                String taskId = task.get("id").asText();
                user.claim(taskId);
                String formId = formIdOf(task);
                if (rendered.add(formId)) {
                    assertFormRenders(browser, taskId, forms.get(formId), formId);
                }
                int visit = visits.merge(key, 1, Integer::sum);
                if (key.equals("Task_AnalyseNationalPolicy")) {
                    completeInTasklist(browser, user, taskId);
                } else {
                    user.submitForm(taskId, valuesFor(key, visit, user.formVariables(taskId))).ok();
                }
            }
            assertThat(isActive(nationalId)).as("the cycle ran to its end").isFalse();
            assertThat(rendered).containsExactlyInAnyOrderElementsOf(
                    forms.keySet().stream().filter(id -> !id.equals("Form_LaunchCycle")).toList());
        }
    }

    private void assertFormRenders(HeadlessChromium browser, String taskId, JsonNode form, String formId) {
        browser.open(tasklist() + "#/?task=" + taskId + "&detailsTab=task-detail-form");
        WebElement rendered = browser.waitFor(By.cssSelector(".fjs-form"), Duration.ofSeconds(60));
        List<String> labels = inputLabels(form);
        assertThat(labels).as(formId + " has labelled inputs").isNotEmpty();
        for (String label : labels.subList(0, Math.min(3, labels.size()))) {
            browser.waitForText(By.cssSelector(".fjs-form"), label);
        }
        assertThat(rendered.findElements(By.cssSelector(".fjs-form-field")).size()).isGreaterThan(1);
        browser.screenshot(formId);
    }

    /** Types into the national analysis form and presses Tasklist's complete button. */
    private void completeInTasklist(HeadlessChromium browser, EngineRestClient user, String taskId) {
        browser.open(tasklist() + "#/?task=" + taskId + "&detailsTab=task-detail-form");
        browser.waitFor(By.cssSelector(".fjs-form"), Duration.ofSeconds(60));
        type(browser, "Field_policySummary", "สรุปนโยบายเร่งด่วน 12 ด้านจากหน้าจอ");
        type(browser, "Field_guidanceToOffices", "ให้ทุกเขตเลือกตัวชี้วัดตามบริบท");
        WebElement complete = browser.waitFor(By.cssSelector("button[ng-click='complete()']"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> complete.isEnabled());
        complete.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> user.get("/engine-rest/task/" + taskId).status() == 404);
    }

    private static void type(HeadlessChromium browser, String componentId, String text) {
        WebElement field = browser.waitFor(By.cssSelector("[id$='-" + componentId + "']"));
        field.clear();
        field.sendKeys(text);
    }

    private void logIn(HeadlessChromium browser) {
        browser.open(tasklist());
        try {
            browser.waitFor(By.cssSelector("input[ng-model='username']"), Duration.ofSeconds(90)).sendKeys(USER);
        } catch (RuntimeException e) {
            browser.screenshot("login-failed");
            throw new AssertionError("Tasklist login page did not show: " + browser.driver().getPageSource()
                    .substring(0, Math.min(2000, browser.driver().getPageSource().length())), e);
        }
        browser.driver().findElement(By.cssSelector("input[type='password']")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
        browser.waitFor(By.cssSelector("[cam-tasks], .tasks-list, .task-filters, [cam-tasklist-filters]"),
                Duration.ofSeconds(60));
    }

    private Map<String, Object> valuesFor(String key, int visit, Map<String, JsonNode> form) {
        return switch (key) {
            case "Task_AnalysePolicy" -> CycleFormValues.analysis(form.get("indicatorTargets"), List.of("2"));
            case "Task_PlanProjects" -> CycleFormValues.plan(List.of(
                    CycleFormValues.project("โครงการพาน้องกลับมาเรียน", 120000, "2")));
            // The first plan is returned, so the plan form is also shown with the director's comments
            case "Task_ReviewPlan" -> visit == 1
                    ? Map.of("planDecision", "RETURN", "reviewComments", "ระบุกลุ่มเป้าหมายให้ชัดเจน")
                    : Map.of("planDecision", "APPROVE");
            case "Task_RecordImplementation" -> CycleFormValues.implementation(form.get("projectProgress"),
                    visit == 1 ? "ขอความเห็นชอบขยายผล" : null);
            case "Task_DecideOnImplementation" -> Map.of("directorDecision", "เห็นชอบ");
            case "Task_SubmitMidYearReport", "Task_SubmitAnnualReport" ->
                    CycleFormValues.report(CycleFormValues.counts(form.get("counts"), 50, 45));
            case "Task_ReviewMidYearReport", "Task_ReviewAnnualReport" -> CycleFormValues.accept("5");
            case "Task_CompileMidYearResults", "Task_CompileAnnualResults" -> CycleFormValues.roundCompilation();
            case "Task_ReflectOnCycle" -> CycleFormValues.officeReflection();
            case "Task_ReflectNationally" -> CycleFormValues.nationalReflection();
            default -> throw new AssertionError("No values for " + key);
        };
    }

    private String formIdOf(JsonNode task) {
        JsonNode formKey = task.get("camundaFormRef");
        assertThat(formKey).as("task " + task.get("taskDefinitionKey") + " references a Camunda Form").isNotNull();
        return formKey.get("key").asText();
    }

    private Map<String, JsonNode> formsById() throws IOException {
        Map<String, JsonNode> forms = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = json.readTree(file.toFile());
                forms.put(form.get("id").asText(), form);
            }
        }
        return forms;
    }

    /** Labels of the inputs a user fills in (not read-only), in form order. */
    private static List<String> inputLabels(JsonNode form) {
        List<String> labels = new ArrayList<>();
        collectLabels(form.get("components"), labels);
        return labels;
    }

    private static void collectLabels(JsonNode components, List<String> labels) {
        if (components == null) {
            return;
        }
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (component.has("components")) {
                collectLabels(component.get("components"), labels);
            } else if (component.has("key") && component.has("label") && !component.path("readonly").asBoolean()
                    && !component.has("conditional") && !type.equals("dynamiclist")) {
                labels.add(component.get("label").asText());
            }
        }
    }

    private boolean isActive(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private void runDueJobs() {
        for (Job job : managementService.createJobQuery().executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private EngineRestClient userInEveryGroupOfOneOffice() {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            User user = identityService.newUser(USER);
            user.setFirstName("Browser");
            user.setLastName("Test");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            // Camunda's webapps ask for a first administrator until a member of camunda-admin exists
            if (identityService.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
                Group admins = identityService.newGroup(CAMUNDA_ADMIN);
                admins.setName("Camunda administrators");
                admins.setType("SYSTEM");
                identityService.saveGroup(admins);
            }
            for (String group : List.of(CAMUNDA_ADMIN, Groups.OBEC_ADMIN, Groups.OBEC_MONITOR, Groups.coordinators(OFFICE),
                    Groups.directors(OFFICE), Groups.reviewers("15"))) {
                identityService.createMembership(USER, group);
            }
        }
        return new EngineRestClient(port, USER, PASSWORD);
    }
}
