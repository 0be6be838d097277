package th.obec.apimr.analysis;

import java.util.List;

/** What an office submitted on Form_AnalysePolicy, checked: targets are in catalogue order. */
record OfficeAnalysisInput(String participants, String policyLinkage, String contextSummary,
                           List<Target> targets) {

    /** One catalogue indicator as the office weighed it; {@code sortOrder} is its place in the catalogue. */
    record Target(String indicatorCode, int sortOrder, boolean chosen, Integer targetPercent, String targetNote) {
    }
}
