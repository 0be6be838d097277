package th.obec.apimr.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.indicator.MeasureLevel;
import th.obec.apimr.indicator.MeasureView;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.report.QualityLevel;
import th.obec.apimr.report.ReportStatus;
import th.obec.apimr.report.RoundReports;
import th.obec.apimr.report.RoundReports.CurrentReport;
import th.obec.apimr.report.RoundReports.Practice;
import th.obec.apimr.report.ReportService;
import th.obec.apimr.report.RoundSummary;
import th.obec.apimr.report.RoundSummary.IndicatorResult;
import th.obec.apimr.report.RoundSummary.MeasureTotal;
import th.obec.apimr.report.RoundSummary.OfficeResult;
import th.obec.apimr.rollup.Rollup.IndicatorRollup;
import th.obec.apimr.rollup.Rollup.LevelCount;
import th.obec.apimr.rollup.Rollup.LevelTotal;
import th.obec.apimr.rollup.Rollup.MeasureRollup;
import th.obec.apimr.rollup.Rollup.OfficeRow;
import th.obec.apimr.rollup.Rollup.PracticeEntry;
import th.obec.apimr.rollup.Rollup.QualityDistribution;
import th.obec.apimr.rollup.Rollup.RegionLevels;
import th.obec.apimr.rollup.Rollup.Remark;
import th.obec.apimr.rollup.Rollup.Remarks;
import th.obec.apimr.system.ThaiFormats;

/**
 * Computes the national roll-up of a round from the reports each time (nothing is stored twice): the round's
 * figures from {@link ReportService#roundSummary}, what the offices wrote from {@link RoundReports}.
 */
@Service
class RollupService {

    private final ReportService reports;
    private final RoundReports roundReports;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;
    private final OfficeService offices;

    RollupService(ReportService reports, RoundReports roundReports, CycleService cycles, IndicatorCatalogue catalogue,
                  OfficeService offices) {
        this.reports = reports;
        this.roundReports = roundReports;
        this.cycles = cycles;
        this.catalogue = catalogue;
        this.offices = offices;
    }

    /** The roll-up of a round; empty when there is no such cycle. */
    @Transactional(readOnly = true)
    public Optional<Rollup> rollup(Long cycleId, Round round) {
        return cycles.cycle(cycleId).map(cycle -> compute(cycle.catalogueYear(), cycleId, round));
    }

    private Rollup compute(int catalogueYear, Long cycleId, Round round) {
        RoundSummary summary = reports.roundSummary(cycleId, round);
        List<CurrentReport> current = roundReports.currentReports(cycleId, round);
        Map<String, IndicatorView> indicators = new LinkedHashMap<>();
        catalogue.indicators(catalogueYear).forEach(indicator -> indicators.put(indicator.code(), indicator));
        Map<String, OfficeView> officeViews = offices.all().stream()
                .collect(Collectors.toMap(OfficeView::code, Function.identity()));
        Map<Long, String> officeCodes = new HashMap<>();
        summary.offices().forEach(office -> officeCodes.put(office.officeCycleId(), office.officeCode()));
        Function<Long, String> officeCode = id -> officeCodes.getOrDefault(id, String.valueOf(id));
        Function<String, String> officeName = code -> Optional.ofNullable(officeViews.get(code))
                .map(OfficeView::shortNameTh).orElse(code);

        Map<String, List<CurrentReport>> byIndicator = current.stream()
                .sorted(Comparator.comparing((CurrentReport r) -> officeCode.apply(r.officeCycleId())))
                .collect(Collectors.groupingBy(CurrentReport::indicatorCode, LinkedHashMap::new,
                        Collectors.toList()));

        List<IndicatorRollup> indicatorRollups = new ArrayList<>();
        for (IndicatorResult result : summary.indicators()) {
            IndicatorView indicator = indicators.get(result.code());
            List<CurrentReport> texts = byIndicator.getOrDefault(result.code(), List.of());
            indicatorRollups.add(indicatorRollup(result, indicator, texts, officeCode, officeName));
        }

        List<OfficeRow> officeRows = summary.offices().stream()
                .map(result -> officeRow(result, officeViews.get(result.officeCode())))
                .toList();
        int accepted = (int) current.stream().filter(r -> r.status() == ReportStatus.ACCEPTED).count();
        return new Rollup(cycleId, summary.fiscalYear(), round, round.labelTh(), summary.reportDeadline(),
                ThaiFormats.date(summary.reportDeadline()), summary.officesTakingPart(), summary.officesSubmitted(),
                summary.officesOnTime(), summary.officesAccepted(), current.size(), accepted, indicatorRollups,
                distribution(summary, officeRows), officeRows);
    }

