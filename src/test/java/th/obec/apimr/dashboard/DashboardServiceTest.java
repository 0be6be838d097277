package th.obec.apimr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.dashboard.DashboardViews.CycleDashboard;
import th.obec.apimr.dashboard.DashboardViews.OfficeDetail;
import th.obec.apimr.dashboard.DashboardViews.OfficeRound;
import th.obec.apimr.dashboard.DashboardViews.OfficeRow;
import th.obec.apimr.dashboard.DashboardViews.Paging;
import th.obec.apimr.dashboard.DashboardViews.PhaseCount;
import th.obec.apimr.dashboard.DashboardViews.RegionFigures;
import th.obec.apimr.dashboard.DashboardViews.RoundFigures;
import th.obec.apimr.dashboard.DashboardViews.TaskEntry;
import th.obec.apimr.dashboard.DashboardViews.Totals;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.report.ReportFixtures;
import th.obec.apimr.report.ReportService;
import th.obec.apimr.report.RoundSummary;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;

/**
 * The status page's figures for a cycle of five offices in known states, against values worked out by hand.
 * Fiscal year 2590 (CE 2047): 6-month reports due 30 April 2047 16:30 Bangkok (09:30Z), 12-month reports due
 * 31 October 2047. The page is looked at on 1 June 2047.
 *
 * <pre>
 * office        region  owes    6-month round                                   12-month round
 * A P4001       12      1, 2    both on time, accepted at 5 and 4 -> ACCEPTED, 5  "1" submitted -> IN_PROGRESS
 * B P5001       15      1, 2    "2" late, "1" accepted at 3 -> SUBMITTED_LATE, 3  in the 12-month phase -> IN_PROGRESS
 * C P5002       15      1, 2    both on time, "1" returned -> RETURNED            NOT_STARTED
 * D S1001       00      1, 2    only "1" -> MISSING                               NOT_STARTED
 * E P4002       12      1, 2    nothing (its process waits at the plan, overdue and escalated) -> MISSING
 * </pre>
 */
@TaskFormSpringTest
class DashboardServiceTest {

    private static final int FISCAL_YEAR = 2590;
    private static final Instant DUE = Instant.parse("2047-04-30T09:30:00Z");
    private static final Instant ON_TIME = DUE.minusSeconds(3600);
    private static final Instant LATE = DUE.plusSeconds(60);
    private static final Instant NOW = Instant.parse("2047-06-01T03:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    DashboardService dashboard;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    IdentityService identityService;

    static Long cycleId;
    static Map<String, TestOffice> offices = new LinkedHashMap<>();

    @BeforeEach
    void cycleInKnownStates() {
        if (cycleId != null) {
            return;
        }
        ReportFixtures fixtures = new ReportFixtures(context);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2046-10-15T02:00:00Z")));
        for (TestOffice office : fixtures.cycle(FISCAL_YEAR, "P4001", "P4002", "P5001", "P5002", "S1001")) {
            offices.put(office.officeCode(), office);
        }
        Long cycle = offices.get("P4001").cycleId();
        TestOffice a = offices.get("P4001");
        TestOffice b = offices.get("P5001");
        TestOffice c = offices.get("P5002");
        TestOffice d = offices.get("S1001");
        for (TestOffice office : List.of(a, b, c, d)) {
            chooseIndicators(office, "1", "2");
            phase(office, Phase.MONITORING_MID_YEAR);
        }
        phase(a, Phase.MONITORING_ANNUAL);
        phase(b, Phase.MONITORING_ANNUAL);

        // E runs in the engine: analysis completed by its coordinator on time, the plan is left overdue and escalated
        TestOffice e = offices.get("P4002");
        ProcessInstance process = runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle",
                "FY" + FISCAL_YEAR + "-P4002", Map.of("cycleId", cycle, "fiscalYear", FISCAL_YEAR, "officeCode", "P4002"));
        Task analysis = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2046-11-01T03:00:00Z")));
        // with the office's tenant, as a sign-in sets it: authorization and tenant checks are on
        identityService.setAuthentication("coord.p4002", List.of(Groups.coordinators("P4002")), List.of("P4002"));
        try {
            formService.submitTaskForm(analysis.getId(), analysisForm(analysis.getId(), "1", "2"));
        } finally {
            identityService.clearAuthentication();
        }
        Task plan = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
        assertThat(plan.getTaskDefinitionKey()).isEqualTo("Task_PlanProjects");
        taskService.setVariableLocal(plan.getId(), DashboardData.ESCALATED, true);

        // 6-month round
        accept(fixtures, a, "1", ON_TIME, 5);
        accept(fixtures, a, "2", DUE, 4);
        accept(fixtures, b, "1", ON_TIME, 3);
        submit(fixtures, b, Round.MID_YEAR, "2", LATE);
        fixtures.review(submit(fixtures, c, Round.MID_YEAR, "1", ON_TIME), c, Round.MID_YEAR, "1", "RETURN", null,
                "ระบุจำนวนให้ครบ");
        submit(fixtures, c, Round.MID_YEAR, "2", ON_TIME);
        submit(fixtures, d, Round.MID_YEAR, "1", ON_TIME);
        // 12-month round
        submit(fixtures, a, Round.ANNUAL, "1", Instant.parse("2047-05-20T03:00:00Z"));
        assertThat(e.officeCode()).isEqualTo("P4002");
        cycleId = cycle;
    }

