package th.obec.apimr.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import th.obec.apimr.dashboard.DashboardData.OpenTask;
import th.obec.apimr.dashboard.DashboardData.Unit;
import th.obec.apimr.dashboard.DashboardViews.Paging;
import th.obec.apimr.dashboard.DashboardViews.Totals;
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
 * the number of offices: one row of counts per visible office for the summary, full rows for one page only
 * (BENCHMARKS.md, "Dashboard API": 245 offices and 29,000 units).
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

    /** The status page of a cycle over the offices the user may see, every office's row on one page. */
    @Transactional(readOnly = true)
    public CycleDashboard cycle(Long cycleId, OfficeVisibility visibility) {
        return cycle(cycleId, visibility, DashboardQuery.everything());
    }

    /**
     * The status page of a cycle: the summary (figures per round nationally and per region, the phase funnel, task
     * totals) over every office the user may see, and one page of the rows that match the query's filters, in its
     * order. Only the rows of the page are built; the summary comes from one row of counts per office.
     */
    @Transactional(readOnly = true)
    public CycleDashboard cycle(Long cycleId, OfficeVisibility visibility, DashboardQuery query) {
        CycleView cycle = findCycle(cycleId);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, RegionView> regionByCode = offices.regions().stream()
                .collect(Collectors.toMap(RegionView::code, Function.identity()));
        List<Scored> visible = score(cycle, data.units(cycleId, null, visibility, now), null, now);

        List<RoundFigures> national = new ArrayList<>();
        for (Round round : Round.values()) {
            national.add(RoundRules.figures(round, roundsOf(visible, round)));
        }
        Map<String, List<Scored>> byRegion = visible.stream().filter(s -> s.unit().regionCode() != null)
                .collect(Collectors.groupingBy(s -> s.unit().regionCode(), TreeMap::new, Collectors.toList()));
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
        int open = 0;
        int overdue = 0;
        int overdueOffices = 0;
        int escalated = 0;
        int escalatedOffices = 0;
        for (Scored scored : visible) {
            Unit unit = scored.unit();
            open += unit.openTasks();
            overdue += unit.overdueTasks();
            escalated += unit.escalatedTasks();
            overdueOffices += unit.overdueTasks() > 0 ? 1 : 0;
            escalatedOffices += unit.escalatedTasks() > 0 ? 1 : 0;
        }
        Totals totals = new Totals(visible.size(), open, overdue, overdueOffices, escalated, escalatedOffices);

        List<Scored> matching = new ArrayList<>(visible.stream().filter(s -> matches(query, s)).toList());
        matching.sort(order(query));
        long from = Math.min((long) query.page() * query.size(), matching.size());
        long to = Math.min(from + query.size(), matching.size());
        List<OfficeRow> rows = rows(matching.subList((int) from, (int) to), regionByCode);
        int pages = (int) ((matching.size() + (long) query.size() - 1) / query.size());
        Paging paging = new Paging(query.page(), query.size(), pages, matching.size(), phases(matching));

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
                rounds, national, regions, phases(visible), totals, paging, rows, visibility.isAdmin());
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
        OfficeRow row = rows(score(cycle, data.units(cycleId, officeCycle.id(), visibility, now), officeCycle.id(),
                now), regionByCode).get(0);

        List<TaskEntry> tasks = new ArrayList<>();
        String processInstanceId = officeCycle.processInstanceId();
        if (processInstanceId != null) {
            Map<String, String> completedBy = data.completedBy(processInstanceId);
            Set<String> escalated = data.escalatedTaskIds(processInstanceId);
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

    /** An office's counts with where it stands in each round, in round order. */
    private record Scored(Unit unit, List<OfficeRound> rounds) {
    }

    /** Each office's standing in each round, from its chosen indicators and reports (of one office cycle if given). */
    private List<Scored> score(CycleView cycle, List<Unit> units, Long onlyOfficeCycle, Instant now) {
        if (units.isEmpty()) {
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
        Map<Round, Instant> due = new EnumMap<>(Round.class);
        for (Round round : Round.values()) {
            due.put(round, calendar.dueMoment(deadlineDate(cycle, round.reportDeadline())));
        }
        List<Scored> scored = new ArrayList<>(units.size());
        for (Unit unit : units) {
            List<String> expected = chosen.getOrDefault(unit.id(), List.of());
            if (expected.isEmpty()) {
                expected = catalogueCodes;
            }
            Map<Round, List<ReportRow>> officeReports = reportsByOffice.getOrDefault(unit.id(), Map.of());
            List<OfficeRound> rounds = new ArrayList<>(Round.values().length);
            for (Round round : Round.values()) {
                rounds.add(RoundRules.officeRound(round, expected, officeReports.getOrDefault(round, List.of()),
                        due.get(round), now, unit.phase()));
            }
            scored.add(new Scored(unit, rounds));
        }
        return scored;
    }

    /** The rows of one page: its offices with their names, regions and the task due first. */
    private List<OfficeRow> rows(List<Scored> page, Map<String, RegionView> regionByCode) {
        Map<String, OpenTask> next = data.nextTasks(page.stream().map(s -> s.unit().processInstanceId())
                .filter(id -> id != null).toList());
        List<OfficeRow> rows = new ArrayList<>(page.size());
        for (Scored scored : page) {
            Unit unit = scored.unit();
            RegionView region = unit.regionCode() == null ? null : regionByCode.get(unit.regionCode());
            OpenTask task = unit.processInstanceId() == null ? null : next.get(unit.processInstanceId());
            rows.add(new OfficeRow(unit.id(), unit.officeCode(), unit.shortNameTh(), unit.type(), unit.provincesTh(),
                    unit.regionCode(), region == null ? null : region.nameTh(), region == null ? null : region.nameEn(),
                    unit.phase(), RoundRules.letter(unit.phase()), unit.openTasks(), unit.overdueTasks(),
                    unit.escalatedTasks(), task == null ? unit.nextDue() : task.dueDate(),
                    task == null ? null : task.name(), task == null ? null : task.taskDefinitionKey(),
                    scored.rounds()));
        }
        return rows;
    }

    private static boolean matches(DashboardQuery query, Scored scored) {
        Unit unit = scored.unit();
        if (query.region() != null && !query.region().equals(unit.regionCode())) {
            return false;
        }
        if (query.type() != null && query.type() != unit.type()) {
            return false;
        }
        if (query.phase() != null && query.phase() != unit.phase()) {
            return false;
        }
        if (query.status() != null && scored.rounds().get(query.statusRound().ordinal()).status() != query.status()) {
            return false;
        }
        if (query.search() != null) {
            String wanted = query.search().toLowerCase(Locale.ROOT);
            return unit.officeCode().toLowerCase(Locale.ROOT).contains(wanted)
                    || unit.shortNameTh() != null && unit.shortNameTh().toLowerCase(Locale.ROOT).contains(wanted);
        }
        return true;
    }

    /**
     * The query's order: by the sort key, empty values last whichever the direction, ties by office code (then by
     * office cycle id), so that pages never overlap.
     */
    private static Comparator<Scored> order(DashboardQuery query) {
        Function<Scored, Comparable<?>> key = sortKey(query.sort());
        Comparator<Scored> byKey = (a, b) -> {
            @SuppressWarnings("unchecked")
            Comparable<Object> x = (Comparable<Object>) key.apply(a);
            Comparable<Object> y = (Comparable<Object>) key.apply(b);
            if (x == null || y == null) {
                return x == y ? 0 : x == null ? 1 : -1;
            }
            int compared = x.compareTo(y);
            return query.descending() ? -compared : compared;
        };
        return byKey.thenComparing(s -> s.unit().officeCode()).thenComparing(s -> s.unit().id());
    }

    private static Function<Scored, Comparable<?>> sortKey(String sort) {
        return switch (sort) {
            case "office" -> s -> s.unit().shortNameTh();
            case "type" -> s -> s.unit().type() == null ? null : s.unit().type().name();
            case "province" -> s -> s.unit().provincesTh();
            case "phase" -> s -> s.unit().phase().ordinal();
            case "next" -> s -> s.unit().nextDue();
            case "overdue" -> s -> s.unit().overdueTasks();
            case "escalated" -> s -> s.unit().escalatedTasks();
            case "status:MID_YEAR" -> s -> s.rounds().get(Round.MID_YEAR.ordinal()).status().ordinal();
            case "status:ANNUAL" -> s -> s.rounds().get(Round.ANNUAL.ordinal()).status().ordinal();
            case "level:MID_YEAR" -> s -> s.rounds().get(Round.MID_YEAR.ordinal()).qualityLevel();
            case "level:ANNUAL" -> s -> s.rounds().get(Round.ANNUAL.ordinal()).qualityLevel();
            default -> s -> s.unit().regionCode() == null ? "" : s.unit().regionCode();
        };
    }

    private static List<OfficeRound> roundsOf(List<Scored> rows, Round round) {
        return rows.stream().map(row -> row.rounds().get(round.ordinal())).toList();
    }

    /** Offices per phase and how many reached each phase, for the funnel. */
    private static List<PhaseCount> phases(List<Scored> rows) {
        Map<Phase, Integer> current = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            current.put(phase, 0);
        }
        rows.forEach(row -> current.merge(row.unit().phase(), 1, Integer::sum));
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
