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

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
class ReviewReportHandlerTest {

    private static final Instant REVIEWED_AT = Instant.parse("2023-05-10T02:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    CycleService cycles;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportService reports;

    private ReportFixtures fixtures;
    private TestOffice office;
    private TaskStub submitted;

    @BeforeEach
    void submittedReport() {
        fixtures = new ReportFixtures(context);
        office = new TestOffices(cycles, jdbc).newOffice();
        Map<String, Object> form = form(List.of(count("DROPOUTS_HELPED", 1500, 2000)));
        form.put("practices", List.of(Map.of("name", "พาน้องกลับบ้านเรียน", "ownerName", "โรงเรียนบ้านดอย")));
        form.put("problemsObec", "ข้อมูลเด็กออกกลางคันไม่ตรงกันระหว่างหน่วยงาน");
        form.put("recommendationsOffice", "สร้างเครือข่ายระดับจังหวัด");
        submitted = fixtures.complete(ReportFixtures.submitTask(office, Round.MID_YEAR, "2"), form);
        ClockUtil.setCurrentTime(Date.from(REVIEWED_AT));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void prefillShowsTheReportAndTheSuggestedLevel() {
        Map<String, Object> prefill = fixtures.prefill(
                ReportFixtures.reviewTask(submitted, office, Round.MID_YEAR, "2", 4));

        assertThat(prefill).containsOnlyKeys("officeName", "roundLabel", "indicatorTitle", "reportOverview",
                "selfAssessedLevel", "suggestedLevelLabel", "qualityLevel", "reviewDecision", "reviewComments");
        assertThat(prefill).containsEntry("officeName", office.officeName())
                .containsEntry("roundLabel", "รอบ 6 เดือน")
                .containsEntry("indicatorTitle", "ตัวชี้วัดที่ 2 พาน้องกลับมาเรียน")
                .containsEntry("selfAssessedLevel", "3")
                .containsEntry("suggestedLevelLabel", "4 ดีมาก")
                .containsEntry("qualityLevel", "4")
                .containsEntry("reviewDecision", null)
                .containsEntry("reviewComments", null);
        assertThat((String) prefill.get("reportOverview"))
                .contains("ตัวชี้วัดที่ 2 พาน้องกลับมาเรียน\nรอบ 6 เดือน ฉบับที่ 1")
                .contains("- เด็กออกกลางคันที่ได้รับการช่วยเหลือ: 1,500 / 2,000 (75.00%)")
                .contains("การขับเคลื่อนการดำเนินงาน\nประชุมชี้แจงสถานศึกษาและติดตามผลทุกเดือน")
                .contains("1. พาน้องกลับบ้านเรียน (โรงเรียนบ้านดอย)")
                .contains("ปัญหา อุปสรรค ระดับ สพฐ.\nข้อมูลเด็กออกกลางคันไม่ตรงกันระหว่างหน่วยงาน")
                .contains("ปัญหา อุปสรรค ระดับ สพท.\n-")
                .contains("ข้อเสนอแนะต่อ สพท.\nสร้างเครือข่ายระดับจังหวัด")
                .contains("ระดับคุณภาพที่ประเมินตนเอง: 3 ดี");
    }

    @Test
    void withoutASuggestionTheLevelIsLeftToTheReviewer() {
        Map<String, Object> prefill = fixtures.prefill(
                ReportFixtures.reviewTask(submitted, office, Round.MID_YEAR, "2", null));

        assertThat(prefill).containsEntry("suggestedLevelLabel", null).containsEntry("qualityLevel", null);
    }

    @Test
    void acceptingSavesTheReviewAndTheLevel() {
        TaskStub review = ReportFixtures.reviewTask(submitted, office, Round.MID_YEAR, "2", 4);

        fixtures.complete(review, decision("ACCEPT", "5", "  "));

        assertThat(review.executionLocals()).containsEntry("reviewDecision", "ACCEPT");
        Long reportId = (Long) submitted.executionLocals().get("reportId");
        assertThat(jdbc.queryForMap("select revision, suggested_level, decision, quality_level, comments, reviewed_by,"
                + " reviewed_at from indicator_report_review where report_id = ?", reportId))
                .containsEntry("REVISION", 1)
                .containsEntry("SUGGESTED_LEVEL", 4)
                .containsEntry("DECISION", "ACCEPT")
                .containsEntry("QUALITY_LEVEL", 5)
                .containsEntry("COMMENTS", null)
                .containsEntry("REVIEWED_BY", "reviewer");
        assertThat(reports.reports(office.officeCycleId(), Round.MID_YEAR)).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(ReportStatus.ACCEPTED);
            assertThat(view.qualityLevel()).isEqualTo(5);
            assertThat(view.acceptedAt()).isEqualTo(REVIEWED_AT);
        });
    }

    @Test
    void returningSavesTheCommentsAndNoLevel() {
        TaskStub review = ReportFixtures.reviewTask(submitted, office, Round.MID_YEAR, "2", 4);

        fixtures.complete(review, decision("RETURN", "4", "โปรดแนบวิธีปฏิบัติที่เป็นเลิศเพิ่มเติม"));

        assertThat(review.executionLocals()).containsEntry("reviewDecision", "RETURN");
        assertThat(jdbc.queryForMap("select decision, quality_level, comments from indicator_report_review"
                + " where report_id = ?", submitted.executionLocals().get("reportId")))
                .containsEntry("DECISION", "RETURN")
                .containsEntry("QUALITY_LEVEL", null)
                .containsEntry("COMMENTS", "โปรดแนบวิธีปฏิบัติที่เป็นเลิศเพิ่มเติม");
        assertThat(reports.reports(office.officeCycleId(), Round.MID_YEAR)).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(ReportStatus.RETURNED);
            assertThat(view.qualityLevel()).isNull();
        });
    }

    @Test
    void returnWithoutComments() {
        assertRefused(decision("RETURN", "4", null), "reviewComments");
    }

    @Test
    void acceptWithoutALevel() {
        assertRefused(decision("ACCEPT", null, "ดี"), "qualityLevel");
    }

    @Test
    void levelSeven() {
        assertRefused(decision("ACCEPT", 7, null), "qualityLevel");
    }

    @Test
    void noOrUnknownDecision() {
        assertRefused(decision(null, "4", null), "reviewDecision");
        assertRefused(decision("MAYBE", "4", null), "reviewDecision");
    }

    @Test
    void commentsOver4000Characters() {
        assertRefused(decision("RETURN", null, "ข".repeat(4001)), "reviewComments");
    }

    private void assertRefused(Map<String, Object> form, String field) {
        TaskStub review = ReportFixtures.reviewTask(submitted, office, Round.MID_YEAR, "2", 4);

        assertThatThrownBy(() -> fixtures.complete(review, form))
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.getField()).isEqualTo(field));

        assertThat(review.executionLocals()).doesNotContainKey("reviewDecision");
        assertThat(jdbc.queryForObject("select count(*) from indicator_report_review where report_id = ?",
                Integer.class, submitted.executionLocals().get("reportId"))).isZero();
        assertThat(reports.reports(office.officeCycleId(), Round.MID_YEAR)).singleElement()
                .satisfies(view -> assertThat(view.status()).isEqualTo(ReportStatus.SUBMITTED));
    }

    private static Map<String, Object> decision(String decision, Object level, String comments) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("reviewDecision", decision);
        form.put("qualityLevel", level);
        form.put("reviewComments", comments);
        return form;
    }
}
