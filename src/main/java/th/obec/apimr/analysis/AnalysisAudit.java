package th.obec.apimr.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/** Analyses as the audit trail records them. */
final class AnalysisAudit {

    static final String OFFICE_ENTITY = "OFFICE_ANALYSIS";
    static final String NATIONAL_ENTITY = "NATIONAL_ANALYSIS";

    private AnalysisAudit() {
    }

    static Map<String, Object> snapshot(OfficeAnalysis analysis) {
        if (analysis == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("analysisId", analysis.getId());
        state.put("participants", analysis.getParticipants());
        state.put("policyLinkage", analysis.getPolicyLinkage());
        state.put("contextSummary", analysis.getContextSummary());
        state.put("targets", analysis.getTargets().stream().map(target -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("indicatorCode", target.getIndicatorCode());
            item.put("chosen", target.isChosen());
            item.put("targetPercent", target.getTargetPercent());
            item.put("targetNote", target.getTargetNote());
            return item;
        }).toList());
        state.put("submittedBy", analysis.getSubmittedBy());
        state.put("submittedAt", analysis.getSubmittedAt());
        return state;
    }

    static Map<String, Object> snapshot(NationalAnalysis analysis) {
        if (analysis == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("analysisId", analysis.getId());
        state.put("policySummary", analysis.getPolicySummary());
        state.put("focusPoints", analysis.getFocusPoints());
        state.put("guidanceToOffices", analysis.getGuidanceToOffices());
        state.put("submittedBy", analysis.getSubmittedBy());
        state.put("submittedAt", analysis.getSubmittedAt());
        return state;
    }
}
