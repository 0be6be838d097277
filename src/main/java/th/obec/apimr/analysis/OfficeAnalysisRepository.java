package th.obec.apimr.analysis;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OfficeAnalysisRepository extends JpaRepository<OfficeAnalysis, Long> {

    /**
     * JPQL text rather than a query derived from the method name: Hibernate keeps the plan of a JPQL text, while a
     * derived (criteria) query is translated to SQL again at every call; each office's form prefill asks.
     */
    @Query("select a from OfficeAnalysis a where a.officeCycleId = :officeCycleId")
    Optional<OfficeAnalysis> findByOfficeCycleId(@Param("officeCycleId") Long officeCycleId);

    @Query("select t.indicatorCode from IndicatorTarget t"
            + " where t.analysis.officeCycleId = :officeCycleId and t.chosen = true order by t.sortOrder")
    List<String> chosenIndicatorCodes(@Param("officeCycleId") Long officeCycleId);
}
