package th.obec.apimr.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * {@code Task_ReviewMidYearReport} and {@code Task_ReviewAnnualReport}: a region reviewer screens a report and
 * accepts it with a quality level (the decision's suggestion prefilled) or returns it with comments.
 */
@Component
class ReviewReportHandler implements TaskFormHandler {

    static final String OFFICE_NAME = "officeName";
    static final String ROUND_LABEL = "roundLabel";
    static final String INDICATOR_TITLE = "indicatorTitle";
    static final String REPORT_OVERVIEW = "reportOverview";
    static final String SELF_ASSESSED_LEVEL = "selfAssessedLevel";
    static final String SUGGESTED_LEVEL_LABEL = "suggestedLevelLabel";
    static final String QUALITY_LEVEL = "qualityLevel";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_COMMENTS = "reviewComments";

    private final ReportService reports;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;
    private final OfficeService offices;

    ReviewReportHandler(ReportService reports, CycleService cycles, IndicatorCatalogue catalogue,
                        OfficeService offices) {
        this.reports = reports;
        this.cycles = cycles;
        this.catalogue = catalogue;
        this.offices = offices;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("Task_ReviewMidYearReport", "Task_ReviewAnnualReport");
    }

    @Override
    @Transactional
    public Map<String, Object> prefill(DelegateTask task) {
        ReportTarget target = ReportTarget.of(task, cycles, catalogue, offices);
        IndicatorReport report = report(task, target);
        ReportRevision revision = report.current();
        Integer suggested = ReportVariables.suggestedLevel(task);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(ROUND_LABEL, target.round().labelTh());
        form.put(INDICATOR_TITLE, ReportForm.indicatorTitle(target.indicator()));
        form.put(REPORT_OVERVIEW, ReportOverview.of(target.indicator(), report, revision));
        form.put(SELF_ASSESSED_LEVEL, ReportForm.selectValue(revision.getSelfAssessedLevel()));
        form.put(SUGGESTED_LEVEL_LABEL, QualityLevel.label(suggested));
        form.put(QUALITY_LEVEL, ReportForm.selectValue(suggested));
        form.put(REVIEW_DECISION, null);
        form.put(REVIEW_COMMENTS, null);
        return form;
    }

    @Override
    @Transactional
    public void submit(DelegateTask task, FormInput input) {
        ReviewDecision decision = ReviewDecision.valueOf(input.requiredChoice(REVIEW_DECISION,
                List.of(ReviewDecision.ACCEPT.name(), ReviewDecision.RETURN.name())));
        Integer level = null;
        String comments;
        if (decision == ReviewDecision.ACCEPT) {
            level = (int) input.requiredNumber(QUALITY_LEVEL, QualityLevel.MIN, QualityLevel.MAX);
            comments = input.text(REVIEW_COMMENTS, FormInput.TEXTAREA);
        } else {
            comments = input.requiredText(REVIEW_COMMENTS, FormInput.TEXTAREA);
        }
        ReportTarget target = ReportTarget.of(task, cycles, catalogue, offices);
        IndicatorReport report = report(task, target);
        reports.review(report, ReportVariables.suggestedLevel(task), decision, level, comments,
                TaskContext.actor(task), TaskContext.now());
        task.getExecution().setVariableLocal(ReportVariables.REVIEW_DECISION, decision.name());
    }

    /** The report the submission task recorded in {@code reportId}; else found by office, round and indicator. */
    private IndicatorReport report(DelegateTask task, ReportTarget target) {
        Long reportId = ReportVariables.reportId(task);
        return (reportId != null ? reports.find(reportId)
                : reports.find(target.officeCycleId(), target.round(), target.indicatorCode()))
                .orElseThrow(() -> new IllegalStateException("No report to review for office cycle "
                        + target.officeCycleId() + ", " + target.round() + ", indicator " + target.indicatorCode()));
    }
}
