package th.obec.apimr.report;

/** Where an indicator report stands in its round. */
public enum ReportStatus {

    /** Submitted (or resubmitted), waiting for the region reviewer. */
    SUBMITTED("ส่งแล้ว รอกลั่นกรอง"),
    /** Returned by the reviewer with comments; the office resubmits it. */
    RETURNED("ส่งกลับให้แก้ไข"),
    /** Accepted with a quality level. */
    ACCEPTED("ผ่านการกลั่นกรอง");

    private final String labelTh;

    ReportStatus(String labelTh) {
        this.labelTh = labelTh;
    }

    public String labelTh() {
        return labelTh;
    }
}
