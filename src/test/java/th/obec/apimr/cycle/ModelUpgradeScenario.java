package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.ApimrApplication;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.TestUsers;

/**
 * A release that changes the office process, rolled out on a running installation: the application runs release 1
 * (the shipped models) from an installation folder, cycles are launched and offices are some steps into them; then
 * the application is stopped and started again on the same database with release 2, whose AreaOfficeCycle.bpmn has
 * an extra step and a renamed task. It shows what users and the operator see afterwards:
 * <ul>
 *   <li>the start deploys every model and form again together, so the new version's forms resolve (formRef binding
 *       {@code deployment}), and the daily digest keeps a single timer;</li>
 *   <li>offices already running stay on version 1 and go on to their end there, forms, decision and all;</li>
 *   <li>offices started afterwards, also by a cycle launched before the upgrade (call activity binding
 *       {@code latest}), run version 2;</li>
 *   <li>the operator migrates running offices to version 2 through the engine REST API, and they continue on it;</li>
 *   <li>the reminders of a task opened before the upgrade still go out, and end with the task.</li>
 * </ul>
 * Every user step goes through the engine REST API as in Tasklist; the job executor is off and the test runs due
 * jobs itself. Runs on H2 and on PostgreSQL (subclasses).
 */
abstract class ModelUpgradeScenario {

    static final String PASSWORD = "s3cret-upgrade";
    /** The engine administrator of the test profile (application-test.yml); the operator who migrates. */
    static final String OPERATOR = "admin";
    static final String OPERATOR_PASSWORD = "Ts7-Orchestr-2566";
    static final String OFFICE_PROCESS = "Process_AreaOfficeCycle";
    static final String NEW_STEP = "Event_AnalysisRecorded";
    static final String NEW_PLAN_TASK_NAME = "จัดทำแผนงาน/โครงการตามผลการวิเคราะห์";
    static final List<String> SHIPPED = List.of("processes/AreaOfficeCycle.bpmn", "processes/NationalCycle.bpmn",
            "processes/TaskDeadline.bpmn", "processes/DailyDigest.bpmn", "processes/SuggestQualityLevel.dmn");

    @TempDir
    Path installation;

    private ConfigurableApplicationContext app;
    private int port;
    private final Map<String, EngineRestClient> users = new HashMap<>();

    /** JDBC URL, user and password of the installation's database (the same for both releases). */
    abstract String[] database();

    @AfterEach
    void stop() {
        ClockUtil.reset();
        if (app != null) {
            app.close();
        }
    }

