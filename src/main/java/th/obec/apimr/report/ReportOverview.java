package th.obec.apimr.report;

import java.util.List;
import java.util.Locale;

import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.indicator.MeasureView;
import th.obec.apimr.system.OverviewText;

/** The read-only text of a report a reviewer screens: figures first, then what the office wrote. */
final class ReportOverview {

    /** Each written part is cut to this length, so that every part shows within the form's limit. */
    private static final int SECTION_LENGTH = 600;
    private static final int PRACTICE_LENGTH = 200;

    private ReportOverview() {
    }

    static String of(IndicatorView indicator, IndicatorReport report, ReportRevision revision) {
        StringBuilder text = new StringBuilder();
        text.append(ReportForm.indicatorTitle(indicator)).append('\n');
        text.append(report.getRound().labelTh()).append(" ฉบับที่ ").append(revision.getRevision()).append('\n');

        text.append("\nผลการดำเนินงาน\n");
        List<MeasureCount> counts = revision.getCounts();
        if (counts.isEmpty()) {
            text.append("- ไม่มีข้อมูลเชิงปริมาณ\n");
        }
        for (MeasureCount count : counts) {
            String label = indicator.measure(count.getMeasureCode()).map(MeasureView::achievedLabelTh)
                    .orElse(count.getMeasureCode());
            text.append("- ").append(label).append(": ").append(figures(count.getAchieved(), count.getBase()))
                    .append('\n');
        }
        Double percent = revision.achievementPercent();
        if (percent != null) {
            text.append("ร้อยละความสำเร็จรวม: ").append(percent(percent)).append('\n');
        }
        text.append("ระดับคุณภาพที่ประเมินตนเอง: ").append(QualityLevel.label(revision.getSelfAssessedLevel()))
                .append('\n');

        section(text, "การขับเคลื่อนการดำเนินงาน", revision.getStepsTaken());
        text.append("\nวิธีการปฏิบัติที่เป็นเลิศ/นวัตกรรม\n");
        List<BestPractice> practices = revision.getPractices();
        if (practices.isEmpty()) {
            text.append("-\n");
        }
        for (int i = 0; i < practices.size(); i++) {
            BestPractice practice = practices.get(i);
            text.append(i + 1).append(". ").append(practice.getName());
            if (practice.getOwnerName() != null) {
                text.append(" (").append(practice.getOwnerName()).append(')');
            }
            if (practice.getDescription() != null) {
                text.append(": ").append(OverviewText.clip(practice.getDescription(), PRACTICE_LENGTH));
            }
            text.append('\n');
        }
        section(text, "ปัญหา อุปสรรค ระดับ สพฐ.", revision.getProblemsObec());
        section(text, "ปัญหา อุปสรรค ระดับ สพท.", revision.getProblemsOffice());
        section(text, "ข้อเสนอแนะต่อ สพฐ.", revision.getRecommendationsObec());
        section(text, "ข้อเสนอแนะต่อ สพท.", revision.getRecommendationsOffice());
        return OverviewText.clip(text.toString(), OverviewText.MAX_LENGTH);
    }

    /** {@code 150 / 200 (75.00%)}, {@code 12} for a plain count, {@code ไม่ได้กรอก} when empty. */
    static String figures(Long achieved, Long base) {
        if (achieved == null && base == null) {
            return "ไม่ได้กรอก";
        }
        String achievedText = achieved == null ? "-" : number(achieved);
        if (base == null) {
            return achievedText;
        }
        String text = achievedText + " / " + number(base);
        return achieved != null && base > 0 ? text + " (" + percent(achieved * 100.0 / base) + ")" : text;
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    private static void section(StringBuilder text, String heading, String body) {
        text.append('\n').append(heading).append('\n')
                .append(body == null ? "-" : OverviewText.clip(body, SECTION_LENGTH)).append('\n');
    }
}