    @BeforeEach
    void lookOnFirstOfJune() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachOfficeShowsItsRoundStatusLevelAndTasks() {
        CycleDashboard page = dashboard.cycle(cycleId, OfficeVisibility.of(List.of(Groups.OBEC_MONITOR)));

        assertThat(page.scope()).isEqualTo("ALL");
        assertThat(page.offices()).extracting(OfficeRow::officeCode)
                .containsExactly("S1001", "P4001", "P4002", "P5001", "P5002");
        assertThat(round(page, "P4001", Round.MID_YEAR))
                .isEqualTo(new OfficeRound(Round.MID_YEAR, RoundStatus.ACCEPTED, 2, 2, 2, 0, true, true, 5));
        assertThat(round(page, "P5001", Round.MID_YEAR))
                .isEqualTo(new OfficeRound(Round.MID_YEAR, RoundStatus.SUBMITTED_LATE, 2, 2, 1, 0, true, false, 3));
        assertThat(round(page, "P5002", Round.MID_YEAR))
                .isEqualTo(new OfficeRound(Round.MID_YEAR, RoundStatus.RETURNED, 2, 2, 0, 1, true, true, null));
        assertThat(round(page, "S1001", Round.MID_YEAR))
                .isEqualTo(new OfficeRound(Round.MID_YEAR, RoundStatus.MISSING, 2, 1, 0, 0, false, false, null));
        assertThat(round(page, "P4002", Round.MID_YEAR))
                .isEqualTo(new OfficeRound(Round.MID_YEAR, RoundStatus.MISSING, 2, 0, 0, 0, false, false, null));
        assertThat(round(page, "P4001", Round.ANNUAL).status()).isEqualTo(RoundStatus.IN_PROGRESS);
        assertThat(round(page, "P5001", Round.ANNUAL).status()).isEqualTo(RoundStatus.IN_PROGRESS);
        assertThat(round(page, "P5002", Round.ANNUAL).status()).isEqualTo(RoundStatus.NOT_STARTED);

        OfficeRow e = row(page, "P4002");
        assertThat(e.phase()).isEqualTo(Phase.PLANNING);
        assertThat(e.phaseLetter()).isEqualTo("P");
        assertThat(e.openTasks()).isEqualTo(1);
        assertThat(e.overdueTasks()).isEqualTo(1);
        assertThat(e.escalatedTasks()).isEqualTo(1);
        // PLAN is due 31 December 2046 at 16:30 Bangkok time
        assertThat(e.nextDeadline()).isEqualTo(Instant.parse("2046-12-31T09:30:00Z"));
        assertThat(e.nextTaskKey()).isEqualTo("Task_PlanProjects");
        assertThat(e.regionCode()).isEqualTo("12");
        assertThat(e.officeName()).isEqualTo("สพป.ขอนแก่น เขต 2");
        assertThat(e.provincesTh()).isEqualTo("ขอนแก่น");
        assertThat(e.officeType()).isEqualTo(th.obec.apimr.office.OfficeType.PRIMARY);
        OfficeRow a = row(page, "P4001");
        assertThat(a.openTasks()).isZero();
        assertThat(a.nextDeadline()).isNull();
        assertThat(a.phaseLetter()).isEqualTo("M");
    }

