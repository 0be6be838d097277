package th.obec.apimr.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import th.obec.apimr.cycle.Round;

/**
 * An office's report on one indicator in one round: its submissions (revisions) and their screenings (reviews).
 * The status and the accepted quality level follow the latest of them.
 */
@Entity
@Table(name = "indicator_report")
class IndicatorReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Column(name = "office_cycle_id", nullable = false)
    private Long officeCycleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "round", nullable = false)
    private Round round;

    @Column(name = "indicator_code", nullable = false)
    private String indicatorCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "quality_level")
    private Integer qualityLevel;

    @Column(name = "first_submitted_at", nullable = false)
    private Instant firstSubmittedAt;

    @Column(name = "last_submitted_at", nullable = false)
    private Instant lastSubmittedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL)
    @OrderBy("revision")
    private List<ReportRevision> revisions = new ArrayList<>();

    @OneToMany(mappedBy = "report", cascade = CascadeType.ALL)
    @OrderBy("reviewedAt, id")
    private List<ReportReview> reviews = new ArrayList<>();

    protected IndicatorReport() {
    }

    IndicatorReport(Long cycleId, Long officeCycleId, Round round, String indicatorCode) {
        this.cycleId = cycleId;
        this.officeCycleId = officeCycleId;
        this.round = round;
        this.indicatorCode = indicatorCode;
    }

    /** Saves a submission as the next revision; the report waits for screening again. */
    ReportRevision submit(ReportContent content, String submittedBy, Instant when) {
        revision++;
        ReportRevision next = new ReportRevision(this, revision, content, submittedBy, when);
        revisions.add(next);
        status = ReportStatus.SUBMITTED;
        qualityLevel = null;
        acceptedAt = null;
        if (firstSubmittedAt == null) {
            firstSubmittedAt = when;
        }
        lastSubmittedAt = when;
        return next;
    }

    /** Records a reviewer's screening of the current revision. */
    ReportReview review(Integer suggestedLevel, ReviewDecision decision, Integer level, String comments,
                        String reviewedBy, Instant when) {
        ReportReview review = new ReportReview(this, revision, suggestedLevel, decision, level, comments,
                reviewedBy, when);
        reviews.add(review);
        if (decision == ReviewDecision.ACCEPT) {
            status = ReportStatus.ACCEPTED;
            qualityLevel = level;
            acceptedAt = when;
        } else {
            status = ReportStatus.RETURNED;
            qualityLevel = null;
            acceptedAt = null;
        }
        return review;
    }

    ReportRevision current() {
        return revisions.get(revisions.size() - 1);
    }

    Optional<ReportReview> latestReview() {
        return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.get(reviews.size() - 1));
    }

    Long getId() {
        return id;
    }

    Long getCycleId() {
        return cycleId;
    }

    Long getOfficeCycleId() {
        return officeCycleId;
    }

    Round getRound() {
        return round;
    }

    String getIndicatorCode() {
        return indicatorCode;
    }

    ReportStatus getStatus() {
        return status;
    }

    int getRevision() {
        return revision;
    }

    Integer getQualityLevel() {
        return qualityLevel;
    }

    Instant getFirstSubmittedAt() {
        return firstSubmittedAt;
    }

    Instant getLastSubmittedAt() {
        return lastSubmittedAt;
    }

    Instant getAcceptedAt() {
        return acceptedAt;
    }

    List<ReportRevision> getRevisions() {
        return List.copyOf(revisions);
    }

    List<ReportReview> getReviews() {
        return List.copyOf(reviews);
    }
}
