package th.obec.apimr.analysis;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OfficeAnalysisRepository extends JpaRepository<OfficeAnalysis, Long> {

    Optional<OfficeAnalysis> findByOfficeCycleId(Long officeCycleId);

    @Query("select t.indicatorCode from IndicatorTarget t"
            + " where t.analysis.officeCycleId = :officeCycleId and t.chosen = true order by t.sortOrder")
    List<String> chosenIndicatorCodes(@Param("officeCycleId") Long officeCycleId);
}
