package th.obec.apimr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.obec.apimr.report.ReportFixtures.count;
import static th.obec.apimr.report.ReportFixtures.form;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.task.FormValidationException;

@TaskFormSpringTest
class SubmitReportHandlerTest {

    private static final Instant SUBMITTED_AT = Instant.parse("2023-04-20T03:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    CycleService cycles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportService reports;

    @Autowired
    IdentityService identityService;

    private ReportFixtures fixtures;
    private TestOffice office;

    @BeforeEach
    void newOffice() {
        fixtures = new ReportFixtures(context);
        office = new TestOffices(cycles, jdbc).newOffice();
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void prefillGivesEveryFieldAndOneCountPerMeasureOfTheOfficeLevel() {
        assertThat(office.officeCode()).startsWith("P");

        Map<String, Object> prefill = fixtures.prefill(ReportFixtures.submitTask(office, Round.MID_YEAR, "4"));

        assertThat(prefill).containsOnlyKeys("officeName", "roundLabel", "indicatorCode", "indicatorTitle",
                "returnComments", "counts", "stepsTaken", "practices", "problemsObec", "problemsOffice",
                "recommendationsObec", "recommendationsOffice", "selfAssessedLevel");
        assertThat(prefill).containsEntry("officeName", office.officeName())
                .containsEntry("roundLabel", "รอบ 6 เดือน")
                .containsEntry("indicatorCode", "4")
                .containsEntry("returnComments", null)
                .containsEntry("stepsTaken", null)
                .containsEntry("selfAssessedLevel", null)
                .containsEntry("practices", List.of());
        assertThat((String) prefill.get("indicatorTitle")).startsWith("ตัวชี้วัดที่ 4 การนำผล RT");
        // a primary office (สพป.) reports the primary measure only
        assertThat(counts(prefill)).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("measureCode", "SCHOOLS_USING_RESULTS_PRIMARY")
                    .containsEntry("achieved", null)
                    .containsEntry("base", null);
            assertThat((String) item.get("label")).endsWith(" / สถานศึกษาสังกัด สพป. ทั้งหมด");
        });
    }

