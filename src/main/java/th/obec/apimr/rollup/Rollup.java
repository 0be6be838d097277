package th.obec.apimr.rollup;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.MeasureLevel;
import th.obec.apimr.office.OfficeType;

/**
 * The national roll-up of one monitoring round (seed 002's report, computed from the offices' reports): per
 * indicator the counts summed over the offices with their percentages, split by primary / secondary where the
 * indicator's measures are, the best practices with their office, the problems and recommendations at OBEC and at
 * office level; then the offices' quality levels. Figures come from the current revision of every submitted report.
 *
 * @param reportDeadlineTh the report deadline in the Buddhist era, e.g. {@code 30 เมษายน 2566}
 * @param reportsSubmitted reports of the round (whatever their status)
 * @param reportsAccepted  of those, the accepted ones
 */
record Rollup(Long cycleId, int fiscalYear, Round round, String roundLabelTh, LocalDate reportDeadline,
              String reportDeadlineTh, int officesTakingPart, int officesSubmitted, int officesOnTime,
              int officesAccepted, int reportsSubmitted, int reportsAccepted, List<IndicatorRollup> indicators,
              QualityDistribution quality, List<OfficeRow> offices) {

    Rollup {
        indicators = List.copyOf(indicators);
        offices = List.copyOf(offices);
    }

    /** {@code ปีงบประมาณ 2566 รอบ 6 เดือน} */
    String titleTh() {
        return "ปีงบประมาณ " + fiscalYear + " " + roundLabelTh;
    }

    /**
     * One indicator over all offices.
     *
     * @param levelTotals sums of the primary-level and of the secondary-level measures; empty when the indicator
     *                    has no measure of either level
     * @param achieved    sum of achieved over the measures with a base
     * @param base        sum of their bases
     * @param percent     achieved / base x 100; null when the base is zero
     */
    record IndicatorRollup(String code, String titleTh, String dimensionTh, int officesReporting,
                           int reportsSubmitted, int reportsAccepted, List<MeasureRollup> measures,
                           List<LevelTotal> levelTotals, long achieved, long base, Double percent,
                           List<PracticeEntry> practices, Remarks problems, Remarks recommendations) {

        IndicatorRollup {
            measures = List.copyOf(measures);
            levelTotals = List.copyOf(levelTotals);
            practices = List.copyOf(practices);
        }
    }

    /**
     * One measure summed over the reports that filled it.
     *
     * @param levelTh  which offices report it, in Thai
     * @param reports  reports that filled it (achieved, and the base where it has one)
     * @param base     null for a plain count without a base
     * @param percent  achieved / base x 100; null without a base or when it is zero
     */
    record MeasureRollup(String code, String achievedLabelTh, String baseLabelTh, MeasureLevel level, String levelTh,
                         int reports, long achieved, Long base, Double percent) {
    }

    /** The measures of one level (primary or secondary) added up. */
    record LevelTotal(MeasureLevel level, String levelTh, long achieved, long base, Double percent) {
    }

    /** A best practice or innovation and the office that reported it. */
    record PracticeEntry(String officeCode, String officeName, String name, String ownerName, String description) {
    }

    /** What offices wrote, split by whom it concerns: OBEC (สพฐ.) or the offices themselves (สพท.). */
    record Remarks(List<Remark> obec, List<Remark> office) {

        Remarks {
            obec = List.copyOf(obec);
            office = List.copyOf(office);
        }
    }

    /** One office's text. */
    record Remark(String officeCode, String officeName, String text) {
    }

    /**
     * The offices' quality levels in the round (an office's level is the rounded mean of its accepted reports'
     * levels).
     *
     * @param levels  5 down to 1, with the share of the offices that have a level
     * @param regions per inspection region that has offices in the cycle, in code order
     */
    record QualityDistribution(int officesWithLevel, int officesWithoutLevel, List<LevelCount> levels,
                               List<RegionLevels> regions) {

        QualityDistribution {
            levels = List.copyOf(levels);
            regions = List.copyOf(regions);
        }
    }

    /** How many offices are at a level, and their percentage of the offices with a level. */
    record LevelCount(int level, String labelTh, int offices, Double percent) {
    }

    /** One inspection region's offices per level (5 down to 1, every key present) and those without a level. */
    record RegionLevels(String regionCode, String regionNameTh, Map<Integer, Integer> levels, int withoutLevel,
                        int offices) {

        RegionLevels {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        }
    }

    /** One office in the round. */
    record OfficeRow(String officeCode, String officeName, OfficeType type, String regionCode, String regionNameTh,
                     int reportsExpected, int reportsSubmitted, int reportsAccepted, boolean onTime,
                     Integer qualityLevel, String qualityLevelTh) {
    }

    /** How a measure level is written for Thai readers. */
    static String levelTh(MeasureLevel level) {
        return switch (level) {
            case ALL -> "ทุกสังกัด";
            case PRIMARY -> "สพป. (ประถมศึกษา)";
            case SECONDARY -> "สพม. (มัธยมศึกษา)";
        };
    }
}
