package th.obec.apimr.report;

import java.util.List;

/** A validated submission of an indicator report, ready to be saved as a revision. */
record ReportContent(List<MeasureCount> counts, String stepsTaken, List<BestPractice> practices,
                     String problemsObec, String problemsOffice, String recommendationsObec,
                     String recommendationsOffice, int selfAssessedLevel, int evidenceScore) {

    ReportContent {
        counts = List.copyOf(counts);
        practices = List.copyOf(practices);
    }

    /**
     * Sum of achieved over sum of base, in percent, over the measures with both numbers and a base above zero;
     * null when there is none.
     */
    static Double achievementPercent(List<MeasureCount> counts) {
        long achieved = 0;
        long base = 0;
        for (MeasureCount count : counts) {
            if (count.hasRatio()) {
                achieved += count.getAchieved();
                base += count.getBase();
            }
        }
        return base == 0 ? null : achieved * 100.0 / base;
    }
}
