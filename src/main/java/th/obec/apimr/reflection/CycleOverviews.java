package th.obec.apimr.reflection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.report.QualityLevel;
import th.obec.apimr.report.ReportPlan;
import th.obec.apimr.report.ReportService;
import th.obec.apimr.report.ReportStatus;
import th.obec.apimr.report.ReportView;
import th.obec.apimr.report.RoundSummary;
import th.obec.apimr.report.RoundSummary.IndicatorResult;
import th.obec.apimr.report.RoundSummary.MeasureTotal;
import th.obec.apimr.report.RoundSummary.OfficeResult;
import th.obec.apimr.system.OverviewText;
import th.obec.apimr.system.ThaiFormats;

/**
 * The read-only overviews the reflection forms show: an office's results per round, a round's national figures,
 * the whole cycle for OBEC. Short Thai texts within the form's limit.
 */
@Component
class CycleOverviews {

    private static final int TITLE_LENGTH = 80;
    private static final int MEASURE_LABEL_LENGTH = 70;
    private static final int WRITTEN_LENGTH = 500;

    private final ReportService reports;
    private final ReportPlan plan;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;
    private final ReflectionService reflections;

    CycleOverviews(ReportService reports, ReportPlan plan, CycleService cycles, IndicatorCatalogue catalogue,
                   ReflectionService reflections) {
        this.reports = reports;
        this.plan = plan;
        this.cycles = cycles;
        this.catalogue = catalogue;
        this.reflections = reflections;
    }

    /** An office's cycle: per round, its reports (accepted or not, with levels) and its level. */
    @Transactional(readOnly = true)
    String office(Long officeCycleId, String officeName) {
        OfficeCycleView officeCycle = cycles.officeCycle(officeCycleId);
        Map<String, IndicatorView> indicators = catalogue.indicators(officeCycle.catalogueYear()).stream()
                .collect(Collectors.toMap(IndicatorView::code, Function.identity()));
        List<String> expected = plan.indicatorCodes(officeCycleId);

        List<String> parts = new ArrayList<>();
        parts.add((officeName == null ? officeCycle.officeCode() : officeName)
                + " ปีงบประมาณ พ.ศ. " + officeCycle.fiscalYear());
        for (Round round : Round.values()) {
            OfficeResult result = reports.officeRound(officeCycleId, round);
            Map<String, ReportView> byCode = reports.reports(officeCycleId, round).stream()
                    .collect(Collectors.toMap(ReportView::indicatorCode, Function.identity()));
            StringBuilder block = new StringBuilder(officeRoundLine(round, result));
            if (result.reportsSubmitted() > 0) {
                for (String code : expected) {
                    block.append("\n- ").append(title(code, indicators.get(code))).append(": ")
                            .append(reportState(byCode.get(code)));
                }
            }
            parts.add(block.toString());
        }
        return OverviewText.clip(OverviewText.join(parts), OverviewText.MAX_LENGTH);
    }

    /** A round over all offices: taking part, submitted, on time, accepted, levels, and per indicator. */
    @Transactional(readOnly = true)
    String round(Long cycleId, Round round) {
        RoundSummary summary = reports.roundSummary(cycleId, round);
        String head = String.join("\n",
                round.labelTh() + " ปีงบประมาณ พ.ศ. " + summary.fiscalYear()
                        + " (กำหนดส่งรายงาน " + ThaiFormats.date(summary.reportDeadline()) + ")",
                "สพท. ที่ร่วมรายงาน " + summary.officesTakingPart() + " เขต",
                "ส่งรายงานครบ " + summary.officesSubmitted() + " เขต, ส่งครบตามกำหนด "
                        + summary.officesOnTime() + " เขต",
                "ผ่านการกลั่นกรองครบ " + summary.officesAccepted() + " เขต",
                "ระดับคุณภาพของเขต: " + Texts.levels(summary.officeLevels(), "เขต"),
                "ผลรายตัวชี้วัด");
        List<String> items = summary.indicators().stream()
                .filter(result -> result.officesReporting() > 0 || result.reportsSubmitted() > 0)
                .map(CycleOverviews::indicatorBlock)
                .toList();
        return OverviewText.fit(head, items, OverviewText.LINES, null,
                left -> "(ไม่แสดงอีก " + left + " ตัวชี้วัด)");
    }

