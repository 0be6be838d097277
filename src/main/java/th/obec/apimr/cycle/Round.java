package th.obec.apimr.cycle;

/** OBEC's two monitoring rounds. */
public enum Round {
    MID_YEAR("รอบ 6 เดือน", Deadline.MID_YEAR_REPORT, Deadline.MID_YEAR_REVIEW, "MidYearRoundComplete"),
    ANNUAL("รอบ 12 เดือน", Deadline.ANNUAL_REPORT, Deadline.ANNUAL_REVIEW, "AnnualRoundComplete");

    private final String labelTh;
    private final Deadline reportDeadline;
    private final Deadline reviewDeadline;
    private final String completionMessage;

    Round(String labelTh, Deadline reportDeadline, Deadline reviewDeadline, String completionMessage) {
        this.labelTh = labelTh;
        this.reportDeadline = reportDeadline;
        this.reviewDeadline = reviewDeadline;
        this.completionMessage = completionMessage;
    }

    public String labelTh() {
        return labelTh;
    }

    public Deadline reportDeadline() {
        return reportDeadline;
    }

    public Deadline reviewDeadline() {
        return reviewDeadline;
    }

    /** The message the national process waits for when every office has closed this round. */
    public String completionMessage() {
        return completionMessage;
    }
}
