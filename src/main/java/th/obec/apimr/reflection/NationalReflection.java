package th.obec.apimr.reflection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** OBEC's reflection on the whole cycle and its policy recommendations for next year. One per cycle. */
@Entity
@Table(name = "national_reflection")
class NationalReflection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Column(name = "lessons_learned", nullable = false)
    private String lessonsLearned;

    @Column(name = "policy_recommendations", nullable = false)
    private String policyRecommendations;

    @Column(name = "practices_to_share")
    private String practicesToShare;

    @Column(name = "reflected_by")
    private String reflectedBy;

    @Column(name = "reflected_at", nullable = false)
    private Instant reflectedAt;

    @Version
    private long version;

    protected NationalReflection() {
    }

    NationalReflection(Long cycleId) {
        this.cycleId = cycleId;
    }

    void record(NationalReflectionInput input, String by, Instant when) {
        this.lessonsLearned = input.lessonsLearned();
        this.policyRecommendations = input.policyRecommendations();
        this.practicesToShare = input.practicesToShare();
        this.reflectedBy = by;
        this.reflectedAt = when;
    }

    NationalReflectionInput input() {
        return new NationalReflectionInput(lessonsLearned, policyRecommendations, practicesToShare);
    }

    Long getId() {
        return id;
    }

    Long getCycleId() {
        return cycleId;
    }

    String getReflectedBy() {
        return reflectedBy;
    }

    Instant getReflectedAt() {
        return reflectedAt;
    }
}
