package th.obec.apimr.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.audit.AuditTrail;
import th.obec.apimr.cycle.CycleCalendar;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.indicator.MeasureView;
import th.obec.apimr.report.RoundSummary.IndicatorResult;
import th.obec.apimr.report.RoundSummary.MeasureTotal;
import th.obec.apimr.report.RoundSummary.OfficeResult;

/**
 * Indicator reports: saved by the report and review tasks; read by the dashboard, the round compilations and the
 * reflections. Round figures are computed from the reports each time, never stored.
 */
@Service
public class ReportService {

    private final IndicatorReportRepository reports;
    private final CycleService cycles;
    private final CycleCalendar calendar;
    private final IndicatorCatalogue catalogue;
    private final ReportPlan plan;
    private final AuditTrail audit;

    ReportService(IndicatorReportRepository reports, CycleService cycles, CycleCalendar calendar,
                  IndicatorCatalogue catalogue, ReportPlan plan, AuditTrail audit) {
        this.audit = audit;
        this.reports = reports;
        this.cycles = cycles;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.plan = plan;
    }

    /** An office's reports of one round, in catalogue order. */
    @Transactional(readOnly = true)
    public List<ReportView> reports(Long officeCycleId, Round round) {
        OfficeCycleView officeCycle = cycles.officeCycle(officeCycleId);
        Comparator<String> order = catalogueOrder(catalogue.indicators(officeCycle.catalogueYear()));
        return reports.findByOfficeCycleIdAndRound(officeCycleId, round).stream()
                .sorted(Comparator.comparing(IndicatorReport::getIndicatorCode, order))
                .map(ReportView::of)
                .toList();
    }

    /** Where one office stands in a round: reports owed, submitted, accepted, on time, its level. */
    @Transactional(readOnly = true)
    public OfficeResult officeRound(Long officeCycleId, Round round) {
        OfficeCycleView officeCycle = cycles.officeCycle(officeCycleId);
        List<String> expected = plan.indicatorCodes(officeCycle, catalogue.indicators(officeCycle.catalogueYear()));
        return officeResult(officeCycle, expected, reports.findByOfficeCycleIdAndRound(officeCycleId, round),
                dueMoment(officeCycle.cycleId(), officeCycle.officeCode(), round));
    }

