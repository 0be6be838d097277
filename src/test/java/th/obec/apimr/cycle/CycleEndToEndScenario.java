package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.TestUsers;

/**
 * A FY2566 cycle for three offices in two inspection regions, from launch to the national reflection, every step
 * done through the engine REST API by a user of the right group, the way Tasklist does it (claim, read the form's
 * variables, submit the form). The job executor is off: the test runs due jobs where the engine would.
 * Runs on H2 and on PostgreSQL (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class CycleEndToEndScenario {

    static final String PASSWORD = "s3cret-test";
    static final List<String> OFFICES = List.of("P4001", "P5001", "P5002");
    static final Map<String, String> REGION = Map.of("P4001", "12", "P5001", "15", "P5002", "15");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CycleService cycleService;

    EngineRestClient admin;
    EngineRestClient analyst;
    final Map<String, EngineRestClient> coordinators = new HashMap<>();
    final Map<String, EngineRestClient> directors = new HashMap<>();
    final Map<String, EngineRestClient> reviewers = new HashMap<>();

    @BeforeEach
    void startOfFiscalYear2566() {
        // The engine's clock stands in FY2566, so the rounds' deadline timers are not yet due.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void users() {
        admin = user("it.admin", Groups.OBEC_ADMIN);
        analyst = user("it.analyst", Groups.OBEC_MONITOR);
        for (String office : OFFICES) {
            coordinators.put(office, user("it.coord." + office, Groups.coordinators(office)));
            directors.put(office, user("it.dir." + office, Groups.directors(office)));
            reviewers.computeIfAbsent(REGION.get(office),
                    region -> user("it.reviewer." + region, Groups.reviewers(region)));
        }
    }

    @Test
    void cycleOfThreeOfficesRunsFromLaunchToNationalReflection() {
        // Launch, by an administrator, through the application's API
        Map<String, Object> launch = Map.of("fiscalYear", 2566, "officeCodes", OFFICES);
        assertThat(coordinators.get("P5002").post("/api/cycles", launch).status()).isEqualTo(403);
        JsonNode cycle = admin.post("/api/cycles", launch).ok().body();
        long cycleId = cycle.get("id").asLong();
        assertThat(cycle.get("offices").asInt()).isEqualTo(3);
        String nationalId = cycle.get("processInstanceId").asText();

        // OBEC analyses the national policy
        JsonNode nationalAnalysis = single(tasksOf(analyst, "Task_AnalyseNationalPolicy", nationalId));
        assertThat(nationalAnalysis.get("due").asText()).startsWith("2022-10-31");
        analyst.complete(nationalAnalysis, CycleFormValues.nationalAnalysis());
        runDueJobs();
        assertThat(cycleService.officeCycles(cycleId)).allSatisfy(oc -> {
            assertThat(oc.processInstanceId()).isNotNull();
            assertThat(oc.businessKey()).isEqualTo("FY2566-" + oc.officeCode());
        });

        // A coordinator sees only their own office's first task
        List<JsonNode> p5002Tasks = coordinators.get("P5002").myTasks(null);
        assertThat(p5002Tasks).hasSize(1);
        assertThat(p5002Tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_AnalysePolicy");

        for (String office : OFFICES) {
            analyse(office);
            plan(office);
            implement(office);
        }
        assertThat(analyst.myTasks("Task_CompileMidYearResults")).isEmpty();
        for (String office : OFFICES) {
            reportRound(office, "Task_SubmitMidYearReport", "Task_ReviewMidYearReport", office.equals("P5002"));
            runDueJobs();
            boolean lastOffice = office.equals(OFFICES.get(OFFICES.size() - 1));
            assertThat(analyst.myTasks("Task_CompileMidYearResults")).hasSize(lastOffice ? 1 : 0);
        }
        compileRound("Task_CompileMidYearResults");
        for (String office : OFFICES) {
            reportRound(office, "Task_SubmitAnnualReport", "Task_ReviewAnnualReport", false);
            runDueJobs();
            reflect(office);
        }
        runDueJobs();
        compileRound("Task_CompileAnnualResults");
        JsonNode reflection = single(analyst.myTasks("Task_ReflectNationally"));
        analyst.complete(reflection, CycleFormValues.nationalReflection());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(nationalId).count()).isZero();
        assertThat(cycleService.cycle(cycleId).orElseThrow().status()).isEqualTo("CLOSED");
        assertThat(cycleService.officeCycles(cycleId))
                .allSatisfy(oc -> assertThat(oc.phase()).isEqualTo(Phase.COMPLETED));
        assertEveryTaskDoneByItsGroup();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void tasklistsStartFormLaunchesACycleAndRefusesABadCalendarNamingTheField() {
        String key = "/engine-rest/process-definition/key/Process_NationalCycle";
        JsonNode startForm = admin.get(key + "/deployed-start-form").ok().body();
        assertThat(startForm.get("id").asText()).isEqualTo("Form_LaunchCycle");

        Map<String, Object> launch = new LinkedHashMap<>(Map.of("fiscalYear", 2567, "catalogueYear", 2566,
                "officeCodes", "P5002, P4001", "analysisDue", "2023-12-01", "planDue", "2023-11-15"));
        EngineRestClient.Answer refused = admin.post(key + "/submit-form",
                Map.of("variables", EngineRestClient.toVariables(launch)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("message").asText()).contains("planDue");
        assertThat(cycleService.cycles()).noneMatch(cycle -> cycle.fiscalYear() == 2567);

        launch.put("planDue", "2023-12-20");
        JsonNode started = admin.post(key + "/submit-form",
                Map.of("variables", EngineRestClient.toVariables(launch))).ok().body();
        CycleView cycle = cycleService.cycles().stream().filter(c -> c.fiscalYear() == 2567).findFirst().orElseThrow();
        assertThat(cycle.processInstanceId()).isEqualTo(started.get("id").asText());
        assertThat(cycle.launchedBy()).isEqualTo(admin.userId());
        assertThat(cycle.deadlines()).containsEntry(Deadline.PLAN, LocalDate.of(2023, 12, 20))
                .containsEntry(Deadline.MID_YEAR_REPORT, LocalDate.of(2024, 4, 30));
        assertThat(cycleService.officeCodes(cycle.id())).containsExactly("P4001", "P5002");
        assertThat(tasksOf(analyst, "Task_AnalyseNationalPolicy", cycle.processInstanceId())).hasSize(1);
    }

    private void analyse(String office) {
        EngineRestClient coordinator = coordinators.get(office);
        JsonNode task = single(coordinator.myTasks("Task_AnalysePolicy"));
        assertThat(task.get("due").asText()).startsWith("2022-11-30");
        Map<String, JsonNode> form = coordinator.formVariables(task.get("id").asText());
        assertThat(form.get("indicatorTargets")).hasSizeGreaterThanOrEqualTo(13);
        coordinator.complete(task, CycleFormValues.analysis(form.get("indicatorTargets"), List.of("1", "2")));
    }

    private void plan(String office) {
        EngineRestClient coordinator = coordinators.get(office);
        EngineRestClient director = directors.get(office);
        Map<String, Object> project = CycleFormValues.project("โครงการโรงเรียนปลอดภัย", 150000, "1, 2");
        JsonNode task = single(coordinator.myTasks("Task_PlanProjects"));
        coordinator.complete(task, CycleFormValues.plan(List.of(project)));

        JsonNode review = single(director.myTasks("Task_ReviewPlan"));
        assertThat(coordinator.myTasks("Task_ReviewPlan")).isEmpty();
        Map<String, JsonNode> reviewForm = director.formVariables(review.get("id").asText());
        assertThat(reviewForm.get("planOverview").asText()).contains("โครงการโรงเรียนปลอดภัย");
        director.complete(review, Map.of("planDecision", "RETURN", "reviewComments", "เพิ่มโครงการพาน้องกลับมาเรียน"));

        JsonNode again = single(coordinator.myTasks("Task_PlanProjects"));
        Map<String, JsonNode> againForm = coordinator.formVariables(again.get("id").asText());
        assertThat(againForm.get("returnComments").asText()).isEqualTo("เพิ่มโครงการพาน้องกลับมาเรียน");
        assertThat(againForm.get("projects")).hasSize(1);
        Map<String, Object> second = CycleFormValues.project("โครงการพาน้องกลับมาเรียน", 80000.5, "2");
        coordinator.complete(again, CycleFormValues.plan(List.of(project, second)));
        director.complete(single(director.myTasks("Task_ReviewPlan")), Map.of("planDecision", "APPROVE"));
    }

    private void implement(String office) {
        EngineRestClient coordinator = coordinators.get(office);
        JsonNode task = single(coordinator.myTasks("Task_RecordImplementation"));
        JsonNode progress = coordinator.formVariables(task.get("id").asText()).get("projectProgress");
        assertThat(progress).hasSize(2);
        coordinator.complete(task, CycleFormValues.implementation(progress, "ขยายโครงการไปทุกอำเภอหรือไม่"));
        EngineRestClient director = directors.get(office);
        director.complete(single(director.myTasks("Task_DecideOnImplementation")),
                Map.of("directorDecision", "ขยายผลทุกอำเภอ"));
        JsonNode again = single(coordinator.myTasks("Task_RecordImplementation"));
        assertThat(coordinator.formVariables(again.get("id").asText()).get("directorDecision").asText())
                .isEqualTo("ขยายผลทุกอำเภอ");
        coordinator.complete(again, CycleFormValues.implementation(progress, null));
    }

    private void reportRound(String office, String submitKey, String reviewKey, boolean returnOne) {
        EngineRestClient coordinator = coordinators.get(office);
        EngineRestClient reviewer = reviewers.get(REGION.get(office));
        List<JsonNode> reports = coordinator.myTasks(submitKey);
        assertThat(reports).as("one report per chosen indicator").hasSize(2);
        String instanceId = reports.get(0).get("processInstanceId").asText();
        for (JsonNode task : reports) {
            String taskId = task.get("id").asText();
            Map<String, JsonNode> form = coordinator.formVariables(taskId);
            if (returnOne) {
                EngineRestClient.Answer refused = coordinator.submitForm(taskId,
                        CycleFormValues.report(counts(form.get("counts"), 100, 120)));
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.body().get("message").asText()).contains("counts[0].achieved");
                assertThat(coordinator.myTasks(submitKey)).extracting(t -> t.get("id").asText()).contains(taskId);
            }
            coordinator.complete(task, CycleFormValues.report(counts(form.get("counts"), 100, 90)));
        }
        List<JsonNode> reviews = tasksOf(reviewer, reviewKey, instanceId);
        assertThat(reviews).hasSize(2);
        if (returnOne) {
            JsonNode first = reviews.get(0);
            reviewer.complete(first, Map.of("reviewDecision", "RETURN", "reviewComments", "โปรดระบุแนวปฏิบัติที่ดี"));
            JsonNode resubmit = single(coordinator.myTasks(submitKey));
            Map<String, JsonNode> form = coordinator.formVariables(resubmit.get("id").asText());
            assertThat(form.get("returnComments").asText()).isEqualTo("โปรดระบุแนวปฏิบัติที่ดี");
            coordinator.complete(resubmit, CycleFormValues.report(counts(form.get("counts"), 100, 95)));
            reviews = tasksOf(reviewer, reviewKey, instanceId);
        }
        for (JsonNode review : reviews) {
            Map<String, JsonNode> form = reviewer.formVariables(review.get("id").asText());
            assertThat(form.get("reportOverview").asText()).isNotBlank();
            assertThat(form.get("qualityLevel").isNull()).isFalse();
            reviewer.complete(review, CycleFormValues.accept("4"));
        }
        assertThat(coordinator.myTasks(submitKey)).isEmpty();
        assertThat(tasksOf(reviewer, reviewKey, instanceId)).isEmpty();
    }

    private static List<JsonNode> tasksOf(EngineRestClient user, String taskKey, String processInstanceId) {
        return user.myTasks(taskKey).stream()
                .filter(t -> t.get("processInstanceId").asText().equals(processInstanceId)).toList();
    }

    private static List<Map<String, Object>> counts(JsonNode prefilled, long base, long achieved) {
        List<Map<String, Object>> counts = CycleFormValues.counts(prefilled, base, achieved);
        assertThat(counts).isNotEmpty();
        return counts;
    }

    private void reflect(String office) {
        EngineRestClient coordinator = coordinators.get(office);
        coordinator.complete(single(coordinator.myTasks("Task_ReflectOnCycle")), CycleFormValues.officeReflection());
    }

    private void compileRound(String taskKey) {
        JsonNode task = single(analyst.myTasks(taskKey));
        assertThat(analyst.formVariables(task.get("id").asText()).get("roundOverview").asText()).isNotBlank();
        analyst.complete(task, CycleFormValues.roundCompilation());
    }

    private void assertEveryTaskDoneByItsGroup() {
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery().finished().list();
        assertThat(tasks).isNotEmpty();
        for (HistoricTaskInstance task : tasks) {
            String assignee = task.getAssignee();
            assertThat(assignee).as(task.getTaskDefinitionKey()).isNotNull();
            List<String> groups = identityService.createGroupQuery().groupMember(assignee).list()
                    .stream().map(Group::getId).toList();
            List<String> candidates = historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId())
                    .type("candidate").list().stream().map(link -> link.getGroupId()).toList();
            assertThat(groups).as(task.getTaskDefinitionKey() + " done by " + assignee)
                    .containsAnyElementsOf(candidates);
        }
    }

    /** Runs every job that is due now, as the job executor would, until none is left. */
    void runDueJobs() {
        DueJobs.run(managementService, 100);
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private EngineRestClient user(String id, String groupId) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groupId);
        return new EngineRestClient(port, id, PASSWORD);
    }
}
