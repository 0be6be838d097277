package th.obec.apimr.plan;

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

/**
 * An office's plan of projects for its cycle (P). Each submission adds a revision; each review by the director
 * adds a review row. Nothing is overwritten: a returned plan keeps its history.
 */
@Entity
@Table(name = "office_plan")
class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "office_cycle_id", nullable = false, updatable = false)
    private Long officeCycleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PlanStatus status = PlanStatus.SUBMITTED;

    @Version
    private long version;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("revisionNo")
    private List<PlanRevision> revisions = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<PlanReview> reviews = new ArrayList<>();

    protected Plan() {
    }

    Plan(Long officeCycleId) {
        this.officeCycleId = officeCycleId;
    }

    /** A new revision from a submission; the plan now waits for the director. */
    PlanRevision submit(PlanSubmission submission, String by, Instant at) {
        PlanRevision revision = new PlanRevision(this, revisions.size() + 1, submission, by, at);
        revisions.add(revision);
        status = PlanStatus.SUBMITTED;
        return revision;
    }

    /**
     * The director's review of the latest revision.
     *
     * @throws IllegalStateException when no revision waits for a review
     */
    PlanReview review(PlanDecision decision, String comments, String by, Instant at) {
        PlanRevision revision = latestRevision()
                .filter(r -> status == PlanStatus.SUBMITTED)
                .orElseThrow(() -> new IllegalStateException("Plan " + id + " has no submitted revision to review"));
        PlanReview review = new PlanReview(this, revision, decision, comments, by, at);
        reviews.add(review);
        status = decision == PlanDecision.APPROVE ? PlanStatus.APPROVED : PlanStatus.RETURNED;
        return review;
    }

    Optional<PlanRevision> latestRevision() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    Optional<PlanReview> latestReview() {
        return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.get(reviews.size() - 1));
    }

    /** The comments of the director's return of the latest revision, if that is where the plan stands. */
    Optional<String> returnComments() {
        if (status != PlanStatus.RETURNED) {
            return Optional.empty();
        }
        return latestReview().filter(r -> r.getDecision() == PlanDecision.RETURN).map(PlanReview::getComments);
    }

    /** The revision the director approved last, if any. */
    Optional<PlanRevision> approvedRevision() {
        for (int i = reviews.size() - 1; i >= 0; i--) {
            if (reviews.get(i).getDecision() == PlanDecision.APPROVE) {
                return Optional.of(reviews.get(i).getRevision());
            }
        }
        return Optional.empty();
    }

    Long getId() {
        return id;
    }

    Long getOfficeCycleId() {
        return officeCycleId;
    }

    PlanStatus getStatus() {
        return status;
    }

    List<PlanRevision> getRevisions() {
        return revisions;
    }

    List<PlanReview> getReviews() {
        return reviews;
    }
}