    @Test
    void completenessTimelinessAndQualityLevelsPerRoundNationallyAndPerRegion() {
        CycleDashboard page = dashboard.cycle(cycleId, OfficeVisibility.of(List.of(Groups.OBEC_ADMIN)));

        RoundFigures midYear = page.national().get(0);
        assertThat(midYear.round()).isEqualTo(Round.MID_YEAR);
        assertThat(midYear.offices()).isEqualTo(5);
        assertThat(midYear.submitted()).isEqualTo(3);        // A, B, C
        assertThat(midYear.onTime()).isEqualTo(2);           // A, C
        assertThat(midYear.late()).isEqualTo(1);             // B
        assertThat(midYear.accepted()).isEqualTo(1);         // A
        assertThat(midYear.completeness()).isEqualTo(60.0);  // 3 / 5
        assertThat(midYear.timeliness()).isEqualTo(40.0);    // 2 / 5
        assertThat(midYear.levels()).containsExactly(Map.entry(5, 1), Map.entry(4, 0), Map.entry(3, 1),
                Map.entry(2, 0), Map.entry(1, 0));
        assertThat(midYear.noLevel()).isEqualTo(3);
        assertThat(midYear.statuses()).containsEntry(RoundStatus.ACCEPTED, 1).containsEntry(RoundStatus.SUBMITTED_LATE, 1)
                .containsEntry(RoundStatus.RETURNED, 1).containsEntry(RoundStatus.MISSING, 2)
                .containsEntry(RoundStatus.SUBMITTED_ON_TIME, 0).containsEntry(RoundStatus.NOT_STARTED, 0);

        RoundFigures annual = page.national().get(1);
        assertThat(annual.submitted()).isZero();
        assertThat(annual.completeness()).isEqualTo(0.0);
        assertThat(annual.statuses()).containsEntry(RoundStatus.IN_PROGRESS, 2).containsEntry(RoundStatus.NOT_STARTED, 3);

        assertThat(page.regions()).extracting(RegionFigures::regionCode).containsExactly("00", "12", "15");
        RoundFigures region12 = region(page, "12").rounds().get(0);   // A accepted, E missing
        assertThat(region12.offices()).isEqualTo(2);
        assertThat(region12.completeness()).isEqualTo(50.0);
        assertThat(region12.timeliness()).isEqualTo(50.0);
        RoundFigures region15 = region(page, "15").rounds().get(0);   // B late, C on time (returned)
        assertThat(region15.completeness()).isEqualTo(100.0);
        assertThat(region15.timeliness()).isEqualTo(50.0);
        assertThat(region15.levels()).containsEntry(3, 1);
        assertThat(region(page, "00").rounds().get(0).completeness()).isEqualTo(0.0);

        // the dashboard and the round compilation agree on who submitted, on time, and each office's level
        RoundSummary summary = reports.roundSummary(cycleId, Round.MID_YEAR);
        assertThat(summary.officesSubmitted()).isEqualTo(midYear.submitted());
        assertThat(summary.officesOnTime()).isEqualTo(midYear.onTime());
        assertThat(summary.officeLevels()).isEqualTo(midYear.levels());
    }

