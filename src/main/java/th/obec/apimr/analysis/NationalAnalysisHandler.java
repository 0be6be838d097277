package th.obec.apimr.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.system.OverviewText;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/** Task_AnalyseNationalPolicy with Form_AnalyseNationalPolicy: OBEC analyses the policy and guides the offices. */
@Component
@Transactional
class NationalAnalysisHandler implements TaskFormHandler {

    static final String TASK = "Task_AnalyseNationalPolicy";
    static final String FISCAL_YEAR = "fiscalYear";
    static final String CATALOGUE_OVERVIEW = "catalogueOverview";
    static final String POLICY_SUMMARY = "policySummary";
    static final String FOCUS_POINTS = "focusPoints";
    static final String GUIDANCE_TO_OFFICES = "guidanceToOffices";

    private final AnalysisService analyses;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;

    NationalAnalysisHandler(AnalysisService analyses, CycleService cycles, IndicatorCatalogue catalogue) {
        this.analyses = analyses;
        this.cycles = cycles;
        this.catalogue = catalogue;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK);
    }

    @Override
    public Map<String, Object> prefill(DelegateTask task) {
        Long cycleId = TaskContext.requiredId(task, TaskContext.CYCLE_ID);
        CycleView cycle = cycles.cycle(cycleId)
                .orElseThrow(() -> new IllegalStateException("No cycle " + cycleId));
        Optional<NationalAnalysis> saved = analyses.nationalAnalysis(cycleId);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(FISCAL_YEAR, cycle.fiscalYear());
        form.put(CATALOGUE_OVERVIEW, catalogueOverview(cycle.catalogueYear(), catalogue.indicators(cycle.catalogueYear())));
        form.put(POLICY_SUMMARY, saved.map(NationalAnalysis::getPolicySummary).orElse(null));
        form.put(FOCUS_POINTS, saved.map(NationalAnalysis::getFocusPoints).orElse(null));
        form.put(GUIDANCE_TO_OFFICES, saved.map(NationalAnalysis::getGuidanceToOffices).orElse(null));
        return form;
    }

    @Override
    public void submit(DelegateTask task, FormInput input) {
        Long cycleId = TaskContext.requiredId(task, TaskContext.CYCLE_ID);
        NationalAnalysisInput analysis = new NationalAnalysisInput(
                input.requiredText(POLICY_SUMMARY, FormInput.TEXTAREA),
                input.text(FOCUS_POINTS, FormInput.TEXTAREA),
                input.requiredText(GUIDANCE_TO_OFFICES, FormInput.TEXTAREA));
        analyses.saveNational(cycleId, analysis, TaskContext.actor(task), TaskContext.now());
    }

    /** The catalogue the offices will choose from, one line per indicator. */
    static String catalogueOverview(int catalogueYear, List<IndicatorView> indicators) {
        if (indicators.isEmpty()) {
            return "ยังไม่มีรายการตัวชี้วัดของปีงบประมาณ พ.ศ. " + catalogueYear;
        }
        String head = "ตัวชี้วัดนโยบายเร่งด่วน ปีงบประมาณ พ.ศ. " + catalogueYear
                + " (" + indicators.size() + " ตัวชี้วัด)";
        List<String> lines = indicators.stream()
                .map(i -> "ตัวชี้วัดที่ " + i.code() + " " + i.titleTh()
                        + (i.dimension() == null ? "" : " (" + i.dimension().labelTh() + ")"))
                .toList();
        return OverviewText.fit(head, lines, OverviewText.LINES, null,
                left -> "… และอีก " + left + " ตัวชี้วัด");
    }
}
