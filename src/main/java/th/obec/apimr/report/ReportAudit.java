package th.obec.apimr.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** An indicator report as the audit trail records it: status, level, the current revision's content, the latest review. */
final class ReportAudit {

    static final String ENTITY = "INDICATOR_REPORT";

    private ReportAudit() {
    }

    static Map<String, Object> snapshot(IndicatorReport report) {
        if (report == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("reportId", report.getId());
        state.put("round", report.getRound());
        state.put("indicatorCode", report.getIndicatorCode());
        state.put("status", report.getStatus());
        state.put("revision", report.getRevision());
        state.put("qualityLevel", report.getQualityLevel());
        ReportRevision current = report.current();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("counts", current.getCounts().stream().map(count -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("measureCode", count.getMeasureCode());
            item.put("achieved", count.getAchieved());
            item.put("base", count.getBase());
            return item;
        }).toList());
        content.put("stepsTaken", current.getStepsTaken());
        content.put("practices", current.getPractices().stream().map(practice -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", practice.getName());
            item.put("ownerName", practice.getOwnerName());
            item.put("description", practice.getDescription());
            return item;
        }).toList());
        content.put("problemsObec", current.getProblemsObec());
        content.put("problemsOffice", current.getProblemsOffice());
        content.put("recommendationsObec", current.getRecommendationsObec());
        content.put("recommendationsOffice", current.getRecommendationsOffice());
        content.put("selfAssessedLevel", current.getSelfAssessedLevel());
        content.put("submittedBy", current.getSubmittedBy());
        content.put("submittedAt", current.getSubmittedAt());
        state.put("content", content);
        report.latestReview().ifPresent(review -> {
            Map<String, Object> latest = new LinkedHashMap<>();
            latest.put("revision", review.getRevision());
            latest.put("decision", review.getDecision());
            latest.put("qualityLevel", review.getQualityLevel());
            latest.put("comments", review.getComments());
            latest.put("reviewedBy", review.getReviewedBy());
            latest.put("reviewedAt", review.getReviewedAt());
            state.put("review", latest);
        });
        return state;
    }
}