    private static IndicatorRollup indicatorRollup(IndicatorResult result, IndicatorView indicator,
                                                   List<CurrentReport> texts, Function<Long, String> officeCode,
                                                   Function<String, String> officeName) {
        List<MeasureRollup> measures = new ArrayList<>();
        Map<MeasureLevel, long[]> byLevel = new EnumMap<>(MeasureLevel.class);
        for (MeasureTotal total : result.measures()) {
            Optional<MeasureView> measure = indicator == null ? Optional.empty() : indicator.measure(total.code());
            MeasureLevel level = measure.map(MeasureView::level).orElse(MeasureLevel.ALL);
            measures.add(new MeasureRollup(total.code(), total.labelTh(),
                    measure.map(MeasureView::baseLabelTh).orElse(null), level, Rollup.levelTh(level),
                    total.reports(), total.achieved(), total.base(), total.percent()));
            if (level != MeasureLevel.ALL) {
                long[] sums = byLevel.computeIfAbsent(level, l -> new long[2]);
                if (total.base() != null) {
                    sums[0] += total.achieved();
                    sums[1] += total.base();
                }
            }
        }
        List<LevelTotal> levelTotals = new ArrayList<>();
        byLevel.forEach((level, sums) -> levelTotals.add(new LevelTotal(level, Rollup.levelTh(level), sums[0],
                sums[1], percent(sums[0], sums[1]))));

        List<PracticeEntry> practices = new ArrayList<>();
        List<Remark> problemsObec = new ArrayList<>();
        List<Remark> problemsOffice = new ArrayList<>();
        List<Remark> recommendationsObec = new ArrayList<>();
        List<Remark> recommendationsOffice = new ArrayList<>();
        for (CurrentReport report : texts) {
            String code = officeCode.apply(report.officeCycleId());
            String name = officeName.apply(code);
            for (Practice practice : report.practices()) {
                practices.add(new PracticeEntry(code, name, practice.name(), practice.ownerName(),
                        practice.description()));
            }
            remark(problemsObec, code, name, report.problemsObec());
            remark(problemsOffice, code, name, report.problemsOffice());
            remark(recommendationsObec, code, name, report.recommendationsObec());
            remark(recommendationsOffice, code, name, report.recommendationsOffice());
        }
        return new IndicatorRollup(result.code(), result.titleTh(),
                indicator == null ? null : indicator.dimension().labelTh(), result.officesReporting(),
                result.reportsSubmitted(), result.reportsAccepted(), measures, levelTotals, result.achieved(),
                result.base(), result.percent(), practices, new Remarks(problemsObec, problemsOffice),
                new Remarks(recommendationsObec, recommendationsOffice));
    }

    private static void remark(List<Remark> remarks, String officeCode, String officeName, String text) {
        if (text != null && !text.isBlank()) {
            remarks.add(new Remark(officeCode, officeName, text.strip()));
        }
    }

    private static OfficeRow officeRow(OfficeResult result, OfficeView office) {
        return new OfficeRow(result.officeCode(), office == null ? result.officeCode() : office.shortNameTh(),
                office == null ? null : office.type(), office == null ? null : office.regionCode(),
                office == null ? null : office.regionNameTh(), result.reportsExpected(), result.reportsSubmitted(),
                result.reportsAccepted(), result.onTime(), result.qualityLevel(),
                QualityLevel.label(result.qualityLevel()));
    }

    private static QualityDistribution distribution(RoundSummary summary, List<OfficeRow> rows) {
        int withLevel = summary.officeLevels().values().stream().mapToInt(Integer::intValue).sum();
        List<LevelCount> levels = new ArrayList<>();
        summary.officeLevels().forEach((level, count) -> levels.add(new LevelCount(level,
                QualityLevel.of(level).label(), count, percent(count, withLevel))));

        Map<String, List<OfficeRow>> byRegion = new TreeMap<>();
        for (OfficeRow row : rows) {
            byRegion.computeIfAbsent(row.regionCode() == null ? "" : row.regionCode(), k -> new ArrayList<>()).add(row);
        }
        List<RegionLevels> regions = new ArrayList<>();
        byRegion.forEach((code, regionRows) -> {
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (int level = QualityLevel.MAX; level >= QualityLevel.MIN; level--) {
                counts.put(level, 0);
            }
            int without = 0;
            for (OfficeRow row : regionRows) {
                if (row.qualityLevel() == null) {
                    without++;
                } else {
                    counts.merge(row.qualityLevel(), 1, Integer::sum);
                }
            }
            regions.add(new RegionLevels(code.isEmpty() ? null : code, regionRows.get(0).regionNameTh(), counts,
                    without, regionRows.size()));
        });
        return new QualityDistribution(withLevel, rows.size() - withLevel, levels, regions);
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : part * 100.0 / whole;
    }
}
