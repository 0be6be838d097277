package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static th.obec.apimr.cycle.ModelTestSupport.CYCLE_ID;
import static th.obec.apimr.cycle.ModelTestSupport.FISCAL_YEAR;
import static th.obec.apimr.cycle.ModelTestSupport.assertUserTask;
import static th.obec.apimr.cycle.ModelTestSupport.at;
import static th.obec.apimr.cycle.ModelTestSupport.deployedStartFormId;
import static th.obec.apimr.cycle.ModelTestSupport.due;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
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
 * Process_NationalCycle with the real office process below it: launch, the offices started one job each, both
 * rounds closed by message or by deadline, the offices finishing (also at the same moment), the national reflection.
 * The office process's own coverage is measured by {@link AreaOfficeCycleProcessTest}.
 */
class NationalCycleProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ModelTestSupport.coverageExtension("Process_AreaOfficeCycle");

    private static final String MONITORS = "obec-monitor";
    private static final String CALL_ACTIVITY = "CallActivity_AreaOfficeCycles";

    private RepositoryService repositoryService;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;
    private FormService formService;
    private HistoryService historyService;
    private IdentityService identityService;
    private ModelTestSupport.Beans beans;
    private String deploymentId;

    @BeforeEach
    void deployAndRegisterBeans() {
        BpmnAwareTests.init(extension.getProcessEngine());
        repositoryService = extension.getRepositoryService();
        runtimeService = extension.getRuntimeService();
        taskService = extension.getTaskService();
        managementService = extension.getManagementService();
        formService = extension.getFormService();
        historyService = extension.getHistoryService();
        identityService = extension.getIdentityService();
        beans = new ModelTestSupport.Beans().register();
        deploymentId = ModelTestSupport.deploy(repositoryService, "processes/NationalCycle.bpmn",
                "processes/AreaOfficeCycle.bpmn", "processes/SuggestQualityLevel.dmn");
        ClockUtil.setCurrentTime(at(LocalDate.of(2022, 10, 10), 9, 0));
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        // open tasks are deleted with the deployment: their listeners still need the test doubles
        repositoryService.deleteDeployment(deploymentId, true);
        Mocks.reset();
    }

    @Test
    void launchedWithTheLaunchFormByAnAdministrator() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("Process_NationalCycle").deploymentId(deploymentId).singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(definition.getVersionTag()).isEqualTo("1.0");
        assertThat(deployedStartFormId(formService, definition.getId())).isEqualTo("Form_LaunchCycle");

        ProcessInstance cycle = launch();

        assertThat(beans.registerCycle.calls).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("launchedBy", "obec.admin")
                .containsEntry("fiscalYear", FISCAL_YEAR));
        assertThat(runtimeService.getVariables(cycle.getId()))
                .containsEntry("cycleId", CYCLE_ID).containsEntry("fiscalYear", FISCAL_YEAR);
        Task analysis = single(cycle, "Task_AnalyseNationalPolicy");
        assertUserTask(formService, analysis, MONITORS, Deadline.NATIONAL_ANALYSIS, "Form_AnalyseNationalPolicy");
        assertThat(children(cycle)).as("no office starts before the national analysis").isEmpty();
    }

    @Test
    void roundsClosedByMessageThenOfficesFinishAndTheCycleCloses() {
        beans.cycleOffices.officeCodes = List.of("P4001", "P5001", "P5002");
        ProcessInstance cycle = launch();
        complete(single(cycle, "Task_AnalyseNationalPolicy"), Map.of());

        // The office list is read in a job, then each office starts in a job of its own
        execute(multiInstanceBodyJob(cycle));
        List<Job> starts = callActivityJobs(cycle);
        assertThat(starts).hasSize(3);
        assertThat(children(cycle)).isEmpty();
        starts.forEach(this::execute);
        List<ProcessInstance> offices = children(cycle);
        assertThat(offices).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("FY2566-P4001", "FY2566-P5001", "FY2566-P5002");
        for (ProcessInstance office : offices) {
            String officeCode = office.getBusinessKey().substring("FY2566-".length());
            assertThat(runtimeService.getVariables(office.getId())).containsEntry("cycleId", CYCLE_ID)
                    .containsEntry("fiscalYear", FISCAL_YEAR).containsEntry("officeCode", officeCode);
            BpmnAwareTests.assertThat(office).isWaitingAt("Task_AnalysePolicy");
        }

        // 6-month round: every office closed it
        assertThat(timerJob(cycle, "Event_MidYearReviewDeadline").getDuedate().toInstant())
                .isEqualTo(due(Deadline.MID_YEAR_REVIEW).toInstant());
        correlate(cycle, "MidYearRoundComplete");
        Task compileMidYear = single(cycle, "Task_CompileMidYearResults");
        assertUserTask(formService, compileMidYear, MONITORS, Deadline.MID_YEAR_COMPILE, "Form_CompileRoundResults");
        assertThat(taskService.getVariable(compileMidYear.getId(), "round")).isEqualTo("MID_YEAR");
        assertThat(jobs(cycle, "Event_MidYearReviewDeadline")).as("the deadline timer is cancelled").isEmpty();
        complete(compileMidYear, Map.of());

        // 12-month round
        assertThat(timerJob(cycle, "Event_AnnualReviewDeadline").getDuedate().toInstant())
                .isEqualTo(due(Deadline.ANNUAL_REVIEW).toInstant());
        correlate(cycle, "AnnualRoundComplete");
        Task compileAnnual = single(cycle, "Task_CompileAnnualResults");
        assertUserTask(formService, compileAnnual, MONITORS, Deadline.ANNUAL_COMPILE, "Form_CompileRoundResults");
        assertThat(taskService.getVariable(compileAnnual.getId(), "round")).isEqualTo("ANNUAL");
        complete(compileAnnual, Map.of());
        assertThat(tasks(cycle)).as("the reflection waits for every office").isEmpty();

        // The offices finish one after the other; each end continues the national process in a job
        for (ProcessInstance office : offices) {
            runOffice(office, null);
            BpmnAwareTests.assertThat(office).isEnded();
        }
        assertThat(tasks(cycle)).isEmpty();
        List<Job> ends = callActivityJobs(cycle);
        assertThat(ends).hasSize(3);
        ends.forEach(this::execute);
        assertThat(tasks(cycle)).isEmpty();
        execute(multiInstanceBodyJob(cycle));

        Task reflect = single(cycle, "Task_ReflectNationally");
        assertUserTask(formService, reflect, MONITORS, Deadline.NATIONAL_REFLECTION, "Form_ReflectNationally");
        assertThat(beans.closeCycle.calls).isEmpty();
        complete(reflect, Map.of());

        BpmnAwareTests.assertThat(cycle).isEnded()
                .hasPassed("Event_MidYearRoundComplete", "Event_AnnualRoundComplete")
                .hasNotPassed("Event_MidYearReviewDeadline", "Event_AnnualReviewDeadline");
        assertThat(beans.closeCycle.calls).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("cycleId", CYCLE_ID));
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        assertEveryTaskHadBothListeners(cycle);
    }

    @Test
    void roundsCloseAtTheirReviewDeadlinesWhenOfficesAreLate() {
        ProcessInstance cycle = launch();
        complete(single(cycle, "Task_AnalyseNationalPolicy"), Map.of());
        runJobs(cycle);
        ProcessInstance office = children(cycle).get(0);

        // The mid-year timer fires at the review deadline, not before
        Date midYearReview = due(Deadline.MID_YEAR_REVIEW);
        ClockUtil.setCurrentTime(new Date(midYearReview.getTime() - 60_000));
        assertThat(managementService.createJobQuery().timers().executable().count()).isZero();
        ClockUtil.setCurrentTime(new Date(midYearReview.getTime() + 60_000));
        Job midYearTimer = managementService.createJobQuery().timers().executable().singleResult();
        assertThat(midYearTimer.getProcessInstanceId()).isEqualTo(cycle.getId());
        execute(midYearTimer);
        assertThat(runtimeService.createEventSubscriptionQuery().eventName("MidYearRoundComplete").count())
                .as("the round's message is no longer awaited").isZero();
        complete(single(cycle, "Task_CompileMidYearResults"), Map.of());

        Date annualReview = due(Deadline.ANNUAL_REVIEW);
        ClockUtil.setCurrentTime(new Date(annualReview.getTime() + 60_000));
        Job annualTimer = managementService.createJobQuery().timers().executable().singleResult();
        assertThat(timerJob(cycle, "Event_AnnualReviewDeadline").getId()).isEqualTo(annualTimer.getId());
        execute(annualTimer);
        complete(single(cycle, "Task_CompileAnnualResults"), Map.of());
        BpmnAwareTests.assertThat(cycle)
                .hasPassed("Event_MidYearReviewDeadline", "Event_AnnualReviewDeadline")
                .hasNotPassed("Event_MidYearRoundComplete", "Event_AnnualRoundComplete");

        // The late office still finishes its cycle; then OBEC reflects
        BpmnAwareTests.assertThat(office).isWaitingAt("Task_AnalysePolicy");
        assertThat(tasks(cycle)).isEmpty();
        runOffice(office, null);
        runJobs(cycle);
        complete(single(cycle, "Task_ReflectNationally"), Map.of());
        BpmnAwareTests.assertThat(cycle).isEnded();
    }

    @Test
    void officesStartSideBySideInJobsTheJobExecutorNeedNotRunOneAfterTheOther() throws Exception {
        beans.cycleOffices.officeCodes = List.of("P4001", "P5001", "P5002");
        ProcessInstance cycle = launch();
        complete(single(cycle, "Task_AnalyseNationalPolicy"), Map.of());
        execute(multiInstanceBodyJob(cycle));

        // The job executor runs the exclusive jobs of one process instance one after the other, in one thread
        List<Job> starts = callActivityJobs(cycle);
        assertThat(starts).hasSize(3).allSatisfy(job -> assertThat(((JobEntity) job).isExclusive()).isFalse());
        assertThat(runConcurrently(starts)).isEmpty();

        assertThat(children(cycle)).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("FY2566-P4001", "FY2566-P5001", "FY2566-P5002");
        assertThat(callActivityJobs(cycle)).isEmpty();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void twoOfficesFinishingAtTheSameMomentDoNotBreakTheNationalProcess() throws Exception {
        beans.cycleOffices.officeCodes = List.of("P5001", "P5002");
        ProcessInstance cycle = launch();
        complete(single(cycle, "Task_AnalyseNationalPolicy"), Map.of());
        runJobs(cycle);
        correlate(cycle, "MidYearRoundComplete");
        complete(single(cycle, "Task_CompileMidYearResults"), Map.of());
        correlate(cycle, "AnnualRoundComplete");
        complete(single(cycle, "Task_CompileAnnualResults"), Map.of());

        // Both offices reach their last task, then both coordinators complete it
        List<ProcessInstance> offices = children(cycle);
        assertThat(offices).hasSize(2);
        offices.forEach(office -> runOffice(office, "Task_ReflectOnCycle"));
        offices.forEach(office -> complete(single(office, "Task_ReflectOnCycle"), Map.of()));
        offices.forEach(office -> BpmnAwareTests.assertThat(office).isEnded());

        // Their two continuations of the national process run at the same moment
        List<Job> ends = callActivityJobs(cycle);
        assertThat(ends).hasSize(2);
        int retries = ends.get(0).getRetries();
        List<Exception> failures = runConcurrently(ends);

        // At most the loser of the race fails, on the optimistic lock: it keeps its retries and is due again after
        // the retry interval (R5/PT5M), when it runs as the job executor would run it
        assertThat(failures).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(OptimisticLockingException.class));
        List<Job> left = callActivityJobs(cycle);
        assertThat(left).hasSize(failures.size());
        Date now = ClockUtil.getCurrentTime();
        assertThat(left).allSatisfy(job -> {
            assertThat(job.getRetries()).isEqualTo(retries);
            assertThat(job.getDuedate().getTime() - now.getTime()).isEqualTo(TimeUnit.MINUTES.toMillis(5));
        });
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        ClockUtil.setCurrentTime(new Date(now.getTime() + TimeUnit.MINUTES.toMillis(5)));
        runJobs(cycle);

        BpmnAwareTests.assertThat(cycle).isWaitingAt("Task_ReflectNationally");
        assertThat(tasks(cycle)).singleElement()
                .satisfies(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ReflectNationally"));
        assertThat(callActivityJobs(cycle)).isEmpty();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    // Steps ----------------------------------------------------------------------------------------------------------

    private ProcessInstance launch() {
        identityService.setAuthenticatedUserId("obec.admin");
        try {
            return runtimeService.startProcessInstanceByKey("Process_NationalCycle", "FY2566",
                    Map.of("fiscalYear", FISCAL_YEAR));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void correlate(ProcessInstance cycle, String message) {
        runtimeService.createMessageCorrelation(message).processInstanceId(cycle.getId()).correlateWithResult();
    }

    /** Runs both jobs in two threads released together; returns what they threw. */
    private List<Exception> runConcurrently(List<Job> jobs) throws Exception {
        CyclicBarrier together = new CyclicBarrier(jobs.size());
        ExecutorService threads = Executors.newFixedThreadPool(jobs.size());
        try {
            List<Future<Exception>> results = new ArrayList<>();
            for (Job job : jobs) {
                results.add(threads.submit(() -> {
                    beans.register(); // the test doubles are registered per thread
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        managementService.executeJob(job.getId());
                        return null;
                    } catch (Exception e) {
                        return e;
                    } finally {
                        Mocks.reset();
                    }
                }));
            }
            List<Exception> failures = new ArrayList<>();
            for (Future<Exception> result : results) {
                Exception failure = result.get(60, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            return failures;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Runs an office's cycle the shortest way, as its users and the job executor would, until it ends or until the
     * given task is open.
     */
    private void runOffice(ProcessInstance office, String stopAt) {
        for (int step = 0; step < 100; step++) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(office.getId()).count() == 0) {
                return;
            }
            List<Task> open = tasks(office);
            if (stopAt != null && open.stream().anyMatch(task -> task.getTaskDefinitionKey().equals(stopAt))) {
                return;
            }
            if (!open.isEmpty()) {
                Task task = open.get(0);
                taskService.complete(task.getId(), officeAnswers(task.getTaskDefinitionKey()));
                continue;
            }
            List<Job> jobs = managementService.createJobQuery().processInstanceId(office.getId()).executable().list();
            if (jobs.isEmpty()) {
                fail("Office " + office.getBusinessKey() + " waits for nothing the test can do");
            }
            execute(jobs.get(0));
        }
        fail("Office " + office.getBusinessKey() + " does not finish");
    }

    private static Map<String, Object> officeAnswers(String taskKey) {
        Map<String, Object> answers = new HashMap<>();
        switch (taskKey) {
            case "Task_ReviewPlan" -> answers.put("planDecision", "APPROVE");
            case "Task_RecordImplementation" -> answers.put("decisionRequested", false);
            case "Task_SubmitMidYearReport", "Task_SubmitAnnualReport" -> {
                answers.put("achievementPercent", 80.0);
                answers.put("evidenceScore", 3);
                answers.put("selfAssessedLevel", 4);
            }
            case "Task_ReviewMidYearReport", "Task_ReviewAnnualReport" -> answers.put("reviewDecision", "ACCEPT");
            default -> { }
        }
        return answers;
    }

    // Helpers --------------------------------------------------------------------------------------------------------

    private void complete(Task task, Map<String, Object> variables) {
        taskService.complete(task.getId(), variables);
    }

    private void execute(Job job) {
        managementService.executeJob(job.getId());
    }

    private List<Job> jobs(ProcessInstance cycle, String activityId) {
        return managementService.createJobQuery().processInstanceId(cycle.getId()).activityId(activityId).list();
    }

    /** The jobs of the offices' instances: starting one, or continuing after one ended. */
    private List<Job> callActivityJobs(ProcessInstance cycle) {
        return jobs(cycle, CALL_ACTIVITY);
    }

    /** The job of the multi-instance body: reading the office list, or leaving once every office ended. */
    private Job multiInstanceBodyJob(ProcessInstance cycle) {
        List<Job> jobs = jobs(cycle, CALL_ACTIVITY + "#multiInstanceBody");
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    /** Runs the process instance's due jobs, as the job executor would, until none is left. */
    private void runJobs(ProcessInstance cycle) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(cycle.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(this::execute);
        }
        fail("Jobs keep coming");
    }

    private Job timerJob(ProcessInstance cycle, String activityId) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(cycle.getId()).timers()
                .activityId(activityId).list();
        assertThat(timers).as(activityId).hasSize(1);
        return timers.get(0);
    }

    private List<ProcessInstance> children(ProcessInstance cycle) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(cycle.getId()).list();
    }

    private List<Task> tasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    }

    private Task single(ProcessInstance instance, String key) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .list();
        assertThat(tasks).as(key).hasSize(1);
        return tasks.get(0);
    }

    private void assertEveryTaskHadBothListeners(ProcessInstance cycle) {
        List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(cycle.getId()).list();
        assertThat(done).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactlyInAnyOrder(
                "Task_AnalyseNationalPolicy", "Task_CompileMidYearResults", "Task_CompileAnnualResults",
                "Task_ReflectNationally");
        for (HistoricTaskInstance task : done) {
            assertThat(beans.taskForms.events.get(task.getTaskDefinitionKey())).as(task.getTaskDefinitionKey())
                    .containsExactly("create", "complete");
            assertThat(beans.taskDeadlines.events.get(task.getTaskDefinitionKey())).as(task.getTaskDefinitionKey())
                    .containsExactly("create", "complete");
        }
    }
}
