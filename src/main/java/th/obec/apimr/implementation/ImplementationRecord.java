package th.obec.apimr.implementation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * One round of recording implementation (I): the projects' progress, the decisions the team took, and, when
 * the team asked, the director's decision.
 */
@Entity
@Table(name = "implementation_record")
class ImplementationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "office_cycle_id", nullable = false, updatable = false)
    private Long officeCycleId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequenceNo;

    @Column(name = "decisions_taken", nullable = false, length = 4000, updatable = false)
    private String decisionsTaken;

    @Column(name = "decision_requested", nullable = false, updatable = false)
    private boolean decisionRequested;

    @Column(name = "decision_question", length = 4000, updatable = false)
    private String decisionQuestion;

    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "director_decision", length = 4000)
    private String directorDecision;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @OneToMany(mappedBy = "record", cascade = CascadeType.ALL)
    @OrderBy("sortOrder")
    private List<ProjectProgress> progress = new ArrayList<>();

    protected ImplementationRecord() {
    }

    ImplementationRecord(Long officeCycleId, int sequenceNo, ImplementationInput input, String by, Instant at) {
        this.officeCycleId = officeCycleId;
        this.sequenceNo = sequenceNo;
        this.decisionsTaken = input.decisionsTaken();
        this.decisionRequested = input.decisionRequested();
        this.decisionQuestion = input.decisionRequested() ? input.decisionQuestion() : null;
        this.recordedBy = by;
        this.recordedAt = at;
        for (int i = 0; i < input.progress().size(); i++) {
            progress.add(new ProjectProgress(this, i + 1, input.progress().get(i)));
        }
    }

    /** True while the team waits for the director's answer. */
    boolean awaitsDecision() {
        return decisionRequested && directorDecision == null;
    }

    void decide(String decision, String by, Instant at) {
        if (!awaitsDecision()) {
            throw new IllegalStateException("Implementation record " + id + " does not wait for a decision");
        }
        this.directorDecision = decision;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getOfficeCycleId() {
        return officeCycleId;
    }

    int getSequenceNo() {
        return sequenceNo;
    }

    String getDecisionsTaken() {
        return decisionsTaken;
    }

    boolean isDecisionRequested() {
        return decisionRequested;
    }

    String getDecisionQuestion() {
        return decisionQuestion;
    }

    String getRecordedBy() {
        return recordedBy;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }

    String getDirectorDecision() {
        return directorDecision;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    List<ProjectProgress> getProgress() {
        return progress;
    }
}
