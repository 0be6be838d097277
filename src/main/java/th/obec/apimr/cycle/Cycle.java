package th.obec.apimr.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

/** A fiscal year's Quick Policy cycle as OBEC launched it, with its calendar. */
@Entity
@Table(name = "cycle")
class Cycle {

    enum Status { RUNNING, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "catalogue_year", nullable = false)
    private int catalogueYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.RUNNING;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "launched_by")
    private String launchedBy;

    @Column(name = "launched_at", nullable = false)
    private Instant launchedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "mid_year_closed", nullable = false)
    private int midYearClosed;

    @Column(name = "annual_closed", nullable = false)
    private int annualClosed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "cycle_deadline", joinColumns = @JoinColumn(name = "cycle_id"))
    @MapKeyColumn(name = "deadline_key")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "due_date", nullable = false)
    private Map<Deadline, LocalDate> deadlines = new EnumMap<>(Deadline.class);

    protected Cycle() {
    }

    Cycle(int fiscalYear, int catalogueYear, String launchedBy, Instant launchedAt, Map<Deadline, LocalDate> deadlines,
          String processInstanceId) {
        this.fiscalYear = fiscalYear;
        this.catalogueYear = catalogueYear;
        this.launchedBy = launchedBy;
        this.launchedAt = launchedAt;
        this.deadlines.putAll(deadlines);
        this.processInstanceId = processInstanceId;
    }

    Long getId() {
        return id;
    }

    int getFiscalYear() {
        return fiscalYear;
    }

    int getCatalogueYear() {
        return catalogueYear;
    }

    Status getStatus() {
        return status;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getLaunchedBy() {
        return launchedBy;
    }

    Instant getLaunchedAt() {
        return launchedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    int getMidYearClosed() {
        return midYearClosed;
    }

    int getAnnualClosed() {
        return annualClosed;
    }

    LocalDate deadline(Deadline deadline) {
        return deadlines.get(deadline);
    }

    Map<Deadline, LocalDate> getDeadlines() {
        return deadlines;
    }

    /** An administrator extended the deadline for every office. */
    void moveDeadline(Deadline deadline, LocalDate date) {
        deadlines.put(deadline, date);
    }

    void close(Instant when) {
        this.status = Status.CLOSED;
        this.closedAt = when;
    }
}
