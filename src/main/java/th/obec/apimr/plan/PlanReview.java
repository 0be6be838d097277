package th.obec.apimr.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The director's review of one plan revision: approve or return, with comments. */
@Entity
@Table(name = "plan_review")
class PlanReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private Plan plan;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private PlanRevision revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private PlanDecision decision;

    @Column(length = 4000, updatable = false)
    private String comments;

    @Column(updatable = false)
    private String reviewer;

    @Column(name = "reviewed_at", nullable = false, updatable = false)
    private Instant reviewedAt;

    protected PlanReview() {
    }

    PlanReview(Plan plan, PlanRevision revision, PlanDecision decision, String comments, String reviewer,
               Instant reviewedAt) {
        this.plan = plan;
        this.revision = revision;
        this.decision = decision;
        this.comments = comments;
        this.reviewer = reviewer;
        this.reviewedAt = reviewedAt;
    }

    Long getId() {
        return id;
    }

    PlanRevision getRevision() {
        return revision;
    }

    PlanDecision getDecision() {
        return decision;
    }

    String getComments() {
        return comments;
    }

    String getReviewer() {
        return reviewer;
    }

    Instant getReviewedAt() {
        return reviewedAt;
    }
}