    @Test
    void phaseFunnelCountsOfficesThatReachedEachStep() {
        CycleDashboard page = dashboard.cycle(cycleId, OfficeVisibility.of(List.of(Groups.OBEC_ADMIN)));

        assertThat(page.phases()).extracting(PhaseCount::phase, PhaseCount::current, PhaseCount::reached).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Phase.NOT_STARTED, 0, 5),
                org.assertj.core.groups.Tuple.tuple(Phase.ANALYSIS, 0, 5),
                org.assertj.core.groups.Tuple.tuple(Phase.PLANNING, 1, 5),
                org.assertj.core.groups.Tuple.tuple(Phase.IMPLEMENTATION, 0, 4),
                org.assertj.core.groups.Tuple.tuple(Phase.MONITORING_MID_YEAR, 2, 4),
                org.assertj.core.groups.Tuple.tuple(Phase.MONITORING_ANNUAL, 2, 2),
                org.assertj.core.groups.Tuple.tuple(Phase.REFLECTION, 0, 0),
                org.assertj.core.groups.Tuple.tuple(Phase.COMPLETED, 0, 0));
        assertThat(page.rounds()).extracting(r -> r.rollupUrl()).containsExactly(
                "/rollup?cycle=" + cycleId + "&round=MID_YEAR", "/rollup?cycle=" + cycleId + "&round=ANNUAL");
        assertThat(page.rounds().get(0).dueAt()).isEqualTo(DUE);
    }

    @Test
    void regionReviewerSeesOnlyTheirRegionAndItsFigures() {
        CycleDashboard page = dashboard.cycle(cycleId, OfficeVisibility.of(List.of(Groups.reviewers("15"))));

        assertThat(page.scope()).isEqualTo("REGION");
        assertThat(page.offices()).extracting(OfficeRow::officeCode).containsExactly("P5001", "P5002");
        assertThat(page.national().get(0).offices()).isEqualTo(2);
        assertThat(page.national().get(0).completeness()).isEqualTo(100.0);
        assertThat(page.regions()).extracting(RegionFigures::regionCode).containsExactly("15");
    }

    @Test
    void theSummaryCoversEveryVisibleOfficeWhileTheRowsComeOnePageAtATime() {
        OfficeVisibility admin = OfficeVisibility.of(List.of(Groups.OBEC_ADMIN));
        DashboardQuery firstTwo = DashboardQuery.firstPage().withPage(0, 2);

        CycleDashboard first = dashboard.cycle(cycleId, admin, firstTwo);
        CycleDashboard second = dashboard.cycle(cycleId, admin, firstTwo.withPage(1, 2));
        CycleDashboard last = dashboard.cycle(cycleId, admin, firstTwo.withPage(2, 2));

        assertThat(first.offices()).extracting(OfficeRow::officeCode).containsExactly("S1001", "P4001");
        assertThat(second.offices()).extracting(OfficeRow::officeCode).containsExactly("P4002", "P5001");
        assertThat(last.offices()).extracting(OfficeRow::officeCode).containsExactly("P5002");
        assertThat(dashboard.cycle(cycleId, admin, firstTwo.withPage(3, 2)).offices()).isEmpty();
        assertThat(first.paging()).extracting(Paging::page, Paging::size, Paging::pages, Paging::matching)
                .containsExactly(0, 2, 3, 5);
        for (CycleDashboard page : List.of(first, second, last)) {
            assertThat(page.national().get(0).offices()).isEqualTo(5);
            assertThat(page.regions()).extracting(RegionFigures::regionCode).containsExactly("00", "12", "15");
            assertThat(page.phases().get(0).reached()).isEqualTo(5);
        }
        // P4002's plan is overdue and escalated; the others' tasks are outside the engine
        assertThat(first.totals()).isEqualTo(new Totals(5, 1, 1, 1, 1, 1));
        // the row of a page is the row of the whole list
        assertThat(second.offices().get(0)).isEqualTo(row(dashboard.cycle(cycleId, admin), "P4002"));
    }

    @Test
    void rowsFilterByRegionPhaseAndRoundStatusWithTheSummaryUnchanged() {
        OfficeVisibility admin = OfficeVisibility.of(List.of(Groups.OBEC_ADMIN));

        CycleDashboard region15 = dashboard.cycle(cycleId, admin, DashboardQuery.firstPage().withRegion("15"));
        assertThat(region15.offices()).extracting(OfficeRow::officeCode).containsExactly("P5001", "P5002");
        assertThat(region15.paging().matching()).isEqualTo(2);
        assertThat(region15.paging().phases()).extracting(PhaseCount::phase, PhaseCount::current).contains(
                org.assertj.core.groups.Tuple.tuple(Phase.MONITORING_MID_YEAR, 1),
                org.assertj.core.groups.Tuple.tuple(Phase.MONITORING_ANNUAL, 1));
        assertThat(region15.national().get(0).offices()).isEqualTo(5);
        assertThat(region15.totals().offices()).isEqualTo(5);

        CycleDashboard missing = dashboard.cycle(cycleId, admin,
                DashboardQuery.firstPage().withStatus(Round.MID_YEAR, RoundStatus.MISSING));
        assertThat(missing.offices()).extracting(OfficeRow::officeCode).containsExactly("S1001", "P4002");
        CycleDashboard notStartedAnnual = dashboard.cycle(cycleId, admin,
                DashboardQuery.firstPage().withStatus(Round.ANNUAL, RoundStatus.NOT_STARTED));
        assertThat(notStartedAnnual.offices()).extracting(OfficeRow::officeCode)
                .containsExactly("S1001", "P4002", "P5002");
        CycleDashboard planning = dashboard.cycle(cycleId, admin, DashboardQuery.parse(null, null, null, null,
                "PLANNING", null, null, null, null, null));
        assertThat(planning.offices()).extracting(OfficeRow::officeCode).containsExactly("P4002");
        CycleDashboard search = dashboard.cycle(cycleId, admin, DashboardQuery.parse(null, null, null, null, null,
                null, null, "p500", null, null));
        assertThat(search.offices()).extracting(OfficeRow::officeCode).containsExactly("P5001", "P5002");
    }

    @Test
    void rowsSortByAColumnWithEmptyValuesLastAndTiesByOfficeCode() {
        OfficeVisibility admin = OfficeVisibility.of(List.of(Groups.OBEC_ADMIN));

        // levels of the 6-month round: P4001 5, P5001 3, the others none
        assertThat(dashboard.cycle(cycleId, admin, DashboardQuery.firstPage().withSort("level:MID_YEAR", true))
                .offices()).extracting(OfficeRow::officeCode).containsExactly("P4001", "P5001", "P4002", "P5002",
                "S1001");
        assertThat(dashboard.cycle(cycleId, admin, DashboardQuery.firstPage().withSort("level:MID_YEAR", false))
                .offices()).extracting(OfficeRow::officeCode).containsExactly("P5001", "P4001", "P4002", "P5002",
                "S1001");
        assertThat(dashboard.cycle(cycleId, admin, DashboardQuery.firstPage().withSort("overdue", true)
                .withPage(0, 2)).offices()).extracting(OfficeRow::officeCode).containsExactly("P4002", "P4001");
    }

    @Test
    void aRegionReviewerFilteringAnotherRegionGetsNoRows() {
        CycleDashboard page = dashboard.cycle(cycleId, OfficeVisibility.of(List.of(Groups.reviewers("15"))),
                DashboardQuery.firstPage().withRegion("12"));

        assertThat(page.offices()).isEmpty();
        assertThat(page.paging().matching()).isZero();
        assertThat(page.paging().pages()).isZero();
        assertThat(page.totals().offices()).isEqualTo(2);
        assertThat(page.national().get(0).offices()).isEqualTo(2);
    }

    @Test
    void badPageParametersAreRefusedNamingTheParameter() {
        for (String[] bad : List.of(new String[] {"page", "-1"}, new String[] {"size", "0"},
                new String[] {"size", "501"}, new String[] {"size", "many"}, new String[] {"phase", "LATE"},
                new String[] {"status", "DONE"}, new String[] {"round", "Q3"}, new String[] {"type", "SCHOOL"},
                new String[] {"sort", "budget"}, new String[] {"dir", "up"}, new String[] {"region", "15;drop"})) {
            Map<String, String> params = new java.util.HashMap<>();
            params.put(bad[0], bad[1]);
            assertThatThrownBy(() -> DashboardQuery.parse(params.get("page"), params.get("size"),
                    params.get("region"), params.get("type"), params.get("phase"), params.get("round"),
                    params.get("status"), null, params.get("sort"), params.get("dir")))
                    .as(bad[0] + "=" + bad[1])
                    .isInstanceOfSatisfying(ResponseStatusException.class, ex -> {
                        assertThat(ex.getStatusCode().value()).isEqualTo(400);
                        assertThat(ex.getReason()).contains("parameter " + bad[0]);
                    });
        }
        DashboardQuery defaults = DashboardQuery.parse(null, "", null, null, null, null, null, " ", null, null);
        assertThat(defaults).isEqualTo(DashboardQuery.firstPage());
        assertThat(DashboardQuery.parse("3", "500", " 15 ", "primary", null, "annual", "missing", null,
                "status:ANNUAL", "DESC")).isEqualTo(new DashboardQuery(3, 500, "15",
                th.obec.apimr.office.OfficeType.PRIMARY, null, Round.ANNUAL, RoundStatus.MISSING, null,
                "status:ANNUAL", true));
    }

    @Test
    void openingAnOfficeShowsItsTasksWithWhoDidThemItsPlanAndReports() {
        OfficeDetail e = dashboard.office(cycleId, "P4002", OfficeVisibility.of(List.of(Groups.coordinators("P4002"))));

        assertThat(e.tasks()).extracting(TaskEntry::key, TaskEntry::state, TaskEntry::completedBy, TaskEntry::late,
                TaskEntry::escalated).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Task_AnalysePolicy", "COMPLETED", "coord.p4002", false, false),
                org.assertj.core.groups.Tuple.tuple("Task_PlanProjects", "OPEN", null, true, true));
        TaskEntry analysis = e.tasks().get(0);
        assertThat(analysis.ended()).isEqualTo(Instant.parse("2046-11-01T03:00:00Z"));
        assertThat(analysis.due()).isEqualTo(Instant.parse("2046-11-30T09:30:00Z"));
        assertThat(e.chosenIndicators()).containsExactly("1", "2");
        assertThat(e.plan()).isNull();

        OfficeDetail c = dashboard.office(cycleId, "P5002", OfficeVisibility.of(List.of(Groups.reviewers("15"))));
        assertThat(c.reports().get(Round.MID_YEAR)).extracting(r -> r.indicatorCode() + ":" + r.status())
                .containsExactly("1:RETURNED", "2:SUBMITTED");
        assertThat(c.reports().get(Round.ANNUAL)).isEmpty();
        assertThat(c.tasks()).isEmpty();
    }

    @Test
    void anOfficeOutsideTheUsersOfficesOrRegionIsRefused() {
        assertThatThrownBy(() -> dashboard.office(cycleId, "P5002",
                OfficeVisibility.of(List.of(Groups.coordinators("P4002"), Groups.directors("P4002")))))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        ex -> assertThat(ex.getStatusCode().value()).isEqualTo(403));
        assertThatThrownBy(() -> dashboard.office(cycleId, "P4001",
                OfficeVisibility.of(List.of(Groups.reviewers("15")))))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        ex -> assertThat(ex.getStatusCode().value()).isEqualTo(403));
        assertThat(dashboard.cycle(cycleId, OfficeVisibility.of(List.of(Groups.directors("P5001")))).offices())
                .extracting(OfficeRow::officeCode).containsExactly("P5001");
    }

    // ----- helpers -----

    private Map<String, Object> analysisForm(String taskId, String... chosen) {
        List<Map<String, Object>> prefilled;
        try {
            prefilled = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    String.valueOf(taskService.getVariableLocal(taskId, "indicatorTargets")),
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Map<String, Object> item : prefilled) {
            Map<String, Object> target = new LinkedHashMap<>(item);
            boolean pick = List.of(chosen).contains(String.valueOf(item.get("code")));
            target.put("chosen", pick);
            target.put("targetPercent", pick ? 80 : null);
            targets.add(target);
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("participants", "ผอ.สพท. และกลุ่มนโยบายและแผน");
        form.put("policyLinkage", "เชื่อมโยงนโยบายกับบริบทของพื้นที่");
        form.put("indicatorTargets", targets);
        return form;
    }

    private void chooseIndicators(TestOffice office, String... codes) {
        jdbc.update("insert into office_analysis (office_cycle_id, participants, policy_linkage, submitted_by,"
                + " submitted_at) values (?, 'ทีมงาน', 'เชื่อมโยงนโยบาย', 'coord', ?)", office.officeCycleId(),
                java.sql.Timestamp.from(Instant.parse("2046-11-01T03:00:00Z")));
        Long analysisId = jdbc.queryForObject("select id from office_analysis where office_cycle_id = ?", Long.class,
                office.officeCycleId());
        int order = 1;
        for (String code : codes) {
            jdbc.update("insert into office_analysis_target (analysis_id, indicator_code, sort_order, chosen)"
                    + " values (?, ?, ?, true)", analysisId, code, order++);
        }
        jdbc.update("insert into office_analysis_target (analysis_id, indicator_code, sort_order, chosen)"
                + " values (?, '12', 13, false)", analysisId);
    }

    private void phase(TestOffice office, Phase phase) {
        jdbc.update("update office_cycle set phase = ? where id = ?", phase.name(), office.officeCycleId());
    }

    private static TaskStub submit(ReportFixtures fixtures, TestOffice office, Round round, String code, Instant when) {
        ClockUtil.setCurrentTime(Date.from(when));
        return fixtures.submit(office, round, code, List.of());
    }

    private static void accept(ReportFixtures fixtures, TestOffice office, String code, Instant when, int level) {
        TaskStub submitted = submit(fixtures, office, Round.MID_YEAR, code, when);
        fixtures.review(submitted, office, Round.MID_YEAR, code, "ACCEPT", level, null);
    }

    private static OfficeRow row(CycleDashboard page, String code) {
        return page.offices().stream().filter(r -> r.officeCode().equals(code)).findFirst().orElseThrow();
    }

    private static OfficeRound round(CycleDashboard page, String code, Round round) {
        return row(page, code).rounds().get(round.ordinal());
    }

    private static RegionFigures region(CycleDashboard page, String code) {
        return page.regions().stream().filter(r -> r.regionCode().equals(code)).findFirst().orElseThrow();
    }
}
