package th.obec.apimr.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * Task_PlanProjects with Form_PlanProjects: the coordinators plan the year's projects. After a return the form
 * opens with the projects as last submitted and the director's comments.
 */
@Component
@Transactional
class PlanProjectsHandler implements TaskFormHandler {

    static final String TASK = "Task_PlanProjects";
    static final String OFFICE_NAME = "officeName";
    static final String RETURN_COMMENTS = "returnComments";
    static final String PLAN_TITLE = "planTitle";
    static final String PLAN_SUMMARY = "planSummary";
    static final String PROJECTS = "projects";
    static final String NAME = "name";
    static final String STRATEGY = "strategy";
    static final String RESPONSIBLE_GROUP = "responsibleGroup";
    static final String BUDGET = "budget";
    static final String START_DATE = "startDate";
    static final String END_DATE = "endDate";
    static final String INDICATORS = "indicators";
    static final String TARGETS = "targets";

    static final int MAX_PROJECTS = 100;
    static final int MAX_CODE_LENGTH = 16;
    /**
     * A project's ceiling, just under ten billion baht. With at most {@value #MAX_PROJECTS} projects a plan adds up
     * to at most 999,999,999,999.00, which its NUMERIC(15,2) columns, the review form and the reports hold.
     */
    static final BigDecimal MAX_BUDGET = new BigDecimal("9999999999.99");

    private final PlanService plans;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;

    PlanProjectsHandler(PlanService plans, CycleService cycles, IndicatorCatalogue catalogue) {
        this.plans = plans;
        this.cycles = cycles;
        this.catalogue = catalogue;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK);
    }

    @Override
    public Map<String, Object> prefill(DelegateTask task) {
        OfficeCycleView officeCycle = cycles.officeCycle(TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID));
        Optional<Plan> plan = plans.plan(officeCycle.id());
        Optional<PlanRevision> last = plan.flatMap(Plan::latestRevision);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(RETURN_COMMENTS, plan.flatMap(Plan::returnComments).orElse(null));
        form.put(PLAN_TITLE, last.map(PlanRevision::getTitle)
                .orElse("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. " + officeCycle.fiscalYear()));
        form.put(PLAN_SUMMARY, last.map(PlanRevision::getSummary).orElse(null));
        form.put(PROJECTS, last.map(PlanProjectsHandler::projectItems).orElse(null));
        return form;
    }

    @Override
    public void submit(DelegateTask task, FormInput input) {
        OfficeCycleView officeCycle = cycles.officeCycle(TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID));
        String title = input.requiredText(PLAN_TITLE, FormInput.TEXTFIELD);
        String summary = input.text(PLAN_SUMMARY, FormInput.TEXTAREA);
        List<FormInput> items = input.list(PROJECTS, MAX_PROJECTS);
        if (items.isEmpty()) {
            throw input.error(PROJECTS, "ต้องมีโครงการอย่างน้อย 1 โครงการ", "at least one project is required");
        }
        FiscalYear fiscalYear = new FiscalYear(officeCycle.fiscalYear());
        Map<String, String> indicatorCodes = indicatorCodes(officeCycle.catalogueYear());
        List<PlanSubmission.ProjectInput> projects = new ArrayList<>();
        for (FormInput item : items) {
            projects.add(project(item, fiscalYear, officeCycle.catalogueYear(), indicatorCodes));
        }
        plans.submit(officeCycle.id(), new PlanSubmission(title, summary, projects),
                TaskContext.actor(task), TaskContext.now());
    }

    private static PlanSubmission.ProjectInput project(FormInput item, FiscalYear fiscalYear, int catalogueYear,
                                                       Map<String, String> knownCodes) {
        String name = item.requiredText(NAME, FormInput.TEXTFIELD);
        String strategy = item.text(STRATEGY, FormInput.TEXTFIELD);
        String responsibleGroup = item.text(RESPONSIBLE_GROUP, FormInput.TEXTFIELD);
        BigDecimal budget = item.amount(BUDGET, MAX_BUDGET);
        if (budget == null) {
            throw item.missing(BUDGET);
        }
        LocalDate start = dateInFiscalYear(item, START_DATE, fiscalYear);
        LocalDate end = dateInFiscalYear(item, END_DATE, fiscalYear);
        if (start != null && end != null && end.isBefore(start)) {
            throw item.error(END_DATE, "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "must not be before the start date");
        }
        List<String> codes = new ArrayList<>();
        for (String code : item.codes(INDICATORS, MAX_CODE_LENGTH)) {
            String known = knownCodes.get(code.toLowerCase(Locale.ROOT));
            if (known == null) {
                throw item.error(INDICATORS,
                        "ไม่มีตัวชี้วัดรหัส '" + code + "' ในรายการตัวชี้วัดปีงบประมาณ พ.ศ. " + catalogueYear,
                        "no indicator '" + code + "' in the catalogue of " + catalogueYear);
            }
            if (!codes.contains(known)) {
                codes.add(known);
            }
        }
        String targets = item.text(TARGETS, FormInput.TEXTAREA);
        return new PlanSubmission.ProjectInput(name, strategy, responsibleGroup, budget, start, end, codes, targets);
    }

    private static LocalDate dateInFiscalYear(FormInput item, String key, FiscalYear fiscalYear) {
        LocalDate date = item.date(key);
        if (date != null && !fiscalYear.contains(date)) {
            throw item.error(key, "ต้องอยู่ใน" + fiscalYear.describeTh(), "must lie within " + fiscalYear.describeEn());
        }
        return date;
    }

    /** The catalogue's codes by their lower-case form, so that {@code 6A} is taken as {@code 6a}. */
    private Map<String, String> indicatorCodes(int catalogueYear) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (IndicatorView indicator : catalogue.indicators(catalogueYear)) {
            codes.put(indicator.code().toLowerCase(Locale.ROOT), indicator.code());
        }
        return codes;
    }

    /** The projects of a revision as the form's dynamic list shows them. */
    static List<Map<String, Object>> projectItems(PlanRevision revision) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Project project : revision.getProjects()) {
            ProjectView view = project.toView();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(NAME, view.name());
            item.put(STRATEGY, view.strategy());
            item.put(RESPONSIBLE_GROUP, view.responsibleGroup());
            item.put(BUDGET, view.budget());
            item.put(START_DATE, view.startDate() == null ? null : view.startDate().toString());
            item.put(END_DATE, view.endDate() == null ? null : view.endDate().toString());
            item.put(INDICATORS, view.indicatorCodes().isEmpty() ? null : String.join(", ", view.indicatorCodes()));
            item.put(TARGETS, view.targets());
            items.add(item);
        }
        return items;
    }
}
