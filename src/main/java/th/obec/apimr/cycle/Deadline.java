package th.obec.apimr.cycle;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The dates of a cycle's calendar. Each has a default for a fiscal year (BE), which runs from 1 October of the
 * previous CE year to 30 September; an administrator can set any of them when launching a cycle.
 */
public enum Deadline {
    NATIONAL_ANALYSIS("วิเคราะห์นโยบายระดับชาติ", -1, MonthDay.of(10, 31)),
    ANALYSIS("วิเคราะห์นโยบาย (A)", -1, MonthDay.of(11, 30)),
    PLAN("จัดทำแผนงาน/โครงการ (P)", -1, MonthDay.of(12, 31)),
    PLAN_APPROVAL("อนุมัติแผน", 0, MonthDay.of(1, 15)),
    IMPLEMENTATION("บันทึกการปฏิบัติและการตัดสินใจ (I)", 0, MonthDay.of(3, 31)),
    MID_YEAR_REPORT("รายงานผลรอบ 6 เดือน", 0, MonthDay.of(4, 30)),
    MID_YEAR_REVIEW("กลั่นกรองรายงานรอบ 6 เดือน", 0, MonthDay.of(5, 31)),
    MID_YEAR_COMPILE("สรุปผลระดับชาติรอบ 6 เดือน", 0, MonthDay.of(6, 30)),
    ANNUAL_REPORT("รายงานผลรอบ 12 เดือน", 0, MonthDay.of(10, 31)),
    ANNUAL_REVIEW("กลั่นกรองรายงานรอบ 12 เดือน", 0, MonthDay.of(11, 30)),
    ANNUAL_COMPILE("สรุปผลระดับชาติรอบ 12 เดือน", 0, MonthDay.of(12, 15)),
    REFLECTION("สะท้อนผลการปฏิบัติ (R)", 0, MonthDay.of(12, 31)),
    NATIONAL_REFLECTION("สะท้อนผลระดับชาติ", 1, MonthDay.of(1, 31));

    private final String labelTh;
    private final int yearOffset;
    private final MonthDay day;

    Deadline(String labelTh, int yearOffset, MonthDay day) {
        this.labelTh = labelTh;
        this.yearOffset = yearOffset;
        this.day = day;
    }

    public String labelTh() {
        return labelTh;
    }

    /** The default date for a fiscal year given in the Buddhist era (FY2566 = Oct 2022 to Sep 2023). */
    public LocalDate defaultFor(int fiscalYearBe) {
        int endYearCe = fiscalYearBe - 543;
        return day.atYear(endYearCe + yearOffset);
    }

    /** The name of the launch form field that sets this deadline, e.g. {@code midYearReportDue}. */
    public String formField() {
        StringBuilder camel = new StringBuilder();
        for (String part : name().toLowerCase().split("_")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.append("Due").toString();
    }
}
