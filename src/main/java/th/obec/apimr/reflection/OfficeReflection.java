package th.obec.apimr.reflection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An office's reflection on its cycle (R): lessons, what made it work, what stood in the way, next year. */
@Entity
@Table(name = "office_reflection")
class OfficeReflection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Column(name = "office_cycle_id", nullable = false)
    private Long officeCycleId;

    @Column(name = "lessons_learned", nullable = false)
    private String lessonsLearned;

    @Column(name = "success_factors", nullable = false)
    private String successFactors;

    @Column(name = "obstacles", nullable = false)
    private String obstacles;

    @Column(name = "practices_to_share")
    private String practicesToShare;

    @Column(name = "recommendations_next_year", nullable = false)
    private String recommendationsNextYear;

    @Column(name = "reflected_by")
    private String reflectedBy;

    @Column(name = "reflected_at", nullable = false)
    private Instant reflectedAt;

    @Version
    private long version;

    protected OfficeReflection() {
    }

    OfficeReflection(Long cycleId, Long officeCycleId) {
        this.cycleId = cycleId;
        this.officeCycleId = officeCycleId;
    }

    void record(OfficeReflectionInput input, String by, Instant when) {
        this.lessonsLearned = input.lessonsLearned();
        this.successFactors = input.successFactors();
        this.obstacles = input.obstacles();
        this.practicesToShare = input.practicesToShare();
        this.recommendationsNextYear = input.recommendationsNextYear();
        this.reflectedBy = by;
        this.reflectedAt = when;
    }

    OfficeReflectionInput input() {
        return new OfficeReflectionInput(lessonsLearned, successFactors, obstacles, practicesToShare,
                recommendationsNextYear);
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

    String getReflectedBy() {
        return reflectedBy;
    }

    Instant getReflectedAt() {
        return reflectedAt;
    }
}
