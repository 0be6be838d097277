package th.obec.apimr.report;

/** A reviewer's decision on a report; the name is the value of the process variable {@code reviewDecision}. */
enum ReviewDecision {
    ACCEPT, RETURN
}
