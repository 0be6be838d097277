package th.obec.apimr.implementation;

import java.util.LinkedHashMap;
import java.util.Map;

/** An implementation record as the audit trail records it: progress, decisions, the question and its answer. */
final class ImplementationAudit {

    static final String ENTITY = "IMPLEMENTATION_RECORD";

    private ImplementationAudit() {
    }

    static Map<String, Object> snapshot(ImplementationRecord record) {
        if (record == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("recordId", record.getId());
        state.put("sequenceNo", record.getSequenceNo());
        state.put("progress", record.getProgress().stream().map(progress -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("projectId", progress.getProjectId());
            item.put("progressPercent", progress.getProgressPercent());
            item.put("status", progress.getStatus());
            item.put("note", progress.getNote());
            return item;
        }).toList());
        state.put("decisionsTaken", record.getDecisionsTaken());
        state.put("decisionRequested", record.isDecisionRequested());
        state.put("decisionQuestion", record.getDecisionQuestion());
        state.put("recordedBy", record.getRecordedBy());
        state.put("recordedAt", record.getRecordedAt());
        state.put("directorDecision", record.getDirectorDecision());
        state.put("decidedBy", record.getDecidedBy());
        state.put("decidedAt", record.getDecidedAt());
        return state;
    }
}
