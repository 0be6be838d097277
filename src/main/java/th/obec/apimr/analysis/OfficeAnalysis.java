package th.obec.apimr.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** An area office's policy analysis (A) for its cycle: who took part, how policy links to the office, targets. */
@Entity
@Table(name = "office_analysis")
class OfficeAnalysis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "office_cycle_id", nullable = false, updatable = false)
    private Long officeCycleId;

    @Column(nullable = false, length = 4000)
    private String participants;

    @Column(name = "policy_linkage", nullable = false, length = 4000)
    private String policyLinkage;

    @Column(name = "context_summary", length = 4000)
    private String contextSummary;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @OneToMany(mappedBy = "analysis", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<IndicatorTarget> targets = new ArrayList<>();

    protected OfficeAnalysis() {
    }

    OfficeAnalysis(Long officeCycleId) {
        this.officeCycleId = officeCycleId;
    }

    /**
     * Takes in a submission. Targets are updated in place by indicator code (a changed analysis keeps its rows),
     * new ones added and those no longer listed removed.
     */
    void record(OfficeAnalysisInput input, String by, Instant at) {
        this.participants = input.participants();
        this.policyLinkage = input.policyLinkage();
        this.contextSummary = input.contextSummary();
        this.submittedBy = by;
        this.submittedAt = at;
        Map<String, IndicatorTarget> existing = new HashMap<>();
        targets.forEach(target -> existing.put(target.getIndicatorCode(), target));
        List<IndicatorTarget> updated = new ArrayList<>();
        for (OfficeAnalysisInput.Target given : input.targets()) {
            IndicatorTarget target = existing.remove(given.indicatorCode());
            if (target == null) {
                target = new IndicatorTarget(this, given.indicatorCode());
            }
            target.update(given);
            updated.add(target);
        }
        targets.clear();
        targets.addAll(updated);
    }

    Long getId() {
        return id;
    }

    Long getOfficeCycleId() {
        return officeCycleId;
    }

    String getParticipants() {
        return participants;
    }

    String getPolicyLinkage() {
        return policyLinkage;
    }

    String getContextSummary() {
        return contextSummary;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    List<IndicatorTarget> getTargets() {
        return targets;
    }
}
