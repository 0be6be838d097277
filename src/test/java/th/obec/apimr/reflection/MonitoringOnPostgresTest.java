package th.obec.apimr.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.report.ReportFixtures.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import th.obec.apimr.report.ReportFixtures;
import th.obec.apimr.report.ReportService;
import th.obec.apimr.report.RoundSummary;
import th.obec.apimr.support.PostgresTestDatabase;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.FormVariables;

/** The V6 and V7 migrations and the report and reflection queries on PostgreSQL. */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class) // first: its afterAll runs after Spring closed the context
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class MonitoringOnPostgresTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportService reports;

    @Autowired
    CompileRoundHandler compileRound;

    @Autowired
    FormVariables formVariables;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsReviewsRoundFiguresAndCompilationOnPostgres() {
        ReportFixtures fixtures = new ReportFixtures(context);
        List<TestOffice> offices = fixtures.cycle(2566, "P5002", "S1001");
        TaskStub primary = fixtures.submit(offices.get(0), Round.MID_YEAR, "4",
                List.of(count("SCHOOLS_USING_RESULTS_PRIMARY", 90, 120)));
        fixtures.review(primary, offices.get(0), Round.MID_YEAR, "4", "ACCEPT", 4, null);
        TaskStub secondary = fixtures.submit(offices.get(1), Round.MID_YEAR, "4",
                List.of(count("SCHOOLS_USING_RESULTS_SECONDARY", 30, 40)));
        fixtures.review(secondary, offices.get(1), Round.MID_YEAR, "4", "RETURN", null, "โปรดตรวจสอบ");

        assertThat(primary.executionLocals()).containsEntry("achievementPercent", 75.0);
        RoundSummary summary = reports.roundSummary(offices.get(0).cycleId(), Round.MID_YEAR);
        RoundSummary.IndicatorResult results = summary.indicators().stream()
                .filter(result -> result.code().equals("4")).findFirst().orElseThrow();
        // (90 + 30) / (120 + 40) x 100
        assertThat(results.percent()).isEqualTo(75.0);
        assertThat(results.reportsSubmitted()).isEqualTo(2);
        assertThat(results.reportsAccepted()).isEqualTo(1);
        assertThat(summary.officeLevels()).containsEntry(4, 1);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("roundSummary", "ส่งรายงาน 2 เขต");
        form.put("lessonsLearned", "ควรตรวจสอบฐานข้อมูลก่อนส่ง");
        TaskStub compile = new TaskStub("Task_CompileMidYearResults",
                Map.of("cycleId", offices.get(0).cycleId(), "round", "MID_YEAR")).assignee("analyst");
        assertThat((String) compileRound.prefill(compile.task()).get("roundOverview")).contains("(75.00%)");
        compileRound.submit(compile.task(), FormInput.of(form, formVariables));
        compileRound.submit(compile.task(), FormInput.of(form, formVariables));
        assertThat(jdbc.queryForObject("select count(*) from round_compilation", Integer.class)).isEqualTo(1);
    }
}
