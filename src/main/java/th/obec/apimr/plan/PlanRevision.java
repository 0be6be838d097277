package th.obec.apimr.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** One submission of a plan: its title, summary and projects as they were sent to the director. */
@Entity
@Table(name = "plan_revision")
class PlanRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    private Plan plan;

    @Column(name = "revision_no", nullable = false, updatable = false)
    private int revisionNo;

    @Column(nullable = false, length = 300, updatable = false)
    private String title;

    @Column(length = 4000, updatable = false)
    private String summary;

    @Column(name = "submitted_by", updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @OneToMany(mappedBy = "revision", cascade = CascadeType.ALL)
    @OrderBy("sortOrder")
    private List<Project> projects = new ArrayList<>();

    protected PlanRevision() {
    }

    PlanRevision(Plan plan, int revisionNo, PlanSubmission submission, String by, Instant at) {
        this.plan = plan;
        this.revisionNo = revisionNo;
        this.title = submission.title();
        this.summary = submission.summary();
        this.submittedBy = by;
        this.submittedAt = at;
        for (int i = 0; i < submission.projects().size(); i++) {
            projects.add(new Project(this, i + 1, submission.projects().get(i)));
        }
    }

    BigDecimal totalBudget() {
        return projects.stream().map(Project::getBudget).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    Long getId() {
        return id;
    }

    Plan getPlan() {
        return plan;
    }

    int getRevisionNo() {
        return revisionNo;
    }

    String getTitle() {
        return title;
    }

    String getSummary() {
        return summary;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    List<Project> getProjects() {
        return projects;
    }
}
