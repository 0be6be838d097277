package th.obec.apimr.analysis;

/** What OBEC's analysis tells the offices: the parts of {@link NationalAnalysis} their forms show. */
record NationalGuidance(String guidanceToOffices, String focusPoints, String policySummary) {
}
