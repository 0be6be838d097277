package th.obec.apimr.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** One submission of an indicator report, kept as it was sent. */
@Entity
@Table(name = "indicator_report_revision")
class ReportRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    private IndicatorReport report;

    @Column(name = "revision", nullable = false)
    private int revision;

    @ElementCollection
    @CollectionTable(name = "indicator_report_count", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    private List<MeasureCount> counts = new ArrayList<>();

    @Column(name = "steps_taken", nullable = false)
    private String stepsTaken;

    @ElementCollection
    @CollectionTable(name = "indicator_report_practice", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    private List<BestPractice> practices = new ArrayList<>();

    @Column(name = "problems_obec")
    private String problemsObec;

    @Column(name = "problems_office")
    private String problemsOffice;

    @Column(name = "recommendations_obec")
    private String recommendationsObec;

    @Column(name = "recommendations_office")
    private String recommendationsOffice;

    @Column(name = "self_assessed_level", nullable = false)
    private int selfAssessedLevel;

    @Column(name = "evidence_score", nullable = false)
    private int evidenceScore;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected ReportRevision() {
    }

    ReportRevision(IndicatorReport report, int revision, ReportContent content, String submittedBy,
                   Instant submittedAt) {
        this.report = report;
        this.revision = revision;
        this.counts.addAll(content.counts());
        this.stepsTaken = content.stepsTaken();
        this.practices.addAll(content.practices());
        this.problemsObec = content.problemsObec();
        this.problemsOffice = content.problemsOffice();
        this.recommendationsObec = content.recommendationsObec();
        this.recommendationsOffice = content.recommendationsOffice();
        this.selfAssessedLevel = content.selfAssessedLevel();
        this.evidenceScore = content.evidenceScore();
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    /** See {@link ReportContent#achievementPercent}. */
    Double achievementPercent() {
        return ReportContent.achievementPercent(counts);
    }

    Long getId() {
        return id;
    }

    IndicatorReport getReport() {
        return report;
    }

    int getRevision() {
        return revision;
    }

    List<MeasureCount> getCounts() {
        return List.copyOf(counts);
    }

    String getStepsTaken() {
        return stepsTaken;
    }

    List<BestPractice> getPractices() {
        return List.copyOf(practices);
    }

    String getProblemsObec() {
        return problemsObec;
    }

    String getProblemsOffice() {
        return problemsOffice;
    }

    String getRecommendationsObec() {
        return recommendationsObec;
    }

    String getRecommendationsOffice() {
        return recommendationsOffice;
    }

    int getSelfAssessedLevel() {
        return selfAssessedLevel;
    }

    int getEvidenceScore() {
        return evidenceScore;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }
}
