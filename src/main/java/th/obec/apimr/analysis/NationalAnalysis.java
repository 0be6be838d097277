package th.obec.apimr.analysis;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** OBEC's analysis of the national policy for one cycle: what every office reads before its own analysis. */
@Entity
@Table(name = "national_analysis")
class NationalAnalysis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;

    @Column(name = "policy_summary", nullable = false, length = 4000)
    private String policySummary;

    @Column(name = "focus_points", length = 4000)
    private String focusPoints;

    @Column(name = "guidance_to_offices", nullable = false, length = 4000)
    private String guidanceToOffices;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    protected NationalAnalysis() {
    }

    NationalAnalysis(Long cycleId) {
        this.cycleId = cycleId;
    }

    void record(NationalAnalysisInput input, String by, Instant at) {
        this.policySummary = input.policySummary();
        this.focusPoints = input.focusPoints();
        this.guidanceToOffices = input.guidanceToOffices();
        this.submittedBy = by;
        this.submittedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getCycleId() {
        return cycleId;
    }

    String getPolicySummary() {
        return policySummary;
    }

    String getFocusPoints() {
        return focusPoints;
    }

    String getGuidanceToOffices() {
        return guidanceToOffices;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }
}
