package th.obec.apimr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.dashboard.DashboardViews.CycleDashboard;
import th.obec.apimr.dashboard.DashboardViews.OfficeDetail;
import th.obec.apimr.dashboard.DashboardViews.OfficeRow;
import th.obec.apimr.dashboard.DashboardViews.RoundFigures;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.report.ReportFixtures;
import th.obec.apimr.support.PostgresTestDatabase;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;

/** The dashboard's SQL projections on PostgreSQL: chosen indicators, reports, offices and office cycles. */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class) // first: its afterAll runs after Spring closed the context
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class DashboardOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DashboardService dashboard;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void figuresOfTwoOfficesOnPostgres() {
        ReportFixtures fixtures = new ReportFixtures(context);
        List<TestOffice> offices = fixtures.cycle(2566, "P5002", "S1001");
        TestOffice primary = offices.get(0);
        jdbc.update("insert into office_analysis (office_cycle_id, participants, policy_linkage, submitted_at)"
                + " values (?, 'ทีมงาน', 'เชื่อมโยง', ?)", primary.officeCycleId(), Timestamp.from(Instant.now()));
        Long analysisId = jdbc.queryForObject("select id from office_analysis where office_cycle_id = ?", Long.class,
                primary.officeCycleId());
        jdbc.update("insert into office_analysis_target (analysis_id, indicator_code, sort_order, chosen)"
                + " values (?, '4', 4, true)", analysisId);
        // on time: 6-month reports of FY2566 are due 30 April 2023 at 16:30 Bangkok time
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-04-20T03:00:00Z")));
        TaskStub report = fixtures.submit(primary, Round.MID_YEAR, "4",
                List.of(ReportFixtures.count("SCHOOLS_USING_RESULTS_PRIMARY", 90, 120)));
        fixtures.review(report, primary, Round.MID_YEAR, "4", "ACCEPT", 4, null);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-05-10T03:00:00Z")));

        CycleDashboard page = dashboard.cycle(primary.cycleId(), OfficeVisibility.of(List.of(Groups.OBEC_ADMIN)));

        assertThat(page.offices()).extracting(OfficeRow::officeCode).containsExactly("S1001", "P5002");
        OfficeRow p5002 = page.offices().get(1);
        assertThat(p5002.provincesTh()).isEqualTo("เชียงใหม่");
        assertThat(p5002.rounds().get(0).status()).isEqualTo(RoundStatus.ACCEPTED);
        assertThat(p5002.rounds().get(0).qualityLevel()).isEqualTo(4);
        assertThat(page.offices().get(0).rounds().get(0).status()).isEqualTo(RoundStatus.MISSING);
        RoundFigures midYear = page.national().get(0);
        assertThat(midYear.completeness()).isEqualTo(50.0);
        assertThat(midYear.timeliness()).isEqualTo(50.0);
        assertThat(midYear.levels()).containsEntry(4, 1);

        OfficeDetail detail = dashboard.office(primary.cycleId(), "P5002",
                OfficeVisibility.of(List.of(Groups.coordinators("P5002"))));
        assertThat(detail.chosenIndicators()).containsExactly("4");
        assertThat(detail.reports().get(Round.MID_YEAR)).singleElement()
                .satisfies(r -> assertThat(r.qualityLevel()).isEqualTo(4));
    }
}
