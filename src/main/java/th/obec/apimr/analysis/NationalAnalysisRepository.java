package th.obec.apimr.analysis;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The queries are JPQL text rather than derived from the method names: Hibernate keeps the plan of a JPQL text,
 * while the criteria query Spring Data derives from a method name is translated to SQL again at every call (each
 * office's form prefill asks for the cycle's analysis).
 */
interface NationalAnalysisRepository extends JpaRepository<NationalAnalysis, Long> {

    @Query("select n from NationalAnalysis n where n.cycleId = :cycleId")
    Optional<NationalAnalysis> findByCycleId(@Param("cycleId") Long cycleId);

    /** The texts the offices' forms show, without loading (and later dirty-checking) the entity. */
    @Query("select new th.obec.apimr.analysis.NationalGuidance(n.guidanceToOffices, n.focusPoints, n.policySummary)"
            + " from NationalAnalysis n where n.cycleId = :cycleId")
    Optional<NationalGuidance> guidance(@Param("cycleId") Long cycleId);
}