    /** The whole cycle for OBEC: each round's figures and compilation, and how many offices reflected. */
    @Transactional(readOnly = true)
    String national(Long cycleId) {
        CycleView cycle = cycles.cycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleId));
        List<String> parts = new ArrayList<>();
        parts.add("ปีงบประมาณ พ.ศ. " + cycle.fiscalYear() + ": สพท. ที่ร่วมวงจร " + cycle.offices()
                + " เขต, สะท้อนผลการปฏิบัติแล้ว " + reflections.officesReflected(cycleId) + " เขต");
        for (Round round : Round.values()) {
            RoundSummary summary = reports.roundSummary(cycleId, round);
            StringBuilder block = new StringBuilder(round.labelTh())
                    .append(": ส่งรายงานครบ ").append(summary.officesSubmitted())
                    .append(" จาก ").append(summary.officesTakingPart()).append(" เขต (ตามกำหนด ")
                    .append(summary.officesOnTime()).append(" เขต), ผ่านการกลั่นกรองครบ ")
                    .append(summary.officesAccepted()).append(" เขต")
                    .append("\nระดับคุณภาพของเขต: ").append(Texts.levels(summary.officeLevels(), "เขต"));
            Optional<RoundCompilationInput> compilation = reflections.compilation(cycleId, round);
            if (compilation.isPresent()) {
                RoundCompilationInput compiled = compilation.get();
                block.append("\nสรุปผล: ").append(OverviewText.clip(compiled.roundSummary(), WRITTEN_LENGTH))
                        .append("\nบทเรียน: ").append(OverviewText.clip(compiled.lessonsLearned(), WRITTEN_LENGTH));
                if (compiled.recommendations() != null) {
                    block.append("\nข้อเสนอแนะ: ")
                            .append(OverviewText.clip(compiled.recommendations(), WRITTEN_LENGTH));
                }
            } else {
                block.append("\nยังไม่ได้สรุปผลรอบนี้");
            }
            parts.add(block.toString());
        }
        return OverviewText.clip(OverviewText.join(parts), OverviewText.MAX_LENGTH);
    }

    private static String officeRoundLine(Round round, OfficeResult result) {
        StringBuilder line = new StringBuilder(round.labelTh())
                .append(": ส่งรายงาน ").append(result.reportsSubmitted())
                .append(" จาก ").append(result.reportsExpected()).append(" ตัวชี้วัด, ผ่านการกลั่นกรอง ")
                .append(result.reportsAccepted()).append(" ตัวชี้วัด");
        if (result.allSubmitted()) {
            line.append(result.onTime() ? ", ส่งครบตามกำหนด" : ", ส่งครบแต่เกินกำหนด");
        }
        if (result.qualityLevel() != null) {
            line.append(", ระดับคุณภาพของเขต ").append(QualityLevel.label(result.qualityLevel()));
        }
        return line.toString();
    }

    private static String reportState(ReportView report) {
        if (report == null) {
            return "ยังไม่ส่ง";
        }
        String state = report.status() == ReportStatus.ACCEPTED
                ? "ผ่านการกลั่นกรอง ระดับ " + QualityLevel.label(report.qualityLevel())
                : report.status().labelTh();
        return report.achievementPercent() == null ? state
                : state + ", ผลสำเร็จ " + Texts.percent(report.achievementPercent());
    }

    private static String indicatorBlock(IndicatorResult result) {
        StringBuilder block = new StringBuilder("ตัวชี้วัดที่ ").append(result.code());
        if (result.titleTh() != null) {
            block.append(' ').append(OverviewText.clip(result.titleTh(), TITLE_LENGTH));
        }
        block.append(": ส่ง ").append(result.reportsSubmitted()).append(" จาก ").append(result.officesReporting())
                .append(" เขต, ผ่าน ").append(result.reportsAccepted());
        if (result.reportsAccepted() > 0) {
            block.append(" (").append(Texts.levelsGiven(result.levels(), "ฉบับ")).append(')');
        }
        if (result.base() > 0) {
            block.append(", รวม ").append(Texts.number(result.achieved())).append(" / ")
                    .append(Texts.number(result.base())).append(" (").append(Texts.percent(result.percent()))
                    .append(')');
        }
        for (MeasureTotal measure : result.measures()) {
            if (measure.reports() == 0) {
                continue;
            }
            block.append("\n  - ").append(OverviewText.clip(measure.labelTh(), MEASURE_LABEL_LENGTH)).append(": ")
                    .append(Texts.number(measure.achieved()));
            if (measure.base() != null) {
                block.append(" / ").append(Texts.number(measure.base()))
                        .append(" (").append(Texts.percent(measure.percent())).append(')');
            }
        }
        return block.toString();
    }

    private static String title(String code, IndicatorView indicator) {
        return indicator == null ? "ตัวชี้วัดที่ " + code
                : "ตัวชี้วัดที่ " + code + " " + OverviewText.clip(indicator.titleTh(), TITLE_LENGTH);
    }
}
