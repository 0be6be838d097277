package th.obec.apimr.dashboard;

/**
 * Where an office stands in one monitoring round, as the dashboard shows it. Computed by {@link RoundRules} from
 * the office's indicator reports, the round's report deadline and the office's phase.
 */
public enum RoundStatus {
    /** The office has not reached the round and nothing is submitted; the deadline has not passed. */
    NOT_STARTED("ยังไม่เริ่ม", "Not started"),
    /** The office is in the round (or has submitted part of it) and the deadline has not passed. */
    IN_PROGRESS("กำลังดำเนินการ", "In progress"),
    /** Every report owed is submitted, each first submitted by the deadline; not all accepted yet. */
    SUBMITTED_ON_TIME("ส่งตรงเวลา", "Submitted on time"),
    /** Every report owed is submitted, at least one after the deadline; not all accepted yet. */
    SUBMITTED_LATE("ส่งล่าช้า", "Submitted late"),
    /** A reviewer returned at least one report; the office has to resubmit it. */
    RETURNED("ส่งกลับให้แก้ไข", "Returned for revision"),
    /** Every report owed is accepted with a quality level. */
    ACCEPTED("ผ่านการกลั่นกรอง", "Accepted"),
    /** The deadline has passed and at least one report owed is not submitted. */
    MISSING("ไม่ได้ส่ง/ส่งไม่ครบ", "Missing");

    private final String labelTh;
    private final String labelEn;

    RoundStatus(String labelTh, String labelEn) {
        this.labelTh = labelTh;
        this.labelEn = labelEn;
    }

    public String labelTh() {
        return labelTh;
    }

    public String labelEn() {
        return labelEn;
    }
}
