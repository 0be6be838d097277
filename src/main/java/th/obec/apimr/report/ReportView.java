package th.obec.apimr.report;

import java.time.Instant;

import th.obec.apimr.cycle.Round;

/**
 * An indicator report as other capabilities see it: where it stands and what its current revision says in
 * figures.
 *
 * @param revision           the number of the current submission (1 for the first)
 * @param qualityLevel       the accepted level, null unless {@code ACCEPTED}
 * @param firstSubmittedAt   the first submission (what "on time" is judged by)
 * @param achievementPercent sum achieved / sum base x 100 of the current revision; null when no base
 */
public record ReportView(Long id, Long officeCycleId, Round round, String indicatorCode, ReportStatus status,
                         int revision, Integer qualityLevel, int selfAssessedLevel, Double achievementPercent,
                         int evidenceScore, Instant firstSubmittedAt, Instant lastSubmittedAt, Instant acceptedAt) {

    static ReportView of(IndicatorReport report) {
        ReportRevision current = report.current();
        return new ReportView(report.getId(), report.getOfficeCycleId(), report.getRound(),
                report.getIndicatorCode(), report.getStatus(), report.getRevision(), report.getQualityLevel(),
                current.getSelfAssessedLevel(), current.achievementPercent(), current.getEvidenceScore(),
                report.getFirstSubmittedAt(), report.getLastSubmittedAt(), report.getAcceptedAt());
    }
}
