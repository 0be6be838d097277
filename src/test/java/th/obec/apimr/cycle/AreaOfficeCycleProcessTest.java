package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.obec.apimr.cycle.ModelTestSupport.CYCLE_ID;
import static th.obec.apimr.cycle.ModelTestSupport.FISCAL_YEAR;
import static th.obec.apimr.cycle.ModelTestSupport.assertUserTask;
import static th.obec.apimr.cycle.ModelTestSupport.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Process_AreaOfficeCycle on its own: every path through the five APIMR steps of one office, with the beans of the
 * model replaced by test doubles and the real quality-level decision.
 */
class AreaOfficeCycleProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ModelTestSupport.coverageExtension();

    private static final String COORDINATORS = "office-P5002-coordinators";
    private static final String DIRECTORS = "office-P5002-directors";
    private static final String REVIEWERS = "region-15-reviewers";
    private static final List<String> REPORT_VARIABLES = List.of("reportId", "reviewDecision", "suggestedLevel",
            "achievementPercent", "evidenceScore", "selfAssessedLevel", "indicatorCode");

    private RepositoryService repositoryService;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;
    private FormService formService;
    private HistoryService historyService;
    private ModelTestSupport.Beans beans;
    private String deploymentId;
    private long nextReportId = 1000;

    @BeforeEach
    void deployAndRegisterBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        repositoryService = extension.getRepositoryService();
        runtimeService = extension.getRuntimeService();
        taskService = extension.getTaskService();
        managementService = extension.getManagementService();
        formService = extension.getFormService();
        historyService = extension.getHistoryService();
        beans = new ModelTestSupport.Beans().register();
        deploymentId = ModelTestSupport.deploy(repositoryService,
                "processes/AreaOfficeCycle.bpmn", "processes/SuggestQualityLevel.dmn");
        ClockUtil.setCurrentTime(at(LocalDate.of(2022, 11, 1), 9, 0));
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        // open tasks are deleted with the deployment: their listeners still need the test doubles
        repositoryService.deleteDeployment(deploymentId, true);
        Mocks.reset();
    }

    @Test
    void returnedPlanDirectorDecisionAndReturnedReportsInBothRounds() {
        beans.reportPlan.indicatorCodes = List.of("1", "2", "6a");
        ProcessInstance office = startOffice();

        // Opening: the in variables reach the delegate, which sets the groups every task uses
        assertThat(beans.openOfficeCycle.calls).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("cycleId", CYCLE_ID).containsEntry("fiscalYear", FISCAL_YEAR)
                    .containsEntry("officeCode", "P5002");
        });

        // A
        Task analyse = single(office, "Task_AnalysePolicy");
        assertUserTask(formService, analyse, COORDINATORS, Deadline.ANALYSIS, "Form_AnalysePolicy");
        complete(analyse, Map.of());

        // P: returned once, then approved
        Task plan = single(office, "Task_PlanProjects");
        assertUserTask(formService, plan, COORDINATORS, Deadline.PLAN, "Form_PlanProjects");
        complete(plan, Map.of());
        Task review = single(office, "Task_ReviewPlan");
        assertUserTask(formService, review, DIRECTORS, Deadline.PLAN_APPROVAL, "Form_ReviewPlan");
        complete(review, Map.of("planDecision", "RETURN"));
        complete(single(office, "Task_PlanProjects"), Map.of());
        complete(single(office, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));

        // I: a decision asked of the director, then progress without one
        Task record = single(office, "Task_RecordImplementation");
        assertUserTask(formService, record, COORDINATORS, Deadline.IMPLEMENTATION, "Form_RecordImplementation");
        complete(record, Map.of("decisionRequested", true));
        Task decide = single(office, "Task_DecideOnImplementation");
        assertUserTask(formService, decide, DIRECTORS, Deadline.IMPLEMENTATION, "Form_DecideOnImplementation");
        complete(decide, Map.of());
        complete(single(office, "Task_RecordImplementation"), Map.of("decisionRequested", false));

        // M: both rounds, three indicators in parallel, one report returned in each
        reportRoundWithOneReturn(office, "MidYear", Round.MID_YEAR);
        reportRoundWithOneReturn(office, "Annual", Round.ANNUAL);

        // R
        Task reflect = single(office, "Task_ReflectOnCycle");
        assertUserTask(formService, reflect, COORDINATORS, Deadline.REFLECTION, "Form_ReflectOnCycle");
        assertThat(beans.closeOfficeCycle.calls).isEmpty();
        complete(reflect, Map.of());

        BpmnAwareTests.assertThat(office).isEnded();
        assertThat(beans.closeOfficeCycle.calls).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("officeCycleId", 5102L));
        assertThat(beans.officeCycles.phases.get(5102L)).containsExactly(Phase.ANALYSIS, Phase.PLANNING,
                Phase.IMPLEMENTATION, Phase.MONITORING_MID_YEAR, Phase.MONITORING_ANNUAL, Phase.REFLECTION);
        assertThat(tasksDone(office, "Task_PlanProjects")).isEqualTo(2);
        assertThat(tasksDone(office, "Task_RecordImplementation")).isEqualTo(2);
        assertThat(tasksDone(office, "Task_SubmitMidYearReport")).isEqualTo(4);
        assertThat(tasksDone(office, "Task_ReviewAnnualReport")).isEqualTo(4);
        assertEveryTaskHadBothListeners(office);
    }

    @Test
    void planApprovedAtOnceNoDecisionAndOneIndicator() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("Process_AreaOfficeCycle").deploymentId(deploymentId).singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(definition.getVersionTag()).isEqualTo("1.0");
        beans.reportPlan.indicatorCodes = List.of("4");
        ProcessInstance office = startOffice();

        complete(single(office, "Task_AnalysePolicy"), Map.of());
        complete(single(office, "Task_PlanProjects"), Map.of());
        complete(single(office, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));
        complete(single(office, "Task_RecordImplementation"), Map.of("decisionRequested", false));
        for (String prefix : List.of("MidYear", "Annual")) {
            Task submit = single(office, "Task_Submit" + prefix + "Report");
            assertThat(taskService.getVariable(submit.getId(), "indicatorCode")).isEqualTo("4");
            complete(submit, report(100.0, 5, 5));
            Task review = single(office, "Task_Review" + prefix + "Report");
            assertThat(taskService.getVariable(review.getId(), "suggestedLevel")).isEqualTo(5);
            complete(review, Map.of("reviewDecision", "ACCEPT"));
            execute(closeRoundJob(office, prefix));
        }
        complete(single(office, "Task_ReflectOnCycle"), Map.of());

        BpmnAwareTests.assertThat(office).isEnded();
        BpmnAwareTests.assertThat(office).hasNotPassed("Task_DecideOnImplementation");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(office.getId()).count())
                .isEqualTo(9);
        assertThat(beans.closeRound.calls).extracting(call -> call.get("round")).containsExactly("MID_YEAR", "ANNUAL");
    }

    @Test
    void closingARoundIsRetriedEveryFiveMinutesWhenItFails() {
        beans.reportPlan.indicatorCodes = List.of("1");
        ProcessInstance office = startOffice();
        complete(single(office, "Task_AnalysePolicy"), Map.of());
        complete(single(office, "Task_PlanProjects"), Map.of());
        complete(single(office, "Task_ReviewPlan"), Map.of("planDecision", "APPROVE"));
        complete(single(office, "Task_RecordImplementation"), Map.of("decisionRequested", false));
        complete(single(office, "Task_SubmitMidYearReport"), report(75.0, 2, 3));
        complete(single(office, "Task_ReviewMidYearReport"), Map.of("reviewDecision", "ACCEPT"));

        // The reviewer's completion has committed; the round closes in a job of its own
        Job job = closeRoundJob(office, "MidYear");
        Mocks.register("closeRoundDelegate", new ModelTestSupport.Delegate((execution, call) -> {
            throw new IllegalStateException("database unavailable");
        }));
        ModelTestSupport.withoutFailureLogging(() -> assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                .hasMessageContaining("database unavailable"));
        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), failed.getDuedate().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));

        Mocks.register("closeRoundDelegate", beans.closeRound);
        managementService.executeJob(job.getId());
        BpmnAwareTests.assertThat(office).isWaitingAt("Task_SubmitAnnualReport");
        assertThat(beans.closeRound.calls).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("round", "MID_YEAR"));
    }

    // Steps ----------------------------------------------------------------------------------------------------------

    private ProcessInstance startOffice() {
        return runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle", "FY2566-P5002",
                Map.of("cycleId", CYCLE_ID, "fiscalYear", FISCAL_YEAR, "officeCode", "P5002"));
    }

    /**
     * Three indicators report in parallel; the suggestion of each comes from its own inputs; the reviewer returns
     * indicator 2 once; the round closes asynchronously once all three are accepted.
     */
    private void reportRoundWithOneReturn(ProcessInstance office, String prefix, Round round) {
        Map<String, Task> submits = byIndicator(tasks(office, "Task_Submit" + prefix + "Report"));
        assertThat(submits).containsOnlyKeys("1", "2", "6a");
        submits.values().forEach(task -> {
            assertUserTask(formService, task, COORDINATORS, round.reportDeadline(), "Form_SubmitIndicatorReport");
            assertThat(taskService.getVariable(task.getId(), "round")).isEqualTo(round.name());
        });
        complete(submits.get("1"), report(95.0, 5, 4));
        complete(submits.get("2"), report(62.0, 3, 3));
        complete(submits.get("6a"), report(null, 4, 3));

        Map<String, Task> reviews = byIndicator(tasks(office, "Task_Review" + prefix + "Report"));
        assertThat(reviews).containsOnlyKeys("1", "2", "6a");
        reviews.values().forEach(task ->
                assertUserTask(formService, task, REVIEWERS, round.reviewDeadline(), "Form_ReviewIndicatorReport"));
        assertThat(taskService.getVariable(reviews.get("1").getId(), "suggestedLevel")).isEqualTo(5);
        assertThat(taskService.getVariable(reviews.get("2").getId(), "suggestedLevel")).isEqualTo(2);
        assertThat(taskService.getVariable(reviews.get("6a").getId(), "suggestedLevel")).isEqualTo(4);
        Object returnedReportId = taskService.getVariable(reviews.get("2").getId(), "reportId");

        complete(reviews.get("2"), Map.of("reviewDecision", "RETURN"));
        complete(reviews.get("1"), Map.of("reviewDecision", "ACCEPT"));
        Task again = single(office, "Task_Submit" + prefix + "Report");
        assertThat(taskService.getVariable(again.getId(), "indicatorCode")).isEqualTo("2");
        assertThat(taskService.getVariable(again.getId(), "reportId")).isEqualTo(returnedReportId);
        complete(reviews.get("6a"), Map.of("reviewDecision", "ACCEPT"));
        complete(again, report(85.0, 3, 3));
        Task reviewAgain = single(office, "Task_Review" + prefix + "Report");
        assertThat(taskService.getVariable(reviewAgain.getId(), "suggestedLevel")).isEqualTo(4);

        int closedBefore = beans.closeRound.calls.size();
        complete(reviewAgain, Map.of("reviewDecision", "ACCEPT"));
        BpmnAwareTests.assertThat(office).isWaitingAt("Task_Close" + prefix + "Round");
        assertThat(beans.closeRound.calls).hasSize(closedBefore);
        execute(closeRoundJob(office, prefix));
        assertThat(beans.closeRound.calls).hasSize(closedBefore + 1);
        assertThat(beans.closeRound.calls.get(closedBefore))
                .containsEntry("round", round.name())
                .containsEntry("officeCycleId", 5102L)
                .containsEntry("activityId", "Task_Close" + prefix + "Round");
        // Each report's variables stayed in its own instance
        assertThat(runtimeService.getVariables(office.getId())).doesNotContainKeys(REPORT_VARIABLES.toArray(String[]::new));
    }

    private Map<String, Object> report(Double achievementPercent, int evidenceScore, int selfAssessedLevel) {
        // what the submission's complete listener sets on the report's instance
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportId", nextReportId++);
        variables.put("achievementPercent", achievementPercent);
        variables.put("evidenceScore", evidenceScore);
        variables.put("selfAssessedLevel", selfAssessedLevel);
        return variables;
    }

    // Helpers --------------------------------------------------------------------------------------------------------

    private void complete(Task task, Map<String, Object> variables) {
        taskService.complete(task.getId(), variables);
    }

    private void execute(Job job) {
        managementService.executeJob(job.getId());
    }

    private Job closeRoundJob(ProcessInstance office, String prefix) {
        Job job = managementService.createJobQuery().processInstanceId(office.getId())
                .activityId("Task_Close" + prefix + "Round").singleResult();
        assertThat(job).as("the job that closes the " + prefix + " round").isNotNull();
        return job;
    }

    private List<Task> tasks(ProcessInstance office, String key) {
        return taskService.createTaskQuery().processInstanceId(office.getId()).taskDefinitionKey(key).list();
    }

    private Task single(ProcessInstance office, String key) {
        List<Task> tasks = tasks(office, key);
        assertThat(tasks).as(key).hasSize(1);
        return tasks.get(0);
    }

    private Map<String, Task> byIndicator(List<Task> tasks) {
        Map<String, Task> byCode = new LinkedHashMap<>();
        for (Task task : tasks) {
            byCode.put((String) taskService.getVariable(task.getId(), "indicatorCode"), task);
        }
        assertThat(byCode).hasSameSizeAs(tasks);
        return byCode;
    }

    private long tasksDone(ProcessInstance office, String key) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(office.getId())
                .taskDefinitionKey(key).finished().count();
    }

    private void assertEveryTaskHadBothListeners(ProcessInstance office) {
        List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(office.getId()).list();
        assertThat(done).isNotEmpty();
        for (HistoricTaskInstance task : done) {
            long count = done.stream().filter(t -> t.getTaskDefinitionKey().equals(task.getTaskDefinitionKey())).count();
            assertThat(beans.taskForms.events.get(task.getTaskDefinitionKey())).as(task.getTaskDefinitionKey())
                    .filteredOn("create"::equals).hasSize((int) count);
            assertThat(beans.taskForms.events.get(task.getTaskDefinitionKey())).as(task.getTaskDefinitionKey())
                    .filteredOn("complete"::equals).hasSize((int) count);
            assertThat(beans.taskDeadlines.events.get(task.getTaskDefinitionKey())).as(task.getTaskDefinitionKey())
                    .filteredOn("create"::equals).hasSize((int) count);
            assertThat(beans.taskDeadlines.events.get(task.getTaskDefinitionKey())).as(task.getTaskDefinitionKey())
                    .filteredOn("complete"::equals).hasSize((int) count);
        }
    }
}
