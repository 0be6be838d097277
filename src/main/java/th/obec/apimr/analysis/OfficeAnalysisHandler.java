package th.obec.apimr.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
 * Task_AnalysePolicy with Form_AnalysePolicy: an office's coordinators analyse the policy against their context
 * and choose the catalogue indicators they take up, with a target for each.
 */
@Component
@Transactional
class OfficeAnalysisHandler implements TaskFormHandler {

    static final String TASK = "Task_AnalysePolicy";
    static final String OFFICE_NAME = "officeName";
    static final String FISCAL_YEAR = "fiscalYear";
    static final String NATIONAL_GUIDANCE = "nationalGuidance";
    static final String PARTICIPANTS = "participants";
    static final String POLICY_LINKAGE = "policyLinkage";
    static final String CONTEXT_SUMMARY = "contextSummary";
    static final String INDICATOR_TARGETS = "indicatorTargets";
    static final String CODE = "code";
    static final String TITLE = "title";
    static final String CHOSEN = "chosen";
    static final String TARGET_PERCENT = "targetPercent";
    static final String TARGET_NOTE = "targetNote";

    /** Far above any year's catalogue; bounds what a client can send. */
    static final int MAX_INDICATORS = 200;

    private final AnalysisService analyses;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;

    OfficeAnalysisHandler(AnalysisService analyses, CycleService cycles, IndicatorCatalogue catalogue) {
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
        OfficeCycleView officeCycle = cycles.officeCycle(TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID));
        Optional<OfficeAnalysis> saved = analyses.officeAnalysis(officeCycle.id());
        Map<String, IndicatorTarget> savedTargets = new HashMap<>();
        saved.ifPresent(a -> a.getTargets().forEach(t -> savedTargets.put(t.getIndicatorCode(), t)));

        List<Map<String, Object>> targets = new ArrayList<>();
        for (IndicatorView indicator : catalogue.indicators(officeCycle.catalogueYear())) {
            IndicatorTarget target = savedTargets.get(indicator.code());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(CODE, indicator.code());
            item.put(TITLE, indicator.titleTh());
            item.put(CHOSEN, target != null && target.isChosen());
            item.put(TARGET_PERCENT, target == null ? null : target.getTargetPercent());
            item.put(TARGET_NOTE, target == null ? null : target.getTargetNote());
            targets.add(item);
        }

        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(FISCAL_YEAR, officeCycle.fiscalYear());
        form.put(NATIONAL_GUIDANCE, analyses.nationalGuidance(officeCycle.cycleId()).orElse(null));
        form.put(PARTICIPANTS, saved.map(OfficeAnalysis::getParticipants).orElse(null));
        form.put(POLICY_LINKAGE, saved.map(OfficeAnalysis::getPolicyLinkage).orElse(null));
        form.put(CONTEXT_SUMMARY, saved.map(OfficeAnalysis::getContextSummary).orElse(null));
        form.put(INDICATOR_TARGETS, targets);
        return form;
    }

    @Override
    public void submit(DelegateTask task, FormInput input) {
        OfficeCycleView officeCycle = cycles.officeCycle(TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID));
        String participants = input.requiredText(PARTICIPANTS, FormInput.TEXTAREA);
        String policyLinkage = input.requiredText(POLICY_LINKAGE, FormInput.TEXTAREA);
        String contextSummary = input.text(CONTEXT_SUMMARY, FormInput.TEXTAREA);
        List<OfficeAnalysisInput.Target> targets = targets(input, officeCycle.catalogueYear());
        analyses.saveOffice(officeCycle.id(),
                new OfficeAnalysisInput(participants, policyLinkage, contextSummary, targets),
                TaskContext.actor(task), TaskContext.now());
    }

    /** The submitted list, one item per catalogue indicator; at least one chosen. Result in catalogue order. */
    private List<OfficeAnalysisInput.Target> targets(FormInput input, int catalogueYear) {
        List<IndicatorView> indicators = catalogue.indicators(catalogueYear);
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            order.put(key(indicators.get(i).code()), i);
        }
        Map<Integer, OfficeAnalysisInput.Target> byOrder = new TreeMap<>();
        for (FormInput item : input.list(INDICATOR_TARGETS, MAX_INDICATORS)) {
            String code = item.requiredText(CODE, FormInput.TEXTFIELD);
            Integer position = order.get(key(code));
            if (position == null) {
                throw item.error(CODE, "ไม่มีตัวชี้วัดรหัส '" + code + "' ในรายการตัวชี้วัดปีงบประมาณ พ.ศ. "
                        + catalogueYear, "no indicator '" + code + "' in the catalogue of " + catalogueYear);
            }
            if (byOrder.containsKey(position)) {
                throw item.error(CODE, "ตัวชี้วัด '" + code + "' ซ้ำ", "indicator '" + code + "' listed twice");
            }
            boolean chosen = item.flag(CHOSEN);
            // the form hides (and does not submit) the target of an indicator not chosen: only chosen ones count
            Long percent = chosen ? item.number(TARGET_PERCENT, 0, 100) : null;
            String note = chosen ? item.text(TARGET_NOTE, FormInput.TEXTFIELD) : null;
            byOrder.put(position, new OfficeAnalysisInput.Target(indicators.get(position).code(), position + 1,
                    chosen, percent == null ? null : percent.intValue(), note));
        }
        if (byOrder.values().stream().noneMatch(OfficeAnalysisInput.Target::chosen)) {
            throw input.error(INDICATOR_TARGETS, "ต้องเลือกตัวชี้วัดอย่างน้อย 1 ตัว", "choose at least one indicator");
        }
        return List.copyOf(byOrder.values());
    }

    private static String key(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