    @Test
    void runningCyclesKeepWorkingAcrossAReleaseThatChangesTheOfficeProcess() throws IOException {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));

        // Release 1: the shipped models and forms
        install(null);
        start();
        JsonNode fy2566 = user("obec-admin").post("/api/cycles",
                Map.of("fiscalYear", 2566, "officeCodes", List.of("P4001", "P5001", "P5002"))).ok().body();
        JsonNode fy2567 = user("obec-admin").post("/api/cycles",
                Map.of("fiscalYear", 2567, "catalogueYear", 2566, "officeCodes", List.of("P5002"))).ok().body();
        String national2566 = fy2566.get("processInstanceId").asText();
        String national2567 = fy2567.get("processInstanceId").asText();
        analyseNationally(national2566);
        String p4001 = office(national2566, "P4001");
        String p5001 = office(national2566, "P5001");
        String p5002 = office(national2566, "P5002");
        analyse("P4001", p4001);
        plan("P4001", p4001);
        analyse("P5001", p5001);
        String v1 = bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(p4001).singleResult()
                .getProcessDefinitionId();
        String oldPlanTask = single(tasks("P5001", "Task_PlanProjects", p5001)).get("id").asText();
        String oldDeadline = deadlineProcessOf(oldPlanTask);
        app.close();
        app = null;

        // Release 2: AreaOfficeCycle.bpmn changed, everything else as before
        install(this::addAStepAndRenameAPlanTask);
        start();
        RepositoryService repository = bean(RepositoryService.class);
        ProcessDefinition v2 = repository.createProcessDefinitionQuery().processDefinitionKey(OFFICE_PROCESS)
                .latestVersion().singleResult();
        assertThat(v2.getId()).isNotEqualTo(v1);
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getVersionTag()).isEqualTo("1.1");
        assertThat(resourceNames(v2.getDeploymentId())).as("one release deploys every model and form together")
                .containsAll(resourceNames(repository.getProcessDefinition(v1).getDeploymentId()))
                .hasSize(SHIPPED.size() + formCount());
        assertThat(bean(ManagementService.class).createJobQuery().processDefinitionKey("Process_DailyDigest")
                .timers().list()).as("one daily digest timer, of the new version").singleElement()
                .extracting(Job::getProcessDefinitionId).isEqualTo(repository.createProcessDefinitionQuery()
                        .processDefinitionKey("Process_DailyDigest").latestVersion().singleResult().getId());

        // Offices already running stay on version 1, and their open tasks still show their forms
        assertThat(List.of(p4001, p5001, p5002)).allSatisfy(id -> assertThat(definitionOf(id)).isEqualTo(v1));
        assertFormShown("P4001", single(tasks("P4001", "Task_RecordImplementation", p4001)), "Form_RecordImplementation");
        assertFormShown("P5001", single(tasks("P5001", "Task_PlanProjects", p5001)), "Form_PlanProjects");
        assertFormShown("P5002", single(tasks("P5002", "Task_AnalysePolicy", p5002)), "Form_AnalysePolicy");

        // The operator migrates two offices to version 2; the third stays on version 1
        EngineRestClient operator = user(OPERATOR);
        JsonNode plan = operator.post("/engine-rest/migration/generate", Map.of("sourceProcessDefinitionId", v1,
                "targetProcessDefinitionId", v2.getId(), "updateEventTriggers", true)).ok().body();
        JsonNode validation = operator.post("/engine-rest/migration/validate", plan).ok().body();
        assertThat(validation.get("instructionReports")).as("the plan maps every activity").isEmpty();
        operator.post("/engine-rest/migration/execute",
                Map.of("migrationPlan", plan, "processInstanceIds", List.of(p5001, p5002))).ok();
        assertThat(definitionOf(p5001)).isEqualTo(v2.getId());
        assertThat(definitionOf(p5002)).isEqualTo(v2.getId());
        JsonNode migratedTask = single(tasks("P5002", "Task_AnalysePolicy", p5002));
        assertThat(migratedTask.get("processDefinitionId").asText()).isEqualTo(v2.getId());
        assertFormShown("P5002", migratedTask, "Form_AnalysePolicy");

        // A migrated office continues on version 2: through the new step, to the renamed task
        analyse("P5002", p5002);
        assertThat(passedNewStep(p5002)).isTrue();
        JsonNode renamed = single(tasks("P5002", "Task_PlanProjects", p5002));
        assertThat(renamed.get("name").asText()).isEqualTo(NEW_PLAN_TASK_NAME);
        assertFormShown("P5002", renamed, "Form_PlanProjects");

        // An office left on version 1 goes on to its end there: forms, the quality-level decision, the round jobs
        plannedOfficeRunsToItsEnd("P4001", p4001);
        assertThat(bean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(p4001)
                .singleResult()).satisfies(done -> {
                    assertThat(done.getProcessDefinitionId()).isEqualTo(v1);
                    assertThat(done.getEndTime()).isNotNull();
                });
        assertThat(passedNewStep(p4001)).isFalse();
        String newestDecision = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("Decision_SuggestQualityLevel").latestVersion().singleResult().getId();
        assertThat(bean(HistoryService.class).createHistoricDecisionInstanceQuery().processInstanceId(p4001).list())
                .as("decision binding latest: version 1 offices use the newest rules").hasSize(4)
                .allSatisfy(decision -> assertThat(decision.getDecisionDefinitionId()).isEqualTo(newestDecision));

        // A cycle launched before the upgrade starts its offices on version 2 (call activity binding latest)
        analyseNationally(national2567);
        String started = office(national2567, "P5002");
        assertThat(definitionOf(started)).isEqualTo(v2.getId());
        JsonNode newTask = single(tasks("P5002", "Task_AnalysePolicy", started));
        assertFormShown("P5002", newTask, "Form_AnalysePolicy");
        analyse("P5002", started);
        assertThat(passedNewStep(started)).isTrue();

        // The reminders of a task opened under release 1 still go out, and stop when the task is done
        assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(oldDeadline).count())
                .isOne();
        Job reminder = bean(ManagementService.class).createJobQuery().processInstanceId(oldDeadline).timers()
                .singleResult();
        ClockUtil.setCurrentTime(reminder.getDuedate());
        runJobsOf(oldDeadline);
        JsonNode notices = user("obec-admin").get("/api/admin/notifications?taskId=" + oldPlanTask).ok().body();
        assertThat(notices.get("total").asLong()).as("notices of the task opened before the upgrade").isPositive();
        user("P5001").complete(single(tasks("P5001", "Task_PlanProjects", p5001)),
                CycleFormValues.plan(List.of(CycleFormValues.project("โครงการโรงเรียนปลอดภัย", 150000, "1, 2"))));
        assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(oldDeadline).count())
                .as("the task's deadline process ends with it").isZero();
        assertThat(single(tasks("director.P5001", "Task_ReviewPlan", p5001)).get("processDefinitionId").asText())
                .isEqualTo(v2.getId());

        assertThat(bean(RuntimeService.class).createIncidentQuery().count()).isZero();
    }

    // ---- the installation: models and forms in a folder of their own, as a release puts them there

    /** Copies the shipped models and forms into the installation folder; {@code change} edits the office process. */
    private void install(java.util.function.Consumer<BpmnModelInstance> change) throws IOException {
        Files.createDirectories(installation.resolve("processes"));
        Files.createDirectories(installation.resolve("forms"));
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            copy(resource, installation.resolve("forms").resolve(resource.getFilename()));
        }
        for (String model : SHIPPED) {
            Path target = installation.resolve(model);
            if (change != null && model.endsWith("AreaOfficeCycle.bpmn")) {
                BpmnModelInstance instance;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(model)) {
                    instance = Bpmn.readModelFromStream(in);
                }
                change.accept(instance);
                try (OutputStream out = Files.newOutputStream(target)) {
                    Bpmn.writeModelToStream(out, instance);
                }
            } else {
                copy(new org.springframework.core.io.ClassPathResource(model), target);
            }
        }
    }

    /**
     * Release 2's office process: after the analysis, a new step (a milestone event) before the planning starts,
     * the plan task renamed, version tag 1.1. Element ids stay, so running offices can be migrated.
     */
    private void addAStepAndRenameAPlanTask(BpmnModelInstance model) {
        Process process = model.getModelElementById(OFFICE_PROCESS);
        process.setCamundaVersionTag("1.1");
        SequenceFlow analysisDone = model.getModelElementById("Flow_AnalysisDone");
        SubProcess planning = model.getModelElementById("SubProcess_Planning");
        IntermediateThrowEvent milestone = model.newInstance(IntermediateThrowEvent.class);
        milestone.setId(NEW_STEP);
        milestone.setName("บันทึกผลการวิเคราะห์แล้ว");
        process.addChildElement(milestone);
        SequenceFlow toPlanning = model.newInstance(SequenceFlow.class);
        toPlanning.setId("Flow_AnalysisRecorded");
        process.addChildElement(toPlanning);
        analysisDone.setTarget(milestone);
        toPlanning.setSource(milestone);
        toPlanning.setTarget(planning);
        planning.getIncoming().remove(analysisDone);
        planning.getIncoming().add(toPlanning);
        milestone.getIncoming().add(analysisDone);
        milestone.getOutgoing().add(toPlanning);
        UserTask planTask = model.getModelElementById("Task_PlanProjects");
        planTask.setName(NEW_PLAN_TASK_NAME);
    }

    private static void copy(Resource resource, Path target) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private int formCount() throws IOException {
        try (var files = Files.list(installation.resolve("forms"))) {
            return (int) files.count();
        }
    }

    /** Starts the application on the installation's database and models, as the service would be started. */
    private void start() {
        String[] db = database();
        String folder = installation.toUri().toString();
        app = new SpringApplicationBuilder(ApimrApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=" + db[0],
                "--spring.datasource.username=" + db[1],
                "--spring.datasource.password=" + db[2],
                "--camunda.bpm.deployment-resource-pattern[0]=" + folder + "processes/**/*.bpmn",
                "--camunda.bpm.deployment-resource-pattern[1]=" + folder + "processes/**/*.dmn",
                "--camunda.bpm.deployment-resource-pattern[2]=" + folder + "forms/**/*.form");
        port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        users.clear();
    }

    private <T> T bean(Class<T> type) {
        return app.getBean(type);
    }

    private List<String> resourceNames(String deploymentId) {
        return bean(RepositoryService.class).getDeploymentResourceNames(deploymentId).stream()
                .map(name -> Path.of(name).getFileName().toString()).sorted().collect(Collectors.toList());
    }

    private String definitionOf(String processInstanceId) {
        ProcessInstance instance = bean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance.getProcessDefinitionId();
    }

    private boolean passedNewStep(String processInstanceId) {
        return bean(HistoryService.class).createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(NEW_STEP).finished().count() == 1;
    }

    private String deadlineProcessOf(String taskId) {
        return bean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("Process_TaskDeadline")
                .processInstanceBusinessKey(taskId).singleResult().getId();
    }

    // ---- users and their steps, through the engine REST API as Tasklist does them

    /** "obec-admin", "analyst", an office code (its coordinator), "director.Pxxxx" or "reviewer.NN"; the operator. */
    private EngineRestClient user(String who) {
        return users.computeIfAbsent(who, key -> {
            if (key.equals(OPERATOR)) {
                return new EngineRestClient(port, OPERATOR, OPERATOR_PASSWORD);
            }
            String id;
            String group;
            if (key.equals("obec-admin")) {
                id = "up.admin";
                group = Groups.OBEC_ADMIN;
            } else if (key.equals("analyst")) {
                id = "up.analyst";
                group = Groups.OBEC_MONITOR;
            } else if (key.startsWith("director.")) {
                id = "up.director." + key.substring(9);
                group = Groups.directors(key.substring(9));
            } else if (key.startsWith("reviewer.")) {
                id = "up.reviewer." + key.substring(9);
                group = Groups.reviewers(key.substring(9));
            } else {
                id = "up.coord." + key;
                group = Groups.coordinators(key);
            }
            TestUsers.ensure(bean(IdentityService.class), id, PASSWORD, id + "@apimr.test", group);
            return new EngineRestClient(port, id, PASSWORD);
        });
    }

    /** The form Tasklist renders for the task: its form key and the form definition it loads. */
    private void assertFormShown(String who, JsonNode task, String formId) {
        String taskId = task.get("id").asText();
        JsonNode form = user(who).get("/engine-rest/task/" + taskId + "/form").ok().body();
        assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo(formId);
        assertThat(form.path("camundaFormRef").path("binding").asText()).isEqualTo("deployment");
        JsonNode deployed = user(who).get("/engine-rest/task/" + taskId + "/deployed-form").ok().body();
        assertThat(deployed.get("id").asText()).isEqualTo(formId);
        assertThat(deployed.get("components")).isNotEmpty();
    }

    private void analyseNationally(String nationalInstanceId) {
        EngineRestClient analyst = user("analyst");
        analyst.complete(single(tasks("analyst", "Task_AnalyseNationalPolicy", nationalInstanceId)),
                CycleFormValues.nationalAnalysis());
        runDueJobs();
    }

    private String office(String nationalInstanceId, String officeCode) {
        ProcessInstance office = bean(RuntimeService.class).createProcessInstanceQuery()
                .superProcessInstanceId(nationalInstanceId).list().stream()
                .filter(instance -> instance.getBusinessKey().endsWith("-" + officeCode)).findFirst().orElseThrow();
        return office.getId();
    }

    private void analyse(String office, String instanceId) {
        EngineRestClient coordinator = user(office);
        JsonNode task = single(tasks(office, "Task_AnalysePolicy", instanceId));
        Map<String, JsonNode> form = coordinator.formVariables(task.get("id").asText());
        coordinator.complete(task, CycleFormValues.analysis(form.get("indicatorTargets"), List.of("1", "2")));
    }

    private void plan(String office, String instanceId) {
        user(office).complete(single(tasks(office, "Task_PlanProjects", instanceId)),
                CycleFormValues.plan(List.of(CycleFormValues.project("โครงการโรงเรียนปลอดภัย", 150000, "1, 2"))));
        user("director." + office).complete(single(tasks("director." + office, "Task_ReviewPlan", instanceId)),
                Map.of("planDecision", "APPROVE"));
    }

    /** From the recorded implementation to the office's end: both rounds' reports and reviews, the reflection. */
    private void plannedOfficeRunsToItsEnd(String office, String instanceId) {
        EngineRestClient coordinator = user(office);
        JsonNode task = single(tasks(office, "Task_RecordImplementation", instanceId));
        JsonNode progress = coordinator.formVariables(task.get("id").asText()).get("projectProgress");
        coordinator.complete(task, CycleFormValues.implementation(progress, null));
        String region = office.equals("P4001") ? "12" : "15";
        for (String round : List.of("MidYear", "Annual")) {
            List<JsonNode> reports = tasks(office, "Task_Submit" + round + "Report", instanceId);
            assertThat(reports).hasSize(2);
            assertFormShown(office, reports.get(0), "Form_SubmitIndicatorReport");
            for (JsonNode report : reports) {
                Map<String, JsonNode> form = coordinator.formVariables(report.get("id").asText());
                coordinator.complete(report, CycleFormValues.report(CycleFormValues.counts(form.get("counts"), 100, 90)));
            }
            EngineRestClient reviewer = user("reviewer." + region);
            List<JsonNode> reviews = tasks("reviewer." + region, "Task_Review" + round + "Report", instanceId);
            assertThat(reviews).hasSize(2);
            for (JsonNode review : reviews) {
                assertFormShown("reviewer." + region, review, "Form_ReviewIndicatorReport");
                Map<String, JsonNode> form = reviewer.formVariables(review.get("id").asText());
                assertThat(form.get("qualityLevel").isNull()).as("the decision's suggestion").isFalse();
                reviewer.complete(review, CycleFormValues.accept("4"));
            }
            runDueJobs();
        }
        JsonNode reflection = single(tasks(office, "Task_ReflectOnCycle", instanceId));
        assertFormShown(office, reflection, "Form_ReflectOnCycle");
        coordinator.complete(reflection, CycleFormValues.officeReflection());
        runDueJobs();
    }

    private List<JsonNode> tasks(String who, String taskKey, String processInstanceId) {
        return user(who).myTasks(taskKey).stream()
                .filter(t -> t.get("processInstanceId").asText().equals(processInstanceId)).toList();
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    /** Runs every job that is due now, as the job executor would, until none is left. */
    private void runDueJobs() {
        ManagementService management = bean(ManagementService.class);
        DueJobs.run(management, 100);
    }

    private void runJobsOf(String processInstanceId) {
        ManagementService management = bean(ManagementService.class);
        DueJobs.run(management,
                () -> management.createJobQuery().processInstanceId(processInstanceId).executable().list(), 20);
    }
}
