package th.obec.apimr.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.analysis.AnalysisService;
import th.obec.apimr.cycle.CycleCalendar;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.Deadline;
import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.dashboard.DashboardViews.CycleDashboard;
import th.obec.apimr.dashboard.DashboardViews.CycleEntry;
import th.obec.apimr.dashboard.DashboardViews.DeadlineEntry;
import th.obec.apimr.dashboard.DashboardViews.OfficeDetail;
import th.obec.apimr.dashboard.DashboardViews.OfficeRound;
import th.obec.apimr.dashboard.DashboardViews.OfficeRow;
import th.obec.apimr.dashboard.DashboardViews.PhaseCount;
import th.obec.apimr.dashboard.DashboardViews.RegionFigures;
import th.obec.apimr.dashboard.DashboardViews.RoundEntry;
import th.obec.apimr.dashboard.DashboardViews.RoundFigures;
import th.obec.apimr.dashboard.DashboardViews.TaskEntry;
import th.obec.apimr.dashboard.DashboardData.OfficeCycleRow;
import th.obec.apimr.dashboard.DashboardData.OfficeData;
import th.obec.apimr.dashboard.DashboardData.OpenTask;
import th.obec.apimr.dashboard.RoundRules.ReportRow;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.office.RegionView;
import th.obec.apimr.plan.PlanService;
import th.obec.apimr.report.ReportService;
import th.obec.apimr.report.ReportView;

/**
 * The cycle status page's figures: per office its phase, open, overdue and escalated tasks, next deadline and its
 * standing in each round; per round the completeness, timeliness and quality levels, nationally and per region.
 * Computed on each request from the application's tables and the engine, with a fixed number of queries whatever
 * the number of offices (BENCHMARKS.md, "Dashboard API": 245 offices and 29,000 units).
 */
@Service
class DashboardService {

    /** The national roll-up page of a round (served by the roll-up capability). */
    static final String ROLLUP_URL = "/rollup?cycle=%d&round=%s";

    private final CycleService cycles;
    private final CycleCalendar calendar;
    private final OfficeService offices;
    private final IndicatorCatalogue catalogue;
    private final DashboardData data;
    private final PlanService plans;
    private final ReportService reports;
    private final AnalysisService analyses;

    DashboardService(CycleService cycles, CycleCalendar calendar, OfficeService offices, IndicatorCatalogue catalogue,
                     DashboardData data, PlanService plans, ReportService reports, AnalysisService analyses) {
        this.cycles = cycles;
        this.calendar = calendar;
        this.offices = offices;
        this.catalogue = catalogue;
        this.data = data;
        this.plans = plans;
        this.reports = reports;
        this.analyses = analyses;
    }

    /** The cycles, newest fiscal year first. */
    @Transactional(readOnly = true)
    public List<CycleEntry> cycles() {
        return cycles.cycles().stream()
                .sorted(Comparator.comparingInt(CycleView::fiscalYear).reversed())
                .map(c -> new CycleEntry(c.id(), c.fiscalYear(), c.status(), c.offices()))
                .toList();
    }

    /** The status page of a cycle over the offices the user may see. */
    @Transactional(readOnly = true)
    public CycleDashboard cycle(Long cycleId, OfficeVisibility visibility) {
        CycleView cycle = findCycle(cycleId);
        Map<String, OfficeData> officeByCode = data.offices(cycleId);
        Map<String, RegionView> regionByCode = offices.regions().stream()
                .collect(Collectors.toMap(RegionView::code, Function.identity()));
        List<OfficeCycleRow> visible = data.officeCycles(cycleId, null).stream()
                .filter(oc -> {
                    OfficeData office = officeByCode.get(oc.officeCode());
                    return office != null && visibility.sees(oc.officeCode(), office.regionCode());
                })
                .toList();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<OfficeRow> rows = rows(cycle, visible, officeByCode, regionByCode, now, null);

        List<RoundFigures> national = new ArrayList<>();
        for (Round round : Round.values()) {
            national.add(RoundRules.figures(round, roundsOf(rows, round)));
        }
        Map<String, List<OfficeRow>> byRegion = rows.stream()
                .collect(Collectors.groupingBy(OfficeRow::regionCode, java.util.TreeMap::new, Collectors.toList()));
        List<RegionFigures> regions = new ArrayList<>();
        byRegion.forEach((code, regionRows) -> {
            RegionView region = regionByCode.get(code);
            List<RoundFigures> figures = new ArrayList<>();
            for (Round round : Round.values()) {
                figures.add(RoundRules.figures(round, roundsOf(regionRows, round)));
            }
            regions.add(new RegionFigures(code, region == null ? code : region.nameTh(),
                    region == null ? code : region.nameEn(), regionRows.size(), figures));
        });

        List<DeadlineEntry> deadlines = new ArrayList<>();
        for (Deadline deadline : Deadline.values()) {
            deadlines.add(new DeadlineEntry(deadline.name(), deadline.labelTh(), deadlineDate(cycle, deadline)));
        }
        List<RoundEntry> rounds = new ArrayList<>();
        for (Round round : Round.values()) {
            LocalDate date = deadlineDate(cycle, round.reportDeadline());
            rounds.add(new RoundEntry(round, round.labelTh(), date, calendar.dueMoment(date),
                    ROLLUP_URL.formatted(cycle.id(), round.name())));
        }
        return new CycleDashboard(cycle.id(), cycle.fiscalYear(), cycle.status(), visibility.scope(), now, deadlines,
                rounds, national, regions, phases(rows), rows, visibility.isAdmin());
    }

