package th.obec.apimr.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.dashboard.DashboardViews.OfficeRound;
import th.obec.apimr.dashboard.DashboardViews.RoundFigures;
import th.obec.apimr.report.QualityLevel;
import th.obec.apimr.report.ReportStatus;

/**
 * The dashboard's status rules, on data already loaded (no database here). They follow the reporting rules of
 * docs/process-model.md: a report is submitted once it exists; it is on time when first submitted at or before
 * the round's due moment; an office's level is the rounded mean (half up) of its accepted levels.
 */
final class RoundRules {

    /** One indicator report as the rules need it. */
    record ReportRow(Long officeCycleId, Round round, String indicatorCode, ReportStatus status,
                     Integer qualityLevel, Instant firstSubmittedAt) {
    }

    private RoundRules() {
    }

    /**
     * Where one office stands in a round. Precedence: every owed report accepted → ACCEPTED; every owed report
     * submitted → RETURNED if one is returned, else SUBMITTED_ON_TIME or SUBMITTED_LATE; otherwise past the due
     * moment → MISSING; a returned report → RETURNED; something submitted or the office in (or past) the round's
     * phase → IN_PROGRESS; else NOT_STARTED.
     */
    static OfficeRound officeRound(Round round, List<String> expected, Collection<ReportRow> reports, Instant due,
                                   Instant now, Phase phase) {
        Map<String, ReportRow> byCode = new HashMap<>();
        for (ReportRow report : reports) {
            byCode.put(report.indicatorCode(), report);
        }
        int submitted = 0;
        int accepted = 0;
        int returned = 0;
        boolean allOnTime = true;
        for (String code : expected) {
            ReportRow report = byCode.get(code);
            if (report == null) {
                allOnTime = false;
                continue;
            }
            submitted++;
            if (report.status() == ReportStatus.ACCEPTED) {
                accepted++;
            } else if (report.status() == ReportStatus.RETURNED) {
                returned++;
            }
            allOnTime &= !report.firstSubmittedAt().isAfter(due);
        }
        List<Integer> levels = new ArrayList<>();
        for (ReportRow report : reports) {
            if (report.status() == ReportStatus.ACCEPTED && report.qualityLevel() != null) {
                levels.add(report.qualityLevel());
            }
        }
        boolean owesSomething = !expected.isEmpty();
        boolean allSubmitted = owesSomething && submitted == expected.size();
        boolean onTime = allSubmitted && allOnTime;

        RoundStatus status;
        if (owesSomething && accepted == expected.size()) {
            status = RoundStatus.ACCEPTED;
        } else if (allSubmitted) {
            status = returned > 0 ? RoundStatus.RETURNED
                    : onTime ? RoundStatus.SUBMITTED_ON_TIME : RoundStatus.SUBMITTED_LATE;
        } else if (now.isAfter(due)) {
            status = RoundStatus.MISSING;
        } else if (returned > 0) {
            status = RoundStatus.RETURNED;
        } else if (submitted > 0 || reached(phase, round)) {
            status = RoundStatus.IN_PROGRESS;
        } else {
            status = RoundStatus.NOT_STARTED;
        }
        return new OfficeRound(round, status, expected.size(), submitted, accepted, returned, allSubmitted, onTime,
                roundedMean(levels));
    }

    /** The office is in the round's monitoring phase or past it. */
    static boolean reached(Phase phase, Round round) {
        Phase roundPhase = round == Round.MID_YEAR ? Phase.MONITORING_MID_YEAR : Phase.MONITORING_ANNUAL;
        return phase != null && phase.ordinal() >= roundPhase.ordinal();
    }

    /** A round's figures over some offices. */
    static RoundFigures figures(Round round, Collection<OfficeRound> offices) {
        int submitted = 0;
        int onTime = 0;
        int accepted = 0;
        int noLevel = 0;
        Map<Integer, Integer> levels = new LinkedHashMap<>();
        for (int level = QualityLevel.MAX; level >= QualityLevel.MIN; level--) {
            levels.put(level, 0);
        }
        Map<RoundStatus, Integer> statuses = new EnumMap<>(RoundStatus.class);
        for (RoundStatus status : RoundStatus.values()) {
            statuses.put(status, 0);
        }
        for (OfficeRound office : offices) {
            if (office.allSubmitted()) {
                submitted++;
            }
            if (office.onTime()) {
                onTime++;
            }
            if (office.status() == RoundStatus.ACCEPTED) {
                accepted++;
            }
            if (office.qualityLevel() == null) {
                noLevel++;
            } else {
                levels.merge(office.qualityLevel(), 1, Integer::sum);
            }
            statuses.merge(office.status(), 1, Integer::sum);
        }
        int count = offices.size();
        return new RoundFigures(round, count, submitted, onTime, submitted - onTime, accepted,
                percent(submitted, count), percent(onTime, count), levels, noLevel, statuses);
    }

    /** part / whole x 100 with one decimal (half up); null when whole is zero. */
    static Double percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** The mean rounded half up (3.5 gives 4); null for none. */
    static Integer roundedMean(List<Integer> levels) {
        if (levels.isEmpty()) {
            return null;
        }
        return (int) Math.round(levels.stream().mapToInt(Integer::intValue).average().orElseThrow());
    }

    /** A, P, I, M, R; {@code -} before the cycle starts, {@code ✓} once done. */
    static String letter(Phase phase) {
        return switch (phase) {
            case NOT_STARTED -> "-";
            case ANALYSIS -> "A";
            case PLANNING -> "P";
            case IMPLEMENTATION -> "I";
            case MONITORING_MID_YEAR, MONITORING_ANNUAL -> "M";
            case REFLECTION -> "R";
            case COMPLETED -> "✓";
        };
    }
}
