package th.obec.apimr.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.Round;

/**
 * What every office wrote in the current revision of each of its reports in a round, for the national roll-up:
 * counts, best practices, problems and recommendations (at OBEC and at office level, as the report form asks).
 * Read in three queries whatever the number of offices.
 */
@Service
public class RoundReports {

    private final EntityManager entityManager;
    private final IndicatorReportRepository reports;

    RoundReports(EntityManager entityManager, IndicatorReportRepository reports) {
        this.entityManager = entityManager;
        this.reports = reports;
    }

    /** The current revision of every report of the round, ordered by office cycle and indicator code. */
    @Transactional(readOnly = true)
    public List<CurrentReport> currentReports(Long cycleId, Round round) {
        List<ReportRevision> revisions = entityManager.createQuery("""
                        select v from ReportRevision v join fetch v.report r
                        where r.cycleId = :cycleId and r.round = :round and v.revision = r.revision
                        """, ReportRevision.class)
                .setParameter("cycleId", cycleId)
                .setParameter("round", round)
                .getResultList();

        Map<String, List<Count>> counts = new LinkedHashMap<>();
        for (CountRow row : reports.currentCounts(cycleId, round)) {
            counts.computeIfAbsent(key(row.officeCycleId(), row.indicatorCode()), k -> new ArrayList<>())
                    .add(new Count(row.measureCode(), row.achieved(), row.base()));
        }
        Map<String, List<Practice>> practices = new LinkedHashMap<>();
        List<Object[]> practiceRows = entityManager.createQuery("""
                        select r.officeCycleId, r.indicatorCode, p.name, p.ownerName, p.description
                        from ReportRevision v join v.report r join v.practices p
                        where r.cycleId = :cycleId and r.round = :round and v.revision = r.revision
                        order by r.id, index(p)
                        """, Object[].class)
                .setParameter("cycleId", cycleId)
                .setParameter("round", round)
                .getResultList();
        for (Object[] row : practiceRows) {
            practices.computeIfAbsent(key((Long) row[0], (String) row[1]), k -> new ArrayList<>())
                    .add(new Practice((String) row[2], (String) row[3], (String) row[4]));
        }

        List<CurrentReport> result = new ArrayList<>();
        for (ReportRevision revision : revisions) {
            IndicatorReport report = revision.getReport();
            String key = key(report.getOfficeCycleId(), report.getIndicatorCode());
            result.add(new CurrentReport(report.getId(), report.getOfficeCycleId(), report.getIndicatorCode(),
                    report.getStatus(), report.getQualityLevel(), revision.getRevision(),
                    counts.getOrDefault(key, List.of()), revision.getStepsTaken(),
                    practices.getOrDefault(key, List.of()), revision.getProblemsObec(), revision.getProblemsOffice(),
                    revision.getRecommendationsObec(), revision.getRecommendationsOffice()));
        }
        result.sort(Comparator.comparing(CurrentReport::officeCycleId).thenComparing(CurrentReport::indicatorCode));
        return result;
    }

    private static String key(Long officeCycleId, String indicatorCode) {
        return officeCycleId + "/" + indicatorCode;
    }

    /**
     * One report's current revision.
     *
     * @param qualityLevel the accepted level; null unless {@code ACCEPTED}
     * @param revision     the number of the current submission
     */
    public record CurrentReport(Long reportId, Long officeCycleId, String indicatorCode, ReportStatus status,
                                Integer qualityLevel, int revision, List<Count> counts, String stepsTaken,
                                List<Practice> practices, String problemsObec, String problemsOffice,
                                String recommendationsObec, String recommendationsOffice) {

        public CurrentReport {
            counts = List.copyOf(counts);
            practices = List.copyOf(practices);
        }
    }

    /** One measure's numbers; null where the office left them empty. */
    public record Count(String measureCode, Long achieved, Long base) {
    }

    /** A best practice or innovation: the model's name, whose it is (school or office), what it does. */
    public record Practice(String name, String ownerName, String description) {
    }
}