    /** The national figures of a round, as its compilation and the dashboard show them. */
    @Transactional(readOnly = true)
    public RoundSummary roundSummary(Long cycleId, Round round) {
        CycleView cycle = cycles.cycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleId));
        LocalDate deadline = calendar.date(cycleId, round.reportDeadline());
        List<IndicatorView> indicators = catalogue.indicators(cycle.catalogueYear());
        List<IndicatorReport> roundReports = reports.findByCycleIdAndRound(cycleId, round);
        Map<Long, List<IndicatorReport>> byOffice = roundReports.stream()
                .collect(Collectors.groupingBy(IndicatorReport::getOfficeCycleId));

        List<OfficeResult> offices = new ArrayList<>();
        Map<String, Integer> owed = new HashMap<>();
        for (OfficeCycleView office : cycles.officeCycles(cycleId)) {
            List<String> expected = plan.indicatorCodes(office, indicators);
            expected.forEach(code -> owed.merge(code, 1, Integer::sum));
            // an office whose deadline was extended is on time by its own date
            offices.add(officeResult(office, expected, byOffice.getOrDefault(office.id(), List.of()),
                    dueMoment(cycleId, office.officeCode(), round)));
        }
        offices.sort(Comparator.comparing(OfficeResult::officeCode));

        List<IndicatorResult> indicatorResults = indicatorResults(indicators, owed, roundReports,
                reports.currentCounts(cycleId, round));
        return new RoundSummary(cycleId, cycle.fiscalYear(), round, deadline, offices.size(),
                (int) offices.stream().filter(OfficeResult::allSubmitted).count(),
                (int) offices.stream().filter(OfficeResult::onTime).count(),
                (int) offices.stream().filter(OfficeResult::allAccepted).count(),
                RoundSummary.distribution(offices.stream().map(OfficeResult::qualityLevel).toList()),
                indicatorResults, offices);
    }

    // ----- used by the task handlers -----

    Optional<IndicatorReport> find(Long officeCycleId, Round round, String indicatorCode) {
        return reports.findByOfficeCycleIdAndRoundAndIndicatorCode(officeCycleId, round, indicatorCode);
    }

    Optional<IndicatorReport> find(Long reportId) {
        return reports.findById(reportId);
    }

    /** Saves a submission as a new revision of the office's report (creating the report the first time). */
    @Transactional
    IndicatorReport submit(OfficeCycleView officeCycle, Round round, String indicatorCode, ReportContent content,
                           String submittedBy, Instant when) {
        Optional<IndicatorReport> existing = find(officeCycle.id(), round, indicatorCode);
        Map<String, Object> before = ReportAudit.snapshot(existing.orElse(null));
        IndicatorReport report = existing
                .orElseGet(() -> new IndicatorReport(officeCycle.cycleId(), officeCycle.id(), round, indicatorCode));
        report.submit(content, submittedBy, when);
        IndicatorReport saved = reports.saveAndFlush(report);
        audit.officeChange(ReportAudit.ENTITY, saved.getId(), "SUBMIT", officeCycle.id(), before,
                ReportAudit.snapshot(saved), submittedBy, when);
        return saved;
    }

    /** Records a reviewer's decision on the current revision. */
    @Transactional
    IndicatorReport review(IndicatorReport report, Integer suggestedLevel, ReviewDecision decision, Integer level,
                           String comments, String reviewedBy, Instant when) {
        Map<String, Object> before = ReportAudit.snapshot(report);
        report.review(suggestedLevel, decision, level, comments, reviewedBy, when);
        IndicatorReport saved = reports.saveAndFlush(report);
        audit.officeChange(ReportAudit.ENTITY, saved.getId(), "REVIEW_" + decision.name(), saved.getOfficeCycleId(),
                before, ReportAudit.snapshot(saved), reviewedBy, when);
        return saved;
    }

    // ----- computing the round -----

    private Instant dueMoment(Long cycleId, String officeCode, Round round) {
        return calendar.dueMoment(calendar.date(cycleId, officeCode, round.reportDeadline()));
    }

    static OfficeResult officeResult(OfficeCycleView office, List<String> expected, List<IndicatorReport> reports,
                                     Instant due) {
        Map<String, IndicatorReport> byCode = reports.stream()
                .collect(Collectors.toMap(IndicatorReport::getIndicatorCode, Function.identity()));
        int submitted = 0;
        int accepted = 0;
        boolean allOnTime = true;
        for (String code : expected) {
            IndicatorReport report = byCode.get(code);
            if (report == null) {
                allOnTime = false;
                continue;
            }
            submitted++;
            if (report.getStatus() == ReportStatus.ACCEPTED) {
                accepted++;
            }
            allOnTime &= !report.getFirstSubmittedAt().isAfter(due);
        }
        List<Integer> levels = reports.stream()
                .filter(r -> r.getStatus() == ReportStatus.ACCEPTED)
                .map(IndicatorReport::getQualityLevel)
                .toList();
        return new OfficeResult(office.id(), office.officeCode(), expected.size(), submitted, accepted,
                !expected.isEmpty() && allOnTime, roundedMean(levels));
    }

    /** The mean rounded half up (3.5 gives 4); null for none. */
    static Integer roundedMean(List<Integer> levels) {
        if (levels.isEmpty()) {
            return null;
        }
        double mean = levels.stream().mapToInt(Integer::intValue).average().orElseThrow();
        return (int) Math.round(mean);
    }

    private static List<IndicatorResult> indicatorResults(List<IndicatorView> indicators, Map<String, Integer> owed,
                                                          List<IndicatorReport> roundReports, List<CountRow> rows) {
        Map<String, IndicatorView> byCode = new LinkedHashMap<>();
        indicators.forEach(indicator -> byCode.put(indicator.code(), indicator));
        Set<String> codes = new LinkedHashSet<>(byCode.keySet());
        owed.keySet().stream().sorted().forEach(codes::add);
        roundReports.stream().map(IndicatorReport::getIndicatorCode).sorted().forEach(codes::add);

        Map<String, List<IndicatorReport>> reportsByCode = roundReports.stream()
                .collect(Collectors.groupingBy(IndicatorReport::getIndicatorCode));
        Map<String, List<CountRow>> rowsByCode = rows.stream().collect(Collectors.groupingBy(CountRow::indicatorCode));

        List<IndicatorResult> results = new ArrayList<>();
        for (String code : codes) {
            IndicatorView indicator = byCode.get(code);
            List<IndicatorReport> codeReports = reportsByCode.getOrDefault(code, List.of());
            List<Integer> acceptedLevels = codeReports.stream()
                    .filter(r -> r.getStatus() == ReportStatus.ACCEPTED)
                    .map(IndicatorReport::getQualityLevel)
                    .toList();
            List<MeasureTotal> measures = indicator == null ? List.of()
                    : measureTotals(indicator, rowsByCode.getOrDefault(code, List.of()));
            long achieved = 0;
            long base = 0;
            for (MeasureTotal total : measures) {
                if (total.base() != null) {
                    achieved += total.achieved();
                    base += total.base();
                }
            }
            results.add(new IndicatorResult(code, indicator == null ? null : indicator.titleTh(),
                    owed.getOrDefault(code, 0), codeReports.size(), acceptedLevels.size(),
                    RoundSummary.distribution(acceptedLevels), measures, achieved, base,
                    RoundSummary.percent(achieved, base)));
        }
        return results;
    }

    /** Per measure, the sums over the reports that filled it (achieved, and the base where it has one). */
    private static List<MeasureTotal> measureTotals(IndicatorView indicator, List<CountRow> rows) {
        List<MeasureTotal> totals = new ArrayList<>();
        for (MeasureView measure : indicator.measures()) {
            int filled = 0;
            long achieved = 0;
            long base = 0;
            for (CountRow row : rows) {
                if (!row.measureCode().equals(measure.code()) || row.achieved() == null
                        || measure.hasBase() && row.base() == null) {
                    continue;
                }
                filled++;
                achieved += row.achieved();
                base += measure.hasBase() ? row.base() : 0;
            }
            totals.add(new MeasureTotal(measure.code(), measure.achievedLabelTh(), filled, achieved,
                    measure.hasBase() ? base : null,
                    measure.hasBase() ? RoundSummary.percent(achieved, base) : null));
        }
        return totals;
    }

    static Comparator<String> catalogueOrder(List<IndicatorView> indicators) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            position.put(indicators.get(i).code(), i);
        }
        return Comparator.<String>comparingInt(code -> position.getOrDefault(code, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }
}