    /** One office's cycle: its row, every task with dates and who did it, its plan and its reports. */
    @Transactional(readOnly = true)
    public OfficeDetail office(Long cycleId, String officeCode, OfficeVisibility visibility) {
        CycleView cycle = findCycle(cycleId);
        OfficeView office = offices.find(officeCode).orElse(null);
        if (office == null) {
            throw visibility.seesEverything() ? notFound("ไม่พบเขตพื้นที่ " + officeCode + " (no such office)")
                    : forbidden(officeCode);
        }
        if (!visibility.sees(office.code(), office.regionCode())) {
            throw forbidden(office.code());
        }
        OfficeCycleRow officeCycle = data.officeCycles(cycleId, office.code()).stream()
                .findFirst()
                .orElseThrow(() -> notFound("เขตพื้นที่ " + office.code() + " ไม่ได้ร่วมวงจรนี้"
                        + " (office does not take part in cycle " + cycleId + ")"));
        Map<String, RegionView> regionByCode = Map.of(office.regionCode(), offices.region(office.regionCode()));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        OfficeData officeData = new OfficeData(office.code(), office.type(), office.shortNameTh(),
                String.join(", ", office.provincesTh()), office.regionCode());
        OfficeRow row = rows(cycle, List.of(officeCycle), Map.of(office.code(), officeData), regionByCode, now,
                officeCycle.id()).get(0);

        List<TaskEntry> tasks = new ArrayList<>();
        String processInstanceId = officeCycle.processInstanceId();
        if (processInstanceId != null) {
            Map<String, String> completedBy = data.completedBy(processInstanceId);
            Set<String> escalated = data.escalatedTaskIds(List.of(processInstanceId));
            for (HistoricTaskInstance task : data.taskHistory(processInstanceId)) {
                Instant due = DashboardData.instant(task.getDueDate());
                Instant ended = DashboardData.instant(task.getEndTime());
                String state = ended == null ? "OPEN"
                        : "completed".equals(task.getDeleteReason()) ? "COMPLETED" : "CANCELLED";
                boolean late = due != null && (ended == null ? now.isAfter(due) : ended.isAfter(due));
                String doneBy = "COMPLETED".equals(state)
                        ? completedBy.getOrDefault(task.getId(), task.getAssignee()) : null;
                tasks.add(new TaskEntry(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        DashboardData.instant(task.getStartTime()), due, ended, state, doneBy, task.getAssignee(),
                        late, "OPEN".equals(state) && escalated.contains(task.getId())));
            }
        }
        Map<Round, List<ReportView>> roundReports = new EnumMap<>(Round.class);
        for (Round round : Round.values()) {
            roundReports.put(round, reports.reports(officeCycle.id(), round));
        }
        return new OfficeDetail(row, cycle.id(), cycle.fiscalYear(), processInstanceId,
                analyses.chosenIndicatorCodes(officeCycle.id()), tasks,
                plans.currentPlan(officeCycle.id()).orElse(null), roundReports);
    }

    // ----- rows -----

