package th.obec.apimr.cycle;

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
import jakarta.persistence.Version;

/** One area office's run of a cycle: which phase it is in and when it passed each milestone. */
@Entity
@Table(name = "office_cycle")
class OfficeCycle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    @Column(name = "office_code", nullable = false)
    private String officeCode;

    @Column(name = "business_key", nullable = false)
    private String businessKey;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase = Phase.NOT_STARTED;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "mid_year_closed_at")
    private Instant midYearClosedAt;

    @Column(name = "annual_closed_at")
    private Instant annualClosedAt;

    @Version
    private long version;

    protected OfficeCycle() {
    }

    OfficeCycle(Cycle cycle, String officeCode) {
        this.cycle = cycle;
        this.officeCode = officeCode;
        this.businessKey = businessKey(cycle.getFiscalYear(), officeCode);
    }

    static String businessKey(int fiscalYear, String officeCode) {
        return "FY" + fiscalYear + "-" + officeCode;
    }

    Long getId() {
        return id;
    }

    Cycle getCycle() {
        return cycle;
    }

    String getOfficeCode() {
        return officeCode;
    }

    String getBusinessKey() {
        return businessKey;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    Phase getPhase() {
        return phase;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    Instant closedAt(Round round) {
        return round == Round.MID_YEAR ? midYearClosedAt : annualClosedAt;
    }

    void start(String processInstanceId, Instant when) {
        this.processInstanceId = processInstanceId;
        this.startedAt = when;
    }

    void enter(Phase phase) {
        this.phase = phase;
    }

    /** Marks the round closed; false when it already was (a retried job), so it is counted once. */
    boolean closeRound(Round round, Instant when) {
        if (closedAt(round) != null) {
            return false;
        }
        if (round == Round.MID_YEAR) {
            midYearClosedAt = when;
        } else {
            annualClosedAt = when;
        }
        return true;
    }

    void complete(Instant when) {
        this.phase = Phase.COMPLETED;
        this.completedAt = when;
    }
}
