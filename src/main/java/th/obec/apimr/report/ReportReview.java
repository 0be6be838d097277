package th.obec.apimr.report;

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

/** A region reviewer's screening of one revision: accepted with a level, or returned with comments. */
@Entity
@Table(name = "indicator_report_review")
class ReportReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private IndicatorReport report;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "suggested_level")
    private Integer suggestedLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewDecision decision;

    @Column(name = "quality_level")
    private Integer qualityLevel;

    @Column(name = "comments")
    private String comments;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected ReportReview() {
    }

    ReportReview(IndicatorReport report, int revision, Integer suggestedLevel, ReviewDecision decision,
                 Integer qualityLevel, String comments, String reviewedBy, Instant reviewedAt) {
        this.report = report;
        this.revision = revision;
        this.suggestedLevel = suggestedLevel;
        this.decision = decision;
        this.qualityLevel = qualityLevel;
        this.comments = comments;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
    }

    Long getId() {
        return id;
    }

    int getRevision() {
        return revision;
    }

    Integer getSuggestedLevel() {
        return suggestedLevel;
    }

    ReviewDecision getDecision() {
        return decision;
    }

    Integer getQualityLevel() {
        return qualityLevel;
    }

    String getComments() {
        return comments;
    }

    String getReviewedBy() {
        return reviewedBy;
    }

    Instant getReviewedAt() {
        return reviewedAt;
    }
}
