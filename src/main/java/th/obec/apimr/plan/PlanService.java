package th.obec.apimr.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.audit.AuditTrail;

/** The offices' plans of projects (P): submissions as revisions, the director's reviews, the approved projects. */
@Service
@Transactional(readOnly = true)
public class PlanService {

    private final PlanRepository plans;
    private final AuditTrail audit;

    PlanService(PlanRepository plans, AuditTrail audit) {
        this.plans = plans;
        this.audit = audit;
    }

    /** The office's plan as last submitted, with its status; empty before the first submission. */
    public Optional<PlanView> currentPlan(Long officeCycleId) {
        return plan(officeCycleId).flatMap(plan -> plan.latestRevision().map(revision -> toView(plan, revision)));
    }

    /** The office's plan as the director approved it; empty until approved. */
    public Optional<PlanView> approvedPlan(Long officeCycleId) {
        return plan(officeCycleId).flatMap(plan -> plan.approvedRevision().map(revision -> toView(plan, revision)));
    }

    /** The projects of the approved plan in plan order: what the office implements and reports progress on. */
    public List<ProjectView> approvedProjects(Long officeCycleId) {
        return approvedPlan(officeCycleId).map(PlanView::projects).orElse(List.of());
    }

    Optional<Plan> plan(Long officeCycleId) {
        return officeCycleId == null ? Optional.empty() : plans.findByOfficeCycleId(officeCycleId);
    }

    /** Adds a revision to the office's plan (creating the plan at the first submission). */
    @Transactional
    PlanRevision submit(Long officeCycleId, PlanSubmission submission, String by, Instant at) {
        Optional<Plan> existing = plans.findByOfficeCycleId(officeCycleId);
        Map<String, Object> before = PlanAudit.snapshot(existing.orElse(null));
        Plan plan = existing.orElseGet(() -> new Plan(officeCycleId));
        PlanRevision revision = plan.submit(submission, by, at);
        plans.saveAndFlush(plan);
        audit.officeChange(PlanAudit.ENTITY, plan.getId(), "SUBMIT", officeCycleId, before, PlanAudit.snapshot(plan),
                by, at);
        return revision;
    }

    /**
     * Records the director's review of the latest revision.
     *
     * @throws IllegalStateException when the office has no plan waiting for a review
     */
    @Transactional
    PlanReview review(Long officeCycleId, PlanDecision decision, String comments, String by, Instant at) {
        Plan plan = plans.findByOfficeCycleId(officeCycleId)
                .orElseThrow(() -> new IllegalStateException("Office cycle " + officeCycleId + " has no plan"));
        Map<String, Object> before = PlanAudit.snapshot(plan);
        PlanReview review = plan.review(decision, comments, by, at);
        plans.saveAndFlush(plan);
        audit.officeChange(PlanAudit.ENTITY, plan.getId(), "REVIEW_" + decision.name(), officeCycleId, before,
                PlanAudit.snapshot(plan), by, at);
        return review;
    }

    private static PlanView toView(Plan plan, PlanRevision revision) {
        return new PlanView(plan.getId(), plan.getOfficeCycleId(), plan.getStatus(), revision.getRevisionNo(),
                revision.getTitle(), revision.getSummary(), revision.totalBudget(), revision.getSubmittedBy(),
                revision.getSubmittedAt(), revision.getProjects().stream().map(Project::toView).toList());
    }
}
