package th.obec.apimr.analysis;

/** What OBEC submitted on Form_AnalyseNationalPolicy, checked. */
record NationalAnalysisInput(String policySummary, String focusPoints, String guidanceToOffices) {
}
