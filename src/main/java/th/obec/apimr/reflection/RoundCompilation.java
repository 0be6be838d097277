package th.obec.apimr.reflection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import th.obec.apimr.cycle.Round;

/** OBEC's compilation of one monitoring round: its summary, lessons and recommendations. One per cycle and round. */
@Entity
@Table(name = "round_compilation")
class RoundCompilation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "round", nullable = false)
    private Round round;

    @Column(name = "round_summary", nullable = false)
    private String roundSummary;

    @Column(name = "lessons_learned", nullable = false)
    private String lessonsLearned;

    @Column(name = "recommendations")
    private String recommendations;

    @Column(name = "compiled_by")
    private String compiledBy;

    @Column(name = "compiled_at", nullable = false)
    private Instant compiledAt;

    @Version
    private long version;

    protected RoundCompilation() {
    }

    RoundCompilation(Long cycleId, Round round) {
        this.cycleId = cycleId;
        this.round = round;
    }

    void record(RoundCompilationInput input, String by, Instant when) {
        this.roundSummary = input.roundSummary();
        this.lessonsLearned = input.lessonsLearned();
        this.recommendations = input.recommendations();
        this.compiledBy = by;
        this.compiledAt = when;
    }

    RoundCompilationInput input() {
        return new RoundCompilationInput(roundSummary, lessonsLearned, recommendations);
    }

    Long getId() {
        return id;
    }

    Long getCycleId() {
        return cycleId;
    }

    Round getRound() {
        return round;
    }

    String getCompiledBy() {
        return compiledBy;
    }

    Instant getCompiledAt() {
        return compiledAt;
    }
}
