package th.obec.apimr.report;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import th.obec.apimr.cycle.Round;

interface IndicatorReportRepository extends JpaRepository<IndicatorReport, Long> {

    Optional<IndicatorReport> findByOfficeCycleIdAndRoundAndIndicatorCode(Long officeCycleId, Round round,
                                                                          String indicatorCode);

    List<IndicatorReport> findByOfficeCycleIdAndRound(Long officeCycleId, Round round);

    List<IndicatorReport> findByCycleIdAndRound(Long cycleId, Round round);

    /** The counts of the current revision of every report of a round, one row per measure. */
    @Query("""
            select new th.obec.apimr.report.CountRow(r.officeCycleId, r.indicatorCode, c.measureCode,
                   c.achieved, c.base)
            from ReportRevision v join v.report r join v.counts c
            where r.cycleId = :cycleId and r.round = :round and v.revision = r.revision
            """)
    List<CountRow> currentCounts(@Param("cycleId") Long cycleId, @Param("round") Round round);
}
