package th.obec.apimr.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.obec.apimr.report.ReportFixtures.count;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.report.ReportFixtures;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.system.ThaiFormats;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.FormValidationException;
import th.obec.apimr.task.FormVariables;

/** The office reflection, the round compilations and the national reflection, each in a cycle of its own. */
@TaskFormSpringTest
class ReflectionHandlersTest {

    private static final Instant NOW = Instant.parse("2041-01-05T04:00:00Z");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Autowired
    FormVariables formVariables;

    @Autowired
    ReflectOnCycleHandler reflectOnCycle;

    @Autowired
    CompileRoundHandler compileRound;

    @Autowired
    ReflectNationallyHandler reflectNationally;

    private ReportFixtures reports;

    @BeforeEach
    void setUp() {
        reports = new ReportFixtures(context);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void anOfficeReflectsOnItsResultsOnce() {
        List<TestOffice> offices = reports.cycle(2584, "P5002", "S1001");
        TestOffice office = offices.get(0);
        TaskStub safety = reports.submit(office, Round.MID_YEAR, "1",
                List.of(count("NEW_THREATS", 1000, 1200), count("CYBER_THREATS", 250, 400)));
        reports.review(safety, office, Round.MID_YEAR, "1", "ACCEPT", 4, null);
        TaskStub dropouts = reports.submit(office, Round.MID_YEAR, "2", List.of(count("DROPOUTS_HELPED", 1, 2)));
        reports.review(dropouts, office, Round.MID_YEAR, "2", "RETURN", null, "ไม่ครบ");
        TaskStub task = new TaskStub("Task_ReflectOnCycle", office.variables()).assignee("coord.p5002");

        Map<String, Object> prefill = reflectOnCycle.prefill(task.task());

        assertThat(prefill).containsOnlyKeys("officeName", "cycleOverview", "lessonsLearned", "successFactors",
                "obstacles", "practicesToShare", "recommendationsNextYear");
        assertThat(prefill).containsEntry("officeName", office.officeName()).containsEntry("lessonsLearned", null);
        assertThat((String) prefill.get("cycleOverview"))
                .startsWith(office.officeName() + " ปีงบประมาณ พ.ศ. 2584\n\nรอบ 6 เดือน: ส่งรายงาน 2 จาก 13 ตัวชี้วัด,"
                        + " ผ่านการกลั่นกรอง 1 ตัวชี้วัด, ระดับคุณภาพของเขต 4 ดีมาก\n"
                        + "- ตัวชี้วัดที่ 1 ความปลอดภัยและการบริหารสถานการณ์ที่เกิดขึ้น: ผ่านการกลั่นกรอง ระดับ 4 ดีมาก,"
                        + " ผลสำเร็จ 78.13%\n"
                        + "- ตัวชี้วัดที่ 2 พาน้องกลับมาเรียน: ส่งกลับให้แก้ไข, ผลสำเร็จ 50.00%\n"
                        + "- ตัวชี้วัดที่ 3 ")
                .contains("- ตัวชี้วัดที่ 12 สำนักงานเขตพื้นที่การศึกษา")
                .contains(": ยังไม่ส่ง")
                // a round with nothing submitted yet is one line
                .endsWith("\n\nรอบ 12 เดือน: ส่งรายงาน 0 จาก 13 ตัวชี้วัด, ผ่านการกลั่นกรอง 0 ตัวชี้วัด");

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("lessonsLearned", "การมีส่วนร่วมของสถานศึกษาทำให้งานเดินเร็ว");
        form.put("successFactors", "ภาคีเครือข่าย");
        form.put("recommendationsNextYear", "ลดภาระการรายงาน");
        assertRefused(() -> reflectOnCycle.submit(task.task(), input(form)), "obstacles");
        form.put("obstacles", "บุคลากรย้ายบ่อย");
        form.put("practicesToShare", "ข".repeat(4001));
        assertRefused(() -> reflectOnCycle.submit(task.task(), input(form)), "practicesToShare");
        assertThat(rows("office_reflection", office)).isZero();

        form.put("practicesToShare", null);
        ClockUtil.setCurrentTime(Date.from(NOW));
        identityService.setAuthenticatedUserId("coord.someone");
        inEngineCommand(() -> reflectOnCycle.submit(task.task(), input(form)));
        form.put("obstacles", "บุคลากรย้ายบ่อย งบประมาณล่าช้า");
        inEngineCommand(() -> reflectOnCycle.submit(task.task(), input(form)));

        assertThat(jdbc.queryForList("select obstacles, reflected_by, reflected_at from office_reflection"
                + " where office_cycle_id = ?", office.officeCycleId())).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("OBSTACLES", "บุคลากรย้ายบ่อย งบประมาณล่าช้า")
                    .containsEntry("REFLECTED_BY", "coord.someone");
        });
        assertThat(reflectOnCycle.prefill(task.task())).containsEntry("obstacles", "บุคลากรย้ายบ่อย งบประมาณล่าช้า")
                .containsEntry("practicesToShare", null);
    }

    @Test
    void obecCompilesEachRoundOnceAndReflectsOnTheCycle() {
        List<TestOffice> offices = reports.cycle(2585, "P4001", "P5001");
        TaskStub first = reports.submit(offices.get(0), Round.MID_YEAR, "2", List.of(count("DROPOUTS_HELPED", 150, 200)));
        reports.review(first, offices.get(0), Round.MID_YEAR, "2", "ACCEPT", 5, null);
        reports.submit(offices.get(1), Round.MID_YEAR, "2", List.of(count("DROPOUTS_HELPED", 30, 40)));
        Map<String, Object> variables = Map.of("cycleId", offices.get(0).cycleId(), "fiscalYear", 2585,
                "round", "MID_YEAR");
        TaskStub midYear = new TaskStub("Task_CompileMidYearResults", variables).assignee("analyst");

        Map<String, Object> prefill = compileRound.prefill(midYear.task());

        assertThat(prefill).containsOnlyKeys("roundLabel", "roundOverview", "roundSummary", "lessonsLearned",
                "recommendations");
        assertThat(prefill).containsEntry("roundLabel", "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2585")
                .containsEntry("roundSummary", null);
        assertThat((String) prefill.get("roundOverview"))
                .startsWith("รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2585 (กำหนดส่งรายงาน "
                        + ThaiFormats.date(LocalDate.of(2042, 4, 30)) + ")\n"
                        + "สพท. ที่ร่วมรายงาน 2 เขต\n"
                        + "ส่งรายงานครบ 0 เขต, ส่งครบตามกำหนด 0 เขต\n"
                        + "ผ่านการกลั่นกรองครบ 0 เขต\n"
                        + "ระดับคุณภาพของเขต: 5 ดีเยี่ยม 1 เขต, 4 ดีมาก 0 เขต, 3 ดี 0 เขต, 2 พอใช้ 0 เขต,"
                        + " 1 ปรับปรุง 0 เขต\n"
                        + "ผลรายตัวชี้วัด\n\n")
                                // (150 + 30) / (200 + 40) x 100
                .contains("ตัวชี้วัดที่ 2 พาน้องกลับมาเรียน: ส่ง 2 จาก 2 เขต, ผ่าน 1 (5 ดีเยี่ยม 1 ฉบับ),"
                        + " รวม 180 / 240 (75.00%)\n  - เด็กออกกลางคันที่ได้รับการช่วยเหลือ: 180 / 240 (75.00%)\n")
                .contains("ตัวชี้วัดที่ 1 ความปลอดภัยและการบริหารสถานการณ์ที่เกิดขึ้น: ส่ง 0 จาก 2 เขต, ผ่าน 0");
        assertThat((String) prefill.get("roundOverview")).hasSizeLessThanOrEqualTo(4000);

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("lessonsLearned", "เขตที่มีภาคีเครือข่ายส่งรายงานครบ");
        assertRefused(() -> compileRound.submit(midYear.task(), input(form)), "roundSummary");
        assertThat(jdbc.queryForObject("select count(*) from round_compilation where cycle_id = ?", Integer.class,
                offices.get(0).cycleId())).isZero();

        ClockUtil.setCurrentTime(Date.from(NOW));
        form.put("roundSummary", "ส่งรายงานครบ 1 เขต");
        compileRound.submit(midYear.task(), input(form));
        // completed again after a rollback of the process: the same compilation, updated
        form.put("roundSummary", "ส่งรายงานครบ 1 เขต ผ่านการกลั่นกรอง 1 เขต");
        compileRound.submit(midYear.task(), input(form));
        TaskStub annual = new TaskStub("Task_CompileAnnualResults",
                Map.of("cycleId", offices.get(0).cycleId(), "round", "ANNUAL")).assignee("analyst");
        assertThat(compileRound.prefill(annual.task())).containsEntry("roundLabel", "รอบ 12 เดือน")
                .containsEntry("roundSummary", null);

        assertThat(jdbc.queryForList("select round, round_summary, compiled_by, compiled_at from round_compilation"
                + " where cycle_id = ?", offices.get(0).cycleId())).singleElement().satisfies(row ->
                assertThat(row).containsEntry("ROUND", "MID_YEAR")
                        .containsEntry("ROUND_SUMMARY", "ส่งรายงานครบ 1 เขต ผ่านการกลั่นกรอง 1 เขต")
                        .containsEntry("COMPILED_BY", "analyst"));
        assertThat(compileRound.prefill(midYear.task()))
                .containsEntry("roundSummary", "ส่งรายงานครบ 1 เขต ผ่านการกลั่นกรอง 1 เขต")
                .containsEntry("lessonsLearned", "เขตที่มีภาคีเครือข่ายส่งรายงานครบ");

        TaskStub national = new TaskStub("Task_ReflectNationally", variables).assignee("analyst");
        Map<String, Object> nationalPrefill = reflectNationally.prefill(national.task());
        assertThat(nationalPrefill).containsOnlyKeys("cycleOverview", "lessonsLearned", "policyRecommendations",
                "practicesToShare");
        assertThat((String) nationalPrefill.get("cycleOverview"))
                .startsWith("ปีงบประมาณ พ.ศ. 2585: สพท. ที่ร่วมวงจร 2 เขต, สะท้อนผลการปฏิบัติแล้ว 0 เขต\n\n"
                        + "รอบ 6 เดือน: ส่งรายงานครบ 0 จาก 2 เขต (ตามกำหนด 0 เขต), ผ่านการกลั่นกรองครบ 0 เขต\n"
                        + "ระดับคุณภาพของเขต: 5 ดีเยี่ยม 1 เขต,")
                .contains("\nสรุปผล: ส่งรายงานครบ 1 เขต ผ่านการกลั่นกรอง 1 เขต\nบทเรียน: เขตที่มีภาคีเครือข่ายส่งรายงานครบ")
                .endsWith("รอบ 12 เดือน: ส่งรายงานครบ 0 จาก 2 เขต (ตามกำหนด 0 เขต), ผ่านการกลั่นกรองครบ 0 เขต\n"
                        + "ระดับคุณภาพของเขต: 5 ดีเยี่ยม 0 เขต, 4 ดีมาก 0 เขต, 3 ดี 0 เขต, 2 พอใช้ 0 เขต,"
                        + " 1 ปรับปรุง 0 เขต\nยังไม่ได้สรุปผลรอบนี้");

        Map<String, Object> reflection = new LinkedHashMap<>();
        reflection.put("lessonsLearned", "การติดตามสองรอบช่วยให้เขตปรับแผนทัน");
        assertRefused(() -> reflectNationally.submit(national.task(), input(reflection)), "policyRecommendations");
        reflection.put("policyRecommendations", "ลดตัวชี้วัดที่ซ้ำซ้อน");
        reflectNationally.submit(national.task(), input(reflection));
        reflection.put("practicesToShare", "คลินิก M&E");
        reflectNationally.submit(national.task(), input(reflection));

        assertThat(jdbc.queryForList("select policy_recommendations, practices_to_share, reflected_by"
                + " from national_reflection where cycle_id = ?", offices.get(0).cycleId())).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("PRACTICES_TO_SHARE", "คลินิก M&E")
                        .containsEntry("REFLECTED_BY", "analyst"));
    }

    private FormInput input(Map<String, ?> form) {
        return FormInput.of(form, formVariables);
    }

    private int rows(String table, TestOffice office) {
        return jdbc.queryForObject("select count(*) from " + table + " where office_cycle_id = ?", Integer.class,
                office.officeCycleId());
    }

    private static void assertRefused(Runnable submit, String field) {
        assertThatThrownBy(submit::run)
                .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.getField()).isEqualTo(field));
    }

    /** Runs a submission inside an engine command, as the engine runs task listeners. */
    private void inEngineCommand(Runnable submission) {
        engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            submission.run();
            return null;
        });
    }
}
