package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.EngineRestClient.Answer;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.TestUsers;

/**
 * "Each office sees its own work only", through the engine REST API (what Tasklist and Cockpit use) and the
 * application's API, as real users of every role. A FY2566 cycle runs for P5002 and P5001 (inspection region 15)
 * and P4001 (region 12): P5001 waits for its coordinators' analysis, P5002 for its directors' plan approval, P4001
 * for its region's review of a mid-year report; a FY2567 cycle waits for OBEC's national analysis. Each test
 * reads the tasks it needs at that moment, so the tests do not depend on one another's order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeAccessIT {

    static final String PASSWORD = "acl-pass";
    static final String TASKS = "/engine-rest/task";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RestSignIns signIns;

    EngineRestClient admin;
    EngineRestClient monitor;
    EngineRestClient coordP5001;
    EngineRestClient coordP5002;
    EngineRestClient dirP5002;
    EngineRestClient dirP5001;
    EngineRestClient coordP4001;
    EngineRestClient dirP4001;
    EngineRestClient reviewer15;
    EngineRestClient reviewer12;

    long cycleId;
    String nationalFy2567;
    final Map<String, String> instances = new LinkedHashMap<>();

    @BeforeAll
    void cycleWaitingForEveryRole() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        admin = user("acl.admin", Groups.OBEC_ADMIN);
        monitor = user("acl.monitor", Groups.OBEC_MONITOR);
        coordP5001 = user("acl.coord.p5001", Groups.coordinators("P5001"));
        dirP5001 = user("acl.dir.p5001", Groups.directors("P5001"));
        coordP5002 = user("acl.coord.p5002", Groups.coordinators("P5002"));
        dirP5002 = user("acl.dir.p5002", Groups.directors("P5002"));
        coordP4001 = user("acl.coord.p4001", Groups.coordinators("P4001"));
        dirP4001 = user("acl.dir.p4001", Groups.directors("P4001"));
        reviewer15 = user("acl.reviewer.15", Groups.reviewers("15"));
        reviewer12 = user("acl.reviewer.12", Groups.reviewers("12"));

        JsonNode cycle = admin.post("/api/cycles",
                Map.of("fiscalYear", 2566, "officeCodes", List.of("P5002", "P5001", "P4001"))).ok().body();
        cycleId = cycle.get("id").asLong();
        JsonNode analysis = single(monitor.myTasks("Task_AnalyseNationalPolicy"));
        monitor.complete(analysis, CycleFormValues.nationalAnalysis());
        runDueJobs();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("Process_AreaOfficeCycle").list()) {
            instances.put(instance.getTenantId(), instance.getId());
        }
        assertThat(instances).containsOnlyKeys("P5002", "P5001", "P4001");

        // P5002: the coordinators plan, the directors are asked to approve
        analyse(coordP5002);
        coordP5002.complete(single(coordP5002.myTasks("Task_PlanProjects")),
                CycleFormValues.plan(List.of(CycleFormValues.project("โครงการโรงเรียนปลอดภัย", 150000, "1"))));

        // P4001: through planning and implementation to one mid-year report waiting for region 12's review
        analyse(coordP4001);
        coordP4001.complete(single(coordP4001.myTasks("Task_PlanProjects")),
                CycleFormValues.plan(List.of(CycleFormValues.project("โครงการพาน้องกลับมาเรียน", 90000, "1"))));
        dirP4001.complete(single(dirP4001.myTasks("Task_ReviewPlan")), Map.of("planDecision", "APPROVE"));
        JsonNode implementation = single(coordP4001.myTasks("Task_RecordImplementation"));
        coordP4001.complete(implementation, CycleFormValues.implementation(
                coordP4001.formVariables(id(implementation)).get("projectProgress"), null));
        JsonNode report = single(coordP4001.myTasks("Task_SubmitMidYearReport"));
        coordP4001.complete(report, CycleFormValues.report(CycleFormValues.counts(
                coordP4001.formVariables(id(report)).get("counts"), 100, 90)));
        assertThat(reviewer12.myTasks("Task_ReviewMidYearReport")).hasSize(1);

        // FY2567: OBEC's national analysis is open
        nationalFy2567 = admin.post("/api/cycles", Map.of("fiscalYear", 2567, "catalogueYear", 2566,
                "officeCodes", List.of("P5002"))).ok().body().get("processInstanceId").asText();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @BeforeEach
    void thisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @Test
    void engineRestApiAndApplicationApiAnswer401WithoutCredentials() {
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        for (String path : List.of(TASKS, "/engine-rest/process-instance", "/engine-rest/history/task",
                "/engine-rest/process-instance/" + instances.get("P5002") + "/variables", "/api/cycles",
                "/api/cycles/" + cycleId + "/offices")) {
            assertThat(anonymous.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value())
                    .as(path).isEqualTo(401);
        }
        assertThat(anonymous.post().uri(TASKS + "/" + anyTaskOf("P5002") + "/claim")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("userId", "nobody"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        // a user of its own: the engine delays the next sign-in of a user after a wrong password
        user("acl.wrong.password", Groups.coordinators("P5002"));
        EngineRestClient wrongPassword = new EngineRestClient(port, "acl.wrong.password", "not-the-password");
        assertThat(wrongPassword.get(TASKS).status()).isEqualTo(401);
        assertThat(wrongPassword.get("/api/cycles").status()).isEqualTo(401);
    }

    @Test
    void coordinatorListsReadsAndWorksTheirOwnOfficesTasks() {
        JsonNode own = single(coordP5001.myTasks("Task_AnalysePolicy"));
        String ownId = id(own);

        assertThat(tenantsOf(coordP5001.post(TASKS, Map.of()).ok().body())).containsExactly("P5001");
        assertThat(coordP5001.get(TASKS + "/count").ok().body().get("count").asLong())
                .isEqualTo(taskService.createTaskQuery().tenantIdIn("P5001").count());
        assertThat(coordP5001.get(TASKS + "/" + ownId).ok().body().get("tenantId").asText()).isEqualTo("P5001");
        assertThat(coordP5001.formVariables(ownId)).containsKey("indicatorTargets");
        assertThat(coordP5001.post(TASKS + "/" + ownId + "/claim", Map.of("userId", coordP5001.userId())).status())
                .isEqualTo(204);
        // the task's deadline and assignment are the cycle's: a coordinator works on it, does not change it
        assertThat(coordP5001.post(TASKS + "/" + ownId + "/unclaim", Map.of()).status()).isEqualTo(403);
        JsonNode current = coordP5001.get(TASKS + "/" + ownId).ok().body();
        String due = current.get("due").asText();
        Map<String, Object> moved = new LinkedHashMap<>();
        for (String field : List.of("name", "description", "assignee", "owner", "priority", "tenantId")) {
            moved.put(field, current.get(field).isNull() ? null : current.get(field).asText());
        }
        moved.put("priority", current.get("priority").asInt());
        moved.put("due", "2023-06-30T16:30:00.000+0700");
        assertThat(coordP5001.put(TASKS + "/" + ownId, moved).status()).isEqualTo(403);
        assertThat(coordP5001.get(TASKS + "/" + ownId).ok().body().get("due").asText()).isEqualTo(due);
        Map<String, JsonNode> form = coordP5001.formVariables(ownId);
        assertThat(coordP5001.submitForm(ownId,
                CycleFormValues.analysis(form.get("indicatorTargets"), List.of("1"))).status()).isEqualTo(204);
        assertThat(coordP5001.myTasks("Task_PlanProjects")).hasSize(1);
    }

    @Test
    void coordinatorCannotReadOrWorkAnotherOfficesTasks() {
        for (String office : List.of("P5002", "P4001")) {
            String other = anyTaskOf(office);
            assertRefusedTask(coordP5001, other);
            assertThat(coordP5001.post(TASKS, Map.of("processInstanceId", instances.get(office))).ok().body())
                    .as("tasks of " + office).isEmpty();
            assertThat(coordP5001.post(TASKS, Map.of("tenantIdIn", List.of(office))).ok().body()).isEmpty();
        }
        assertThat(taskService.createTaskQuery().taskId(anyTaskOf("P5002")).singleResult().getAssignee())
                .as("nothing was claimed").isNull();
    }

    @Test
    void coordinatorReadsOnlyTheirOwnOfficesInstancesVariablesAndHistory() {
        String own = instances.get("P5001");
        assertThat(tenantsOf(coordP5001.get("/engine-rest/process-instance").ok().body())).containsExactly("P5001");
        assertThat(coordP5001.get("/engine-rest/process-instance/" + own + "/variables").ok().body()
                .get("officeCode").get("value").asText()).isEqualTo("P5001");
        assertThat(tenantsOf(coordP5001.get("/engine-rest/history/process-instance").ok().body()))
                .containsExactly("P5001");
        assertThat(tenantsOf(coordP5001.get("/engine-rest/history/task").ok().body())).containsExactly("P5001");
        assertThat(tenantsOf(coordP5001.get("/engine-rest/history/variable-instance?processInstanceId=" + own)
                .ok().body())).containsExactly("P5001");

        for (String other : List.of(instances.get("P5002"), instances.get("P4001"), nationalFy2567)) {
            assertThat(coordP5001.get("/engine-rest/process-instance/" + other).status()).isEqualTo(404);
            assertThat(coordP5001.get("/engine-rest/process-instance/" + other + "/variables").status())
                    .isEqualTo(403);
            assertThat(coordP5001.get("/engine-rest/history/process-instance/" + other).status()).isEqualTo(404);
            assertThat(coordP5001.get("/engine-rest/history/task?processInstanceId=" + other).ok().body()).isEmpty();
            assertThat(coordP5001.get("/engine-rest/history/variable-instance?processInstanceId=" + other).ok().body())
                    .isEmpty();
            assertThat(coordP5001.post("/engine-rest/process-instance/" + other + "/variables",
                    Map.of("modifications", Map.of("officeCode", Map.of("value", "P5001")))).status()).isEqualTo(403);
        }
        // A coordinator works through the forms; the office's process itself is not theirs to change
        assertThat(coordP5001.post("/engine-rest/process-instance/" + own + "/variables",
                Map.of("modifications", Map.of("officeName", Map.of("value", "แก้ไข")))).status()).isEqualTo(403);
        assertThat(coordP5001.delete("/engine-rest/process-instance/" + own).status()).isEqualTo(403);
        assertThat(runtimeService.getVariable(own, "officeCode")).isEqualTo("P5001");
    }

    @Test
    void directorApprovesTheirOwnOfficesPlanWhichOnlyTheyMayDecide() {
        JsonNode review = single(dirP5002.myTasks("Task_ReviewPlan"));
        String reviewId = id(review);
        assertThat(tenantsOf(dirP5002.post(TASKS, Map.of()).ok().body())).containsExactly("P5002");

        // the office's coordinators see the approval waiting, but may not decide it
        assertThat(coordP5002.get(TASKS + "/" + reviewId).status()).isEqualTo(200);
        assertThat(coordP5002.post(TASKS + "/" + reviewId + "/claim", Map.of("userId", coordP5002.userId())).status())
                .isEqualTo(403);
        assertThat(coordP5002.submitForm(reviewId, Map.of("planDecision", "APPROVE")).status()).isEqualTo(403);
        // another office's director neither sees nor decides it
        assertRefusedTask(dirP5001, reviewId);

        assertThat(dirP5002.formVariables(reviewId).get("planOverview").asText()).contains("โครงการโรงเรียนปลอดภัย");
        dirP5002.complete(review, Map.of("planDecision", "APPROVE"));
        assertThat(coordP5002.myTasks("Task_RecordImplementation")).hasSize(1);
    }

    @Test
    void regionReviewerSeesTheOfficesOfTheirRegionOnly() {
        assertThat(tenantsOf(reviewer15.post(TASKS, Map.of()).ok().body())).containsExactlyInAnyOrder("P5001", "P5002");
        assertThat(tenantsOf(reviewer15.get("/engine-rest/process-instance").ok().body()))
                .containsExactlyInAnyOrder("P5001", "P5002");
        assertThat(tenantsOf(reviewer15.get("/engine-rest/history/task").ok().body()))
                .containsExactlyInAnyOrder("P5001", "P5002");
        assertThat(reviewer15.get("/engine-rest/process-instance/" + instances.get("P5002") + "/variables").ok().body()
                .get("officeCode").get("value").asText()).isEqualTo("P5002");

        String p4001 = instances.get("P4001");
        assertThat(reviewer15.get("/engine-rest/process-instance/" + p4001).status()).isEqualTo(404);
        assertThat(reviewer15.get("/engine-rest/process-instance/" + p4001 + "/variables").status()).isEqualTo(403);
        assertThat(reviewer15.get("/engine-rest/history/variable-instance?processInstanceId=" + p4001).ok().body())
                .isEmpty();
        assertRefusedTask(reviewer15, anyTaskOf("P4001"));
        // in their region they read the offices' tasks but work only on reviews
        String coordinatorsTask = anyTaskOf("P5001");
        assertThat(reviewer15.get(TASKS + "/" + coordinatorsTask).status()).isEqualTo(200);
        assertThat(reviewer15.post(TASKS + "/" + coordinatorsTask + "/claim", Map.of("userId", reviewer15.userId()))
                .status()).isEqualTo(403);
    }

    @Test
    void regionReviewerScreensTheReportsOfTheirRegionAndNoOtherReviewerMay() {
        JsonNode review = single(reviewer12.myTasks("Task_ReviewMidYearReport"));
        String reviewId = id(review);
        assertThat(review.get("tenantId").asText()).isEqualTo("P4001");
        assertThat(reviewer15.myTasks("Task_ReviewMidYearReport")).isEmpty();
        assertRefusedTask(reviewer15, reviewId);
        assertThat(coordP4001.post(TASKS + "/" + reviewId + "/claim", Map.of("userId", coordP4001.userId())).status())
                .isEqualTo(403);

        assertThat(reviewer12.formVariables(reviewId).get("reportOverview").asText()).isNotBlank();
        reviewer12.complete(review, Map.of("reviewDecision", "RETURN", "reviewComments", "โปรดเพิ่มหลักฐาน"));
        assertThat(coordP4001.myTasks("Task_SubmitMidYearReport")).hasSize(1);
    }

    @Test
    void onlyObecSeesNationalTasks() {
        String national = nationalTask();
        for (EngineRestClient office : List.of(coordP5002, dirP5002, reviewer15, reviewer12)) {
            assertRefusedTask(office, national);
            assertThat(office.post(TASKS, Map.of("processInstanceId", nationalFy2567)).ok().body())
                    .as(office.userId()).isEmpty();
            assertThat(office.get("/engine-rest/history/task?processInstanceId=" + nationalFy2567).ok().body())
                    .isEmpty();
            assertThat(office.get("/engine-rest/history/process-instance/" + nationalFy2567).status()).isEqualTo(404);
        }
        for (EngineRestClient obec : List.of(monitor, admin)) {
            assertThat(obec.post(TASKS, Map.of("processInstanceId", nationalFy2567)).ok().body()).hasSize(1);
            assertThat(obec.get(TASKS + "/" + national).status()).isEqualTo(200);
            assertThat(obec.formVariables(national)).containsKey("catalogueOverview");
        }
    }

    @Test
    void monitorReadsEveryOfficeAndWorksNationalTasksButChangesNoOfficesWork() {
        assertThat(tenantsOf(monitor.post(TASKS, Map.of()).ok().body())).contains("P5001", "P5002", "P4001", "");
        assertThat(tenantsOf(monitor.get("/engine-rest/process-instance").ok().body()))
                .contains("P5001", "P5002", "P4001", "");
        assertThat(monitor.get("/engine-rest/history/variable-instance?processInstanceId=" + instances.get("P4001"))
                .ok().body()).isNotEmpty();
        assertThat(monitor.get("/engine-rest/process-instance/" + instances.get("P4001") + "/variables").status())
                .isEqualTo(200);

        String officeTask = anyTaskOf("P4001");
        assertThat(monitor.post(TASKS + "/" + officeTask + "/claim", Map.of("userId", monitor.userId())).status())
                .isEqualTo(403);
        assertThat(monitor.post("/engine-rest/process-instance/" + instances.get("P4001") + "/variables",
                Map.of("modifications", Map.of("officeName", Map.of("value", "แก้ไข")))).status()).isEqualTo(403);
        assertThat(monitor.delete("/engine-rest/process-instance/" + instances.get("P4001")).status()).isEqualTo(403);
        assertThat(monitor.post("/engine-rest/process-definition/key/Process_NationalCycle/start", Map.of()).status())
                .isEqualTo(403);

        // a national task of its own: OBEC's analysis for FY2568
        String fy2568 = admin.post("/api/cycles", Map.of("fiscalYear", 2568, "catalogueYear", 2566,
                "officeCodes", List.of("P4001"))).ok().body().get("processInstanceId").asText();
        JsonNode analysis = monitor.myTasks("Task_AnalyseNationalPolicy").stream()
                .filter(task -> task.get("processInstanceId").asText().equals(fy2568)).findFirst().orElseThrow();
        monitor.complete(analysis, CycleFormValues.nationalAnalysis());
        assertThat(taskService.createTaskQuery().taskId(id(analysis)).count()).isZero();
    }

    @Test
    void adminSeesAndMayHandleEverything() {
        assertThat(tenantsOf(admin.post(TASKS, Map.of()).ok().body())).contains("P5001", "P5002", "P4001", "");
        String officeTask = taskService.createTaskQuery().processInstanceId(instances.get("P5002")).taskUnassigned()
                .list().get(0).getId();
        assertThat(admin.post(TASKS + "/" + officeTask + "/claim", Map.of("userId", admin.userId())).status())
                .isEqualTo(204);
        assertThat(admin.post(TASKS + "/" + officeTask + "/unclaim", Map.of()).status()).isEqualTo(204);
        assertThat(admin.get("/engine-rest/process-instance/" + instances.get("P4001") + "/variables").status())
                .isEqualTo(200);
        assertThat(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + nationalFy2567).ok().body())
                .isNotEmpty();
    }

    @Test
    void aUserOfNoProductGroupSeesNoOfficesWorkThoughEveryUserMayReadTheOfficeProcess() {
        TestUsers.ensure(identityService, "acl.outsider", PASSWORD, null, "acl-outsiders");
        EngineRestClient outsider = new EngineRestClient(port, "acl.outsider", PASSWORD);

        assertThat(outsider.post(TASKS, Map.of()).ok().body()).isEmpty();
        assertThat(outsider.get(TASKS + "/count").ok().body().get("count").asLong()).isZero();
        assertThat(outsider.get("/engine-rest/process-instance").ok().body()).isEmpty();
        assertThat(outsider.get("/engine-rest/history/process-instance").ok().body()).isEmpty();
        assertThat(outsider.get("/engine-rest/history/task").ok().body()).isEmpty();
        for (String office : List.of("P5002", "P5001", "P4001")) {
            assertRefusedTask(outsider, anyTaskOf(office));
            String instance = instances.get(office);
            assertThat(outsider.get("/engine-rest/process-instance/" + instance).status()).isEqualTo(404);
            assertThat(outsider.get("/engine-rest/process-instance/" + instance + "/variables").status())
                    .isEqualTo(403);
            assertThat(outsider.get("/engine-rest/history/variable-instance?processInstanceId=" + instance).ok()
                    .body()).isEmpty();
        }
        assertThat(webappLogin(outsider, "tasklist")).isEqualTo(403);
        // the grant on the office process is global; the model itself is what every user may read
        assertThat(outsider.get("/engine-rest/process-definition/key/Process_AreaOfficeCycle").status())
                .isEqualTo(200);
        assertThat(outsider.post("/engine-rest/process-definition/key/Process_AreaOfficeCycle/start", Map.of())
                .status()).isEqualTo(403);
    }

    @Test
    void eachRoleOpensOnlyItsWebapps() {
        for (EngineRestClient user : List.of(coordP5001, dirP5002, reviewer12, monitor, admin)) {
            assertThat(webappLogin(user, "tasklist")).as(user.userId() + " in Tasklist").isEqualTo(200);
        }
        for (EngineRestClient user : List.of(monitor, admin)) {
            assertThat(webappLogin(user, "cockpit")).as(user.userId() + " in Cockpit").isEqualTo(200);
        }
        for (EngineRestClient user : List.of(coordP5001, dirP5002, reviewer12)) {
            assertThat(webappLogin(user, "cockpit")).as(user.userId() + " in Cockpit").isEqualTo(403);
        }
        for (EngineRestClient user : List.of(coordP5001, reviewer12, monitor)) {
            assertThat(webappLogin(user, "admin")).as(user.userId() + " in Admin").isEqualTo(403);
        }
        assertThat(webappLogin(admin, "admin")).isEqualTo(200);
    }

    @Test
    void applicationApiShowsEachRoleTheOfficeCyclesOfItsOfficesOnly() {
        String offices = "/api/cycles/" + cycleId + "/offices";
        assertThat(officeCodes(coordP5001.get(offices).ok().body())).containsExactly("P5001");
        assertThat(officeCodes(dirP5002.get(offices).ok().body())).containsExactly("P5002");
        assertThat(officeCodes(reviewer15.get(offices).ok().body())).containsExactlyInAnyOrder("P5001", "P5002");
        assertThat(officeCodes(reviewer12.get(offices).ok().body())).containsExactly("P4001");
        assertThat(officeCodes(monitor.get(offices).ok().body())).containsExactlyInAnyOrder("P5001", "P5002", "P4001");
        assertThat(officeCodes(admin.get(offices).ok().body())).containsExactlyInAnyOrder("P5001", "P5002", "P4001");

        assertThat(coordP5001.get(offices + "/P5001").ok().body().get("processInstanceId").asText())
                .isEqualTo(instances.get("P5001"));
        assertThat(coordP5001.get(offices + "/p5001").status()).isEqualTo(200);
        assertThat(coordP5001.get(offices + "/P5002").status()).isEqualTo(403);
        assertThat(dirP5002.get(offices + "/P4001").status()).isEqualTo(403);
        assertThat(reviewer15.get(offices + "/P5002").status()).isEqualTo(200);
        assertThat(reviewer15.get(offices + "/P4001").status()).isEqualTo(403);
        assertThat(reviewer12.get(offices + "/P4001").status()).isEqualTo(200);
        assertThat(monitor.get(offices + "/P4001").status()).isEqualTo(200);
        assertThat(admin.get(offices + "/P1000").status()).as("an office outside the cycle").isEqualTo(404);

        Map<String, Object> launch = Map.of("fiscalYear", 2570, "catalogueYear", 2566, "officeCodes", List.of("P5001"));
        for (EngineRestClient user : List.of(coordP5001, dirP5002, reviewer15, monitor)) {
            assertThat(user.post("/api/cycles", launch).status()).as(user.userId() + " launches").isEqualTo(403);
        }
    }

    @Test
    void aWrongPasswordIsRefusedEvenRightAfterTheUserSignedInWithTheRightOne() {
        EngineRestClient user = user("acl.signin.wrong", Groups.coordinators("P5001"));
        assertThat(user.get(TASKS + "/count").ok().body().get("count").asInt()).isPositive();

        EngineRestClient guesser = new EngineRestClient(port, "acl.signin.wrong", PASSWORD + "-guess");
        assertThat(guesser.get(TASKS + "/count").status()).isEqualTo(401);
        assertThat(guesser.get("/api/cycles/" + cycleId + "/offices").status()).isEqualTo(401);
        assertThat(user.get(TASKS + "/count").status()).isEqualTo(200);
    }

    @Test
    void aChangedPasswordWorksAtOnce() {
        EngineRestClient user = user("acl.signin.changed", Groups.coordinators("P5001"));
        assertThat(user.get(TASKS + "/count").status()).isEqualTo(200);

        User stored = identityService.createUserQuery().userId("acl.signin.changed").singleResult();
        stored.setPassword(PASSWORD + "-new");
        identityService.saveUser(stored);

        EngineRestClient renewed = new EngineRestClient(port, "acl.signin.changed", PASSWORD + "-new");
        assertThat(renewed.get(TASKS + "/count").status()).isEqualTo(200);
    }

    @Test
    void withTheSignInForgottenARemovedMembershipTakesEffectOnTheNextRequest() {
        EngineRestClient user = user("acl.signin.moved", Groups.coordinators("P5001"));
        assertThat(tenantsOf(user.get(TASKS).ok().body())).containsExactly("P5001");

        identityService.deleteMembership("acl.signin.moved", Groups.coordinators("P5001"));
        identityService.createMembership("acl.signin.moved", Groups.coordinators("P4001"));
        assertThat(tenantsOf(user.get(TASKS).ok().body())).as("remembered for a minute").containsExactly("P5001");
        signIns.forgetAll();

        assertThat(tenantsOf(user.get(TASKS).ok().body())).containsExactly("P4001");
    }

    private void assertRefusedTask(EngineRestClient user, String taskId) {
        String task = TASKS + "/" + taskId;
        assertThat(user.get(task).status()).as(user.userId() + " reads " + taskId).isEqualTo(404);
        assertThat(user.get(task + "/form-variables").status()).as("form variables").isEqualTo(403);
        assertThat(user.get(task + "/variables").status()).as("variables").isEqualTo(403);
        assertThat(user.post(task + "/claim", Map.of("userId", user.userId())).status()).as("claim").isEqualTo(403);
        assertThat(user.submitForm(taskId, Map.of("planDecision", "APPROVE")).status()).as("submit-form")
                .isEqualTo(403);
        assertThat(user.post(task + "/complete", Map.of()).status()).as("complete").isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("still open").isOne();
    }

    /** Signs in to a Camunda webapp as its login page does (session and CSRF token first); the HTTP status. */
    private int webappLogin(EngineRestClient user, String app) {
        RestClient browser = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        ResponseEntity<Void> page = browser.get().uri("/camunda/app/" + app + "/default/").retrieve().toBodilessEntity();
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(token).as("CSRF token of the " + app + " page").isNotBlank();
        String cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";", 2)[0]).collect(Collectors.joining("; "));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user.userId());
        form.add("password", PASSWORD);
        return browser.post().uri("/camunda/api/admin/auth/user/default/login/" + app)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).header(HttpHeaders.ACCEPT, "application/json")
                .header("X-XSRF-TOKEN", token).header(HttpHeaders.COOKIE, cookies)
                .body(form).retrieve().toBodilessEntity().getStatusCode().value();
    }

    private void analyse(EngineRestClient coordinator) {
        JsonNode task = single(coordinator.myTasks("Task_AnalysePolicy"));
        coordinator.complete(task, CycleFormValues.analysis(
                coordinator.formVariables(id(task)).get("indicatorTargets"), List.of("1")));
    }

    private String anyTaskOf(String office) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instances.get(office)).list();
        assertThat(tasks).as("open tasks of " + office).isNotEmpty();
        return tasks.get(0).getId();
    }

    private String nationalTask() {
        return taskService.createTaskQuery().processInstanceId(nationalFy2567).singleResult().getId();
    }

    private static Set<String> tenantsOf(JsonNode items) {
        assertThat(items).isNotEmpty();
        return EngineRestClient.toList(items).stream()
                .map(item -> item.path("tenantId").isNull() ? "" : item.path("tenantId").asText(""))
                .collect(Collectors.toSet());
    }

    private static List<String> officeCodes(JsonNode officeCycles) {
        return EngineRestClient.toList(officeCycles).stream().map(oc -> oc.get("officeCode").asText()).toList();
    }

    private static String id(JsonNode task) {
        return task.get("id").asText();
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void runDueJobs() {

        DueJobs.run(managementService, 100);
    }

    private EngineRestClient user(String id, String groupId) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groupId);
        return new EngineRestClient(port, id, PASSWORD);
    }
}
