package th.obec.apimr.report;

/** One measure's counts in the current revision of a report, as the round roll-up reads them. */
record CountRow(Long officeCycleId, String indicatorCode, String measureCode, Long achieved, Long base) {
}