    private List<OfficeRow> rows(CycleView cycle, List<OfficeCycleRow> officeCycles,
                                 Map<String, OfficeData> officeByCode, Map<String, RegionView> regionByCode,
                                 Instant now, Long onlyOfficeCycle) {
        if (officeCycles.isEmpty()) {
            return List.of();
        }
        List<String> catalogueCodes = catalogue.indicators(cycle.catalogueYear()).stream()
                .map(IndicatorView::code).toList();
        Map<Long, List<String>> chosen = data.chosenIndicators(cycle.id(), onlyOfficeCycle);
        Map<Long, Map<Round, List<ReportRow>>> reportsByOffice = new HashMap<>();
        for (ReportRow report : data.reports(cycle.id(), onlyOfficeCycle)) {
            reportsByOffice.computeIfAbsent(report.officeCycleId(), id -> new EnumMap<>(Round.class))
                    .computeIfAbsent(report.round(), r -> new ArrayList<>()).add(report);
        }
        List<String> instanceIds = officeCycles.stream().map(OfficeCycleRow::processInstanceId)
                .filter(id -> id != null).toList();
        Map<String, List<OpenTask>> tasksByInstance = data.openTasks(cycle.id(), onlyOfficeCycle).stream()
                .collect(Collectors.groupingBy(OpenTask::processInstanceId));
        Set<String> escalated = data.escalatedTaskIds(instanceIds);
        Map<Round, Instant> due = new EnumMap<>(Round.class);
        for (Round round : Round.values()) {
            due.put(round, calendar.dueMoment(deadlineDate(cycle, round.reportDeadline())));
        }

        List<OfficeRow> rows = new ArrayList<>();
        for (OfficeCycleRow oc : officeCycles) {
            OfficeData office = officeByCode.get(oc.officeCode());
            RegionView region = office == null ? null : regionByCode.get(office.regionCode());
            List<String> expected = chosen.getOrDefault(oc.id(), List.of());
            if (expected.isEmpty()) {
                expected = catalogueCodes;
            }
            List<OfficeRound> rounds = new ArrayList<>();
            Map<Round, List<ReportRow>> officeReports = reportsByOffice.getOrDefault(oc.id(), Map.of());
            for (Round round : Round.values()) {
                rounds.add(RoundRules.officeRound(round, expected, officeReports.getOrDefault(round, List.of()),
                        due.get(round), now, oc.phase()));
            }
            List<OpenTask> open = oc.processInstanceId() == null ? List.of()
                    : tasksByInstance.getOrDefault(oc.processInstanceId(), List.of());
            int overdue = 0;
            int escalatedCount = 0;
            OpenTask next = null;
            for (OpenTask task : open) {
                if (task.dueDate() != null) {
                    if (task.dueDate().isBefore(now)) {
                        overdue++;
                    }
                    if (next == null || task.dueDate().isBefore(next.dueDate())) {
                        next = task;
                    }
                }
                if (escalated.contains(task.id())) {
                    escalatedCount++;
                }
            }
            rows.add(new OfficeRow(oc.id(), oc.officeCode(),
                    office == null ? oc.officeCode() : office.shortNameTh(),
                    office == null ? null : office.type(),
                    office == null ? null : office.provincesTh(),
                    office == null ? null : office.regionCode(),
                    region == null ? null : region.nameTh(), region == null ? null : region.nameEn(),
                    oc.phase(), RoundRules.letter(oc.phase()), open.size(), overdue, escalatedCount,
                    next == null ? null : next.dueDate(),
                    next == null ? null : next.name(), next == null ? null : next.taskDefinitionKey(),
                    rounds));
        }
        rows.sort(Comparator.comparing((OfficeRow r) -> r.regionCode() == null ? "" : r.regionCode())
                .thenComparing(OfficeRow::officeCode));
        return rows;
    }

    private static List<OfficeRound> roundsOf(List<OfficeRow> rows, Round round) {
        return rows.stream().map(row -> row.rounds().get(round.ordinal())).toList();
    }

    /** Offices per phase and how many reached each phase, for the funnel. */
    private static List<PhaseCount> phases(List<OfficeRow> rows) {
        Map<Phase, Integer> current = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            current.put(phase, 0);
        }
        rows.forEach(row -> current.merge(row.phase(), 1, Integer::sum));
        List<PhaseCount> counts = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            int reached = 0;
            for (Phase later : Phase.values()) {
                if (later.ordinal() >= phase.ordinal()) {
                    reached += current.get(later);
                }
            }
            counts.add(new PhaseCount(phase, RoundRules.letter(phase), phase.labelTh(), current.get(phase), reached));
        }
        return counts;
    }

    private CycleView findCycle(Long cycleId) {
        return cycles.cycle(cycleId).orElseThrow(() -> notFound("ไม่พบวงจร " + cycleId + " (no such cycle)"));
    }

    private static LocalDate deadlineDate(CycleView cycle, Deadline deadline) {
        LocalDate date = cycle.deadlines().get(deadline);
        return date != null ? date : deadline.defaultFor(cycle.fiscalYear());
    }

    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }

    private static ResponseStatusException forbidden(String officeCode) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN,
                "ไม่มีสิทธิ์ดูเขตพื้นที่ " + officeCode + " (not allowed to see office " + officeCode + ")");
    }
}
