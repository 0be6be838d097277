package th.obec.apimr.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
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

/** A project of one plan revision: owner group, budget, period, the indicators it serves and its targets. */
@Entity
@Table(name = "plan_project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "revision_id", updatable = false)
    private PlanRevision revision;

    @Column(name = "sort_order", nullable = false, updatable = false)
    private int sortOrder;

    @Column(nullable = false, length = 300, updatable = false)
    private String name;

    @Column(length = 300, updatable = false)
    private String strategy;

    @Column(name = "responsible_group", length = 300, updatable = false)
    private String responsibleGroup;

    @Column(nullable = false, precision = 15, scale = 2, updatable = false)
    private BigDecimal budget;

    @Column(name = "start_date", updatable = false)
    private LocalDate startDate;

    @Column(name = "end_date", updatable = false)
    private LocalDate endDate;

    @Column(length = 4000, updatable = false)
    private String targets;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_project_indicator", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "indicator_code", nullable = false, length = 16)
    private List<String> indicatorCodes = new ArrayList<>();

    protected Project() {
    }

    Project(PlanRevision revision, int sortOrder, PlanSubmission.ProjectInput input) {
        this.revision = revision;
        this.sortOrder = sortOrder;
        this.name = input.name();
        this.strategy = input.strategy();
        this.responsibleGroup = input.responsibleGroup();
        this.budget = input.budget();
        this.startDate = input.startDate();
        this.endDate = input.endDate();
        this.targets = input.targets();
        this.indicatorCodes.addAll(input.indicatorCodes());
    }

    ProjectView toView() {
        return new ProjectView(id, sortOrder, name, strategy, responsibleGroup, budget, startDate, endDate,
                List.copyOf(indicatorCodes), targets);
    }

    Long getId() {
        return id;
    }

    int getSortOrder() {
        return sortOrder;
    }

    String getName() {
        return name;
    }

    BigDecimal getBudget() {
        return budget;
    }
}
