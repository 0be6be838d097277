package th.obec.apimr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.MeasureView;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * {@code Task_SubmitMidYearReport} and {@code Task_SubmitAnnualReport}: the office reports on one indicator.
 * After a return the form shows the previous answers and the reviewer's comments; each submission is a new
 * revision. Sets the inputs of {@code Decision_SuggestQualityLevel} on the report's sub-process instance.
 */
@Component
class SubmitReportHandler implements TaskFormHandler {

    private final ReportService reports;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;
    private final OfficeService offices;

    SubmitReportHandler(ReportService reports, CycleService cycles, IndicatorCatalogue catalogue,
                        OfficeService offices) {
        this.reports = reports;
        this.cycles = cycles;
        this.catalogue = catalogue;
        this.offices = offices;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("Task_SubmitMidYearReport", "Task_SubmitAnnualReport");
    }

    @Override
    @Transactional
    public Map<String, Object> prefill(DelegateTask task) {
        ReportTarget target = ReportTarget.of(task, cycles, catalogue, offices);
        Optional<IndicatorReport> report = reports.find(target.officeCycleId(), target.round(), target.indicatorCode());
        ReportRevision previous = report.map(IndicatorReport::current).orElse(null);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put(ReportForm.OFFICE_NAME, TaskContext.officeName(task));
        form.put(ReportForm.ROUND_LABEL, target.round().labelTh());
        form.put(ReportForm.INDICATOR_CODE, target.indicatorCode());
        form.put(ReportForm.INDICATOR_TITLE, ReportForm.indicatorTitle(target.indicator()));
        form.put(ReportForm.RETURN_COMMENTS, report
                .filter(r -> r.getStatus() == ReportStatus.RETURNED)
                .flatMap(IndicatorReport::latestReview)
                .map(ReportReview::getComments)
                .orElse(null));
        form.put(ReportForm.COUNTS, counts(target, previous));
        form.put(ReportForm.STEPS_TAKEN, previous == null ? null : previous.getStepsTaken());
        form.put(ReportForm.PRACTICES, previous == null ? List.of()
                : previous.getPractices().stream().map(ReportForm::practiceItem).toList());
        form.put(ReportForm.PROBLEMS_OBEC, previous == null ? null : previous.getProblemsObec());
        form.put(ReportForm.PROBLEMS_OFFICE, previous == null ? null : previous.getProblemsOffice());
        form.put(ReportForm.RECOMMENDATIONS_OBEC, previous == null ? null : previous.getRecommendationsObec());
        form.put(ReportForm.RECOMMENDATIONS_OFFICE, previous == null ? null : previous.getRecommendationsOffice());
        form.put(ReportForm.SELF_ASSESSED_LEVEL,
                ReportForm.selectValue(previous == null ? null : previous.getSelfAssessedLevel()));
        return form;
    }

    @Override
    @Transactional
    public void submit(DelegateTask task, FormInput input) {
        ReportTarget target = ReportTarget.of(task, cycles, catalogue, offices);
        ReportContent content = ReportForm.read(input, target.indicator(), target.measures());
        IndicatorReport report = reports.submit(target.officeCycle(), target.round(), target.indicatorCode(), content,
                TaskContext.actor(task), TaskContext.now());

        DelegateExecution execution = task.getExecution();
        execution.setVariableLocal(ReportVariables.REPORT_ID, report.getId());
        execution.setVariableLocal(ReportVariables.ACHIEVEMENT_PERCENT,
                ReportContent.achievementPercent(content.counts()));
        execution.setVariableLocal(ReportVariables.EVIDENCE_SCORE, content.evidenceScore());
        execution.setVariableLocal(ReportVariables.SELF_ASSESSED_LEVEL, content.selfAssessedLevel());
    }

    /**
     * One item per measure the office reports, with the previous revision's numbers; the first annual report
     * starts from the bases of the mid-year report (the same schools and learners), so they are entered once.
     */
    private List<Map<String, Object>> counts(ReportTarget target, ReportRevision previous) {
        Map<String, MeasureCount> known = new LinkedHashMap<>();
        if (previous != null) {
            previous.getCounts().forEach(count -> known.put(count.getMeasureCode(), count));
        } else if (target.round() == Round.ANNUAL) {
            reports.find(target.officeCycleId(), Round.MID_YEAR, target.indicatorCode())
                    .map(IndicatorReport::current)
                    .ifPresent(midYear -> midYear.getCounts().forEach(count -> known.put(count.getMeasureCode(),
                            new MeasureCount(count.getMeasureCode(), null, count.getBase()))));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (MeasureView measure : target.measures()) {
            items.add(ReportForm.countItem(measure, known.remove(measure.code())));
        }
        if (previous != null) {
            // counts kept for a measure outside the office's level stay visible, so they are not lost
            known.values().forEach(count -> target.indicator().measure(count.getMeasureCode())
                    .ifPresent(measure -> items.add(ReportForm.countItem(measure, count))));
        }
        return items;
    }
}
