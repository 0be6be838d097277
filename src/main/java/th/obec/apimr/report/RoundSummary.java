package th.obec.apimr.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import th.obec.apimr.cycle.Round;

/**
 * The national picture of one monitoring round, computed from the reports (never stored).
 *
 * @param reportDeadline     the round's report deadline; a report is on time when first submitted by its due moment
 * @param officesTakingPart  offices of the cycle
 * @param officesSubmitted   offices that submitted every report they owe
 * @param officesOnTime      of those, the offices whose every report was first submitted on time
 * @param officesAccepted    offices whose every report is accepted
 * @param officeLevels       offices per quality level (5 down to 1); an office's level is the rounded mean of its
 *                           accepted reports' levels
 * @param indicators         per indicator, in catalogue order
 * @param offices            per office, in office code order
 */
public record RoundSummary(Long cycleId, int fiscalYear, Round round, LocalDate reportDeadline, int officesTakingPart,
                           int officesSubmitted, int officesOnTime, int officesAccepted,
                           Map<Integer, Integer> officeLevels, List<IndicatorResult> indicators,
                           List<OfficeResult> offices) {

    public RoundSummary {
        officeLevels = Collections.unmodifiableMap(new LinkedHashMap<>(officeLevels));
        indicators = List.copyOf(indicators);
        offices = List.copyOf(offices);
    }

    /**
     * One office in the round.
     *
     * @param reportsExpected the indicators it reports on (its chosen ones, else the whole catalogue)
     * @param reportsSubmitted expected indicators with a report (whatever its status)
     * @param reportsAccepted expected indicators with an accepted report
     * @param onTime          every expected report submitted, each first submitted by the deadline
     * @param qualityLevel    rounded mean of its accepted reports' levels; null when none is accepted
     */
    public record OfficeResult(Long officeCycleId, String officeCode, int reportsExpected, int reportsSubmitted,
                               int reportsAccepted, boolean onTime, Integer qualityLevel) {

        public boolean allSubmitted() {
            return reportsExpected > 0 && reportsSubmitted == reportsExpected;
        }

        public boolean allAccepted() {
            return reportsExpected > 0 && reportsAccepted == reportsExpected;
        }
    }

    /**
     * One indicator over all offices.
     *
     * @param officesReporting offices that owe a report on it
     * @param levels           accepted reports per quality level (5 down to 1)
     * @param measures         sums per measure of the catalogue entry
     * @param achieved         sum of achieved over the measures that have a base
     * @param base             sum of their bases
     * @param percent          achieved / base x 100; null when the base is zero
     */
    public record IndicatorResult(String code, String titleTh, int officesReporting, int reportsSubmitted,
                                  int reportsAccepted, Map<Integer, Integer> levels, List<MeasureTotal> measures,
                                  long achieved, long base, Double percent) {

        public IndicatorResult {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
            measures = List.copyOf(measures);
        }
    }

    /**
     * One measure summed over the current revisions of the round's reports that filled it.
     *
     * @param reports  reports that filled it (achieved, and the base where the measure has one)
     * @param base     null for a plain count without a base
     * @param percent  achieved / base x 100; null without a base or when it is zero
     */
    public record MeasureTotal(String code, String labelTh, int reports, long achieved, Long base, Double percent) {
    }

    /** How many of the levels fall on each quality level, 5 down to 1 (every key present). */
    static Map<Integer, Integer> distribution(Collection<Integer> levels) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int level = QualityLevel.MAX; level >= QualityLevel.MIN; level--) {
            counts.put(level, 0);
        }
        for (Integer level : levels) {
            if (level != null) {
                counts.merge(level, 1, Integer::sum);
            }
        }
        return counts;
    }

    static Double percent(long achieved, long base) {
        return base == 0 ? null : achieved * 100.0 / base;
    }
}
