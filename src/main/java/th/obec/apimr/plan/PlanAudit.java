package th.obec.apimr.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** A plan as the audit trail records it: status, the latest revision with its projects, the latest review. */
final class PlanAudit {

    static final String ENTITY = "PLAN";

    private PlanAudit() {
    }

    /** The plan's state now, as plain values; null when there is no plan yet. */
    static Map<String, Object> snapshot(Plan plan) {
        if (plan == null) {
            return null;
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("planId", plan.getId());
        state.put("officeCycleId", plan.getOfficeCycleId());
        state.put("status", plan.getStatus());
        plan.latestRevision().ifPresent(revision -> {
            Map<String, Object> latest = new LinkedHashMap<>();
            latest.put("revisionNo", revision.getRevisionNo());
            latest.put("title", revision.getTitle());
            latest.put("summary", revision.getSummary());
            latest.put("totalBudget", revision.totalBudget());
            latest.put("submittedBy", revision.getSubmittedBy());
            latest.put("submittedAt", revision.getSubmittedAt());
            latest.put("projects", revision.getProjects().stream().map(Project::toView).toList());
            state.put("revision", latest);
        });
        plan.latestReview().ifPresent(review -> {
            Map<String, Object> latest = new LinkedHashMap<>();
            latest.put("decision", review.getDecision());
            latest.put("comments", review.getComments());
            latest.put("reviewer", review.getReviewer());
            latest.put("reviewedAt", review.getReviewedAt());
            state.put("review", latest);
        });
        return state;
    }
}
