package th.obec.apimr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.context.ApplicationContext;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.FormVariables;

/**
 * Drives the report tasks as Tasklist would, for the report tests and for tests that need reports in a known
 * state (reflection, dashboards).
 */
public final class ReportFixtures {

    public static final String SUBMIT_MID_YEAR = "Task_SubmitMidYearReport";
    public static final String SUBMIT_ANNUAL = "Task_SubmitAnnualReport";
    public static final String REVIEW_MID_YEAR = "Task_ReviewMidYearReport";
    public static final String REVIEW_ANNUAL = "Task_ReviewAnnualReport";
    public static final int CATALOGUE_YEAR = 2566;

    private final SubmitReportHandler submitHandler;
    private final ReviewReportHandler reviewHandler;
    private final FormVariables formVariables;
    private final CycleService cycles;
    private final OfficeService offices;
    private final CommandExecutor commands;

    public ReportFixtures(ApplicationContext context) {
        this.submitHandler = context.getBean(SubmitReportHandler.class);
        this.reviewHandler = context.getBean(ReviewReportHandler.class);
        this.formVariables = context.getBean(FormVariables.class);
        this.cycles = context.getBean(CycleService.class);
        this.offices = context.getBean(OfficeService.class);
        this.commands = context.getBean(ProcessEngineConfigurationImpl.class).getCommandExecutorTxRequired();
    }

    /** A cycle of its own (FY2566 catalogue) with exactly these offices, in code order. */
    public List<TestOffice> cycle(int fiscalYear, String... officeCodes) {
        CycleView cycle = cycles.register(new LaunchRequest(fiscalYear, CATALOGUE_YEAR,
                new LinkedHashSet<>(List.of(officeCodes)), Map.of()), "admin", null);
        return cycles.officeCycles(cycle.id()).stream()
                .map(oc -> new TestOffice(cycle.id(), oc.id(), oc.officeCode(),
                        offices.find(oc.officeCode()).map(OfficeView::shortNameTh).orElse(oc.officeCode()),
                        fiscalYear))
                .toList();
    }

    /** The submission task of one indicator in a round, with the variables the process gives it. */
    public static TaskStub submitTask(TestOffice office, Round round, String indicatorCode) {
        return new TaskStub(round == Round.MID_YEAR ? SUBMIT_MID_YEAR : SUBMIT_ANNUAL,
                variables(office, round, indicatorCode)).assignee("coord." + office.officeCode().toLowerCase());
    }

    /** The review task after a submission: it sees what the submission set on the sub-process instance. */
    public static TaskStub reviewTask(TaskStub submitted, TestOffice office, Round round, String indicatorCode,
                                      Integer suggestedLevel) {
        Map<String, Object> variables = variables(office, round, indicatorCode);
        variables.putAll(submitted.executionLocals());
        variables.put("suggestedLevel", suggestedLevel);
        return new TaskStub(round == Round.MID_YEAR ? REVIEW_MID_YEAR : REVIEW_ANNUAL, variables)
                .assignee("reviewer");
    }

    public Map<String, Object> prefill(TaskStub task) {
        String key = task.task().getTaskDefinitionKey();
        return key.startsWith("Task_Submit") ? submitHandler.prefill(task.task()) : reviewHandler.prefill(task.task());
    }

    /** Completes the task with the form's values inside an engine command, as the engine does (the handler refuses or saves). */
    public TaskStub complete(TaskStub task, Map<String, ?> form) {
        FormInput input = input(form);
        commands.execute(commandContext -> {
            if (task.task().getTaskDefinitionKey().startsWith("Task_Submit")) {
                submitHandler.submit(task.task(), input);
            } else {
                reviewHandler.submit(task.task(), input);
            }
            return null;
        });
        return task;
    }

    /** Submits a report: the given counts, steps taken and a self-assessed level of 3. */
    public TaskStub submit(TestOffice office, Round round, String indicatorCode, List<Map<String, Object>> counts) {
        return complete(submitTask(office, round, indicatorCode), form(counts));
    }

    /** Reviews a submitted report: {@code ACCEPT} with a level, or {@code RETURN} with comments. */
    public TaskStub review(TaskStub submitted, TestOffice office, Round round, String indicatorCode,
                           String decision, Integer level, String comments) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("reviewDecision", decision);
        form.put("qualityLevel", level);
        form.put("reviewComments", comments);
        return complete(reviewTask(submitted, office, round, indicatorCode, level), form);
    }

    public FormInput input(Map<String, ?> form) {
        return FormInput.of(form, formVariables);
    }

    /** A minimal valid report form with these counts. */
    public static Map<String, Object> form(List<Map<String, Object>> counts) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("counts", new ArrayList<>(counts));
        form.put("stepsTaken", "ประชุมชี้แจงสถานศึกษาและติดตามผลทุกเดือน");
        form.put("selfAssessedLevel", 3);
        return form;
    }

    /** One item of the counts list; null leaves a number empty. */
    public static Map<String, Object> count(String measureCode, Object achieved, Object base) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("measureCode", measureCode);
        item.put("achieved", achieved);
        item.put("base", base);
        return item;
    }

    private static Map<String, Object> variables(TestOffice office, Round round, String indicatorCode) {
        Map<String, Object> variables = new LinkedHashMap<>(office.variables());
        variables.put("round", round.name());
        variables.put("indicatorCode", indicatorCode);
        return variables;
    }
}