    @Test
    void submitSavesTheReportAndSetsTheDecisionInputsOnTheSubProcessInstance() {
        Map<String, Object> form = form(List.of(count("NEW_THREATS", "1,000", 1200), count("CYBER_THREATS", 250, "400")));
        form.put("practices", List.of(
                practice("SUMSAOPIIT MAISAO Model", "โรงเรียนสุเมธัฒยาศาสตร์", "นวัตกรรมเสริมสร้างความปลอดภัย"),
                practice(null, " ", null)));
        form.put("problemsOffice", "ระบบ MOE Safety Center ใช้งานยาก");
        form.put("selfAssessedLevel", "4");

        TaskStub task = fixtures.complete(ReportFixtures.submitTask(office, Round.MID_YEAR, "1"), form);

        Long reportId = jdbc.queryForObject("select id from indicator_report where office_cycle_id = ?"
                + " and round = 'MID_YEAR' and indicator_code = '1'", Long.class, office.officeCycleId());
        // (1000 + 250) / (1200 + 400) x 100
        assertThat(task.executionLocals()).containsEntry("reportId", reportId)
                .containsEntry("achievementPercent", 78.125)
                // steps, a best practice, problems, every measure filled; no recommendations
                .containsEntry("evidenceScore", 4)
                .containsEntry("selfAssessedLevel", 4);

        assertThat(jdbc.queryForMap("select status, revision, quality_level, first_submitted_at, cycle_id"
                + " from indicator_report where id = ?", reportId))
                .containsEntry("STATUS", "SUBMITTED")
                .containsEntry("REVISION", 1)
                .containsEntry("QUALITY_LEVEL", null)
                .containsEntry("CYCLE_ID", office.cycleId());
        assertThat(jdbc.queryForMap("select steps_taken, problems_office, problems_obec, self_assessed_level,"
                + " evidence_score, submitted_by from indicator_report_revision where report_id = ?", reportId))
                .containsEntry("STEPS_TAKEN", "ประชุมชี้แจงสถานศึกษาและติดตามผลทุกเดือน")
                .containsEntry("PROBLEMS_OFFICE", "ระบบ MOE Safety Center ใช้งานยาก")
                .containsEntry("PROBLEMS_OBEC", null)
                .containsEntry("SELF_ASSESSED_LEVEL", 4)
                .containsEntry("EVIDENCE_SCORE", 4)
                .containsEntry("SUBMITTED_BY", "coord." + office.officeCode().toLowerCase());
        assertThat(jdbc.queryForList("select c.measure_code, c.achieved, c.base from indicator_report_count c"
                + " join indicator_report_revision v on v.id = c.revision_id where v.report_id = ?"
                + " order by c.position", reportId))
                .extracting(row -> List.of(row.get("MEASURE_CODE"), row.get("ACHIEVED"), row.get("BASE")))
                .containsExactly(List.of("NEW_THREATS", 1000L, 1200L), List.of("CYBER_THREATS", 250L, 400L));
        assertThat(jdbc.queryForList("select p.name, p.owner_name from indicator_report_practice p"
                + " join indicator_report_revision v on v.id = p.revision_id where v.report_id = ?", reportId))
                .extracting(row -> row.get("NAME") + " / " + row.get("OWNER_NAME"))
                .containsExactly("SUMSAOPIIT MAISAO Model / โรงเรียนสุเมธัฒยาศาสตร์");

        assertThat(reports.reports(office.officeCycleId(), Round.MID_YEAR)).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(ReportStatus.SUBMITTED);
            assertThat(view.firstSubmittedAt()).isEqualTo(SUBMITTED_AT);
            assertThat(view.achievementPercent()).isEqualTo(78.125);
        });
    }

    @Test
    void theAuthenticatedUserIsRecordedRatherThanTheAssignee() {
        identityService.setAuthenticatedUserId("coord.someone");

        fixtures.submit(office, Round.MID_YEAR, "2", List.of(count("DROPOUTS_HELPED", 3, 4)));

        assertThat(jdbc.queryForObject("select v.submitted_by from indicator_report_revision v join indicator_report r"
                + " on r.id = v.report_id where r.office_cycle_id = ?", String.class, office.officeCycleId()))
                .isEqualTo("coord.someone");
    }

    @Test
    void evidenceAndAchievementCountOnlyWhatWasGiven() {
        // a zero base gives no percentage; an empty measure loses the "every measure filled" point
        TaskStub task = fixtures.submit(office, Round.MID_YEAR, "1",
                List.of(count("NEW_THREATS", 0, 0), count("CYBER_THREATS", null, 500)));

        assertThat(task.executionLocals()).containsEntry("achievementPercent", null)
                .containsEntry("evidenceScore", 1)
                .containsEntry("selfAssessedLevel", 3);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("achieved above base", "counts[1].achieved", f -> counts(f).get(1).put("achieved", 401)),
                refusal("negative count", "counts[0].base", f -> counts(f).get(0).put("base", -1)),
                refusal("non-numeric count", "counts[0].achieved", f -> counts(f).get(0).put("achieved", "many")),
                refusal("fractional count", "counts[0].achieved", f -> counts(f).get(0).put("achieved", 2.5)),
                refusal("count above a billion", "counts[0].base",
                        f -> counts(f).get(0).put("base", 1_000_000_001L)),
                refusal("unknown measure", "counts[1].measureCode",
                        f -> counts(f).get(1).put("measureCode", "DROPOUTS_HELPED")),
                refusal("measure given twice", "counts[1].measureCode",
                        f -> counts(f).get(1).put("measureCode", "NEW_THREATS")),
                refusal("level 7", "selfAssessedLevel", f -> f.put("selfAssessedLevel", 7)),
                refusal("level missing", "selfAssessedLevel", f -> f.remove("selfAssessedLevel")),
                refusal("steps missing", "stepsTaken", f -> f.put("stepsTaken", "  ")),
                refusal("text over 4000 characters", "problemsObec", f -> f.put("problemsObec", "ก".repeat(4001))),
                refusal("practice without a name", "practices[0].name",
                        f -> f.put("practices", List.of(practice(null, "โรงเรียน", "คำอธิบาย")))),
                refusal("more than 50 practices", "practices",
                        f -> f.put("practices", java.util.Collections.nCopies(51, practice("ชื่อ", null, null)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedSubmissionNamesTheFieldAndSavesNothing(String what, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> form = form(List.of(count("NEW_THREATS", 100, 200), count("CYBER_THREATS", 300, 400)));
        change.accept(form);
        TaskStub task = ReportFixtures.submitTask(office, Round.MID_YEAR, "1");

        assertThatThrownBy(() -> fixtures.complete(task, form))
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.getField()).isEqualTo(field));

        assertThat(jdbc.queryForObject("select count(*) from indicator_report where office_cycle_id = ?",
                Integer.class, office.officeCycleId())).isZero();
        assertThat(task.executionLocals()).isEmpty();
    }

    @Test
    void aReturnedReportShowsItsAnswersAndTheCommentsAndIsResubmittedAsANewRevision() {
        Map<String, Object> first = form(List.of(count("DROPOUTS_HELPED", 30, null)));
        first.put("recommendationsObec", "ควรมีหน่วยงานกลางประสานงาน");
        first.put("practices", List.of(practice("พาน้องกลับมาเรียน", "สพป.", null)));
        TaskStub submitted = fixtures.complete(ReportFixtures.submitTask(office, Round.MID_YEAR, "2"), first);
        fixtures.review(submitted, office, Round.MID_YEAR, "2", "RETURN", null, "โปรดระบุจำนวนเด็กที่ค้นพบทั้งหมด");

        Map<String, Object> prefill = fixtures.prefill(ReportFixtures.submitTask(office, Round.MID_YEAR, "2"));

        assertThat(prefill).containsEntry("returnComments", "โปรดระบุจำนวนเด็กที่ค้นพบทั้งหมด")
                .containsEntry("stepsTaken", "ประชุมชี้แจงสถานศึกษาและติดตามผลทุกเดือน")
                .containsEntry("recommendationsObec", "ควรมีหน่วยงานกลางประสานงาน")
                .containsEntry("selfAssessedLevel", "3");
        assertThat(counts(prefill)).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("measureCode", "DROPOUTS_HELPED").containsEntry("achieved", 30L)
                .containsEntry("base", null));
        assertThat((List<?>) prefill.get("practices")).hasSize(1);

        // a refused resubmission changes nothing
        Map<String, Object> wrong = form(List.of(count("DROPOUTS_HELPED", 50, 40)));
        assertThatThrownBy(() -> fixtures.complete(ReportFixtures.submitTask(office, Round.MID_YEAR, "2"), wrong))
                .isInstanceOf(FormValidationException.class);
        assertThat(reports.reports(office.officeCycleId(), Round.MID_YEAR)).singleElement()
                .satisfies(view -> assertThat(view.status()).isEqualTo(ReportStatus.RETURNED));

        Instant resubmittedAt = SUBMITTED_AT.plusSeconds(86_400 * 20);
        ClockUtil.setCurrentTime(Date.from(resubmittedAt));
        TaskStub resubmitted = fixtures.submit(office, Round.MID_YEAR, "2", List.of(count("DROPOUTS_HELPED", 30, 40)));

        assertThat(resubmitted.executionLocals()).containsEntry("achievementPercent", 75.0)
                .containsEntry("reportId", submitted.executionLocals().get("reportId"));
        assertThat(reports.reports(office.officeCycleId(), Round.MID_YEAR)).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(ReportStatus.SUBMITTED);
            assertThat(view.revision()).isEqualTo(2);
            assertThat(view.firstSubmittedAt()).isEqualTo(SUBMITTED_AT);
            assertThat(view.lastSubmittedAt()).isEqualTo(resubmittedAt);
        });
        assertThat(jdbc.queryForList("select v.revision from indicator_report_revision v join indicator_report r"
                + " on r.id = v.report_id where r.office_cycle_id = ? order by v.revision", Integer.class,
                office.officeCycleId())).containsExactly(1, 2);
        // the prefill after a resubmission shows no return comments
        assertThat(fixtures.prefill(ReportFixtures.submitTask(office, Round.MID_YEAR, "2")))
                .containsEntry("returnComments", null);
    }

    @Test
    void theAnnualReportStartsFromTheMidYearBases() {
        fixtures.submit(office, Round.MID_YEAR, "2", List.of(count("DROPOUTS_HELPED", 30, 40)));

        Map<String, Object> prefill = fixtures.prefill(ReportFixtures.submitTask(office, Round.ANNUAL, "2"));

        assertThat(prefill).containsEntry("roundLabel", "รอบ 12 เดือน").containsEntry("stepsTaken", null);
        assertThat(counts(prefill)).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("achieved", null).containsEntry("base", 40L));
    }

    private static Arguments refusal(String what, String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(what, field, change);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> counts(Map<String, Object> form) {
        return (List<Map<String, Object>>) form.get("counts");
    }

    private static Map<String, Object> practice(String name, String ownerName, String description) {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("name", name);
        practice.put("ownerName", ownerName);
        practice.put("description", description);
        return practice;
    }
}
