package th.obec.apimr.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.support.TaskFormDriver;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TestOffices;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.system.OverviewText;
import th.obec.apimr.task.FormValidationException;

@TaskFormSpringTest
class PlanTasksTest {

    static final Instant SUBMITTED = Instant.parse("2022-12-20T03:00:00Z");
    static final Instant REVIEWED = Instant.parse("2023-01-05T07:30:00Z");

    @Autowired
    @Qualifier("taskForms")
    TaskListener taskForms;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    CycleService cycleService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlanService plans;

    TaskFormDriver.Instance process;
    TestOffice office;

    @BeforeEach
    void setUp() {
        office = new TestOffices(cycleService, jdbc).newOffice();
        process = new TaskFormDriver(taskForms, processEngine).instance(office.variables());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void returnedPlanComesBackWithTheCommentsAndTheProjectsThenIsApproved() {
        TaskFormDriver.Task planTask = process.open("Task_PlanProjects", "coord");
        assertThat(planTask.form()).containsOnlyKeys("officeName", "returnComments", "planTitle", "planSummary",
                "projects");
        assertThat(planTask.form()).containsEntry("officeName", office.officeName())
                .containsEntry("returnComments", null)
                .containsEntry("planTitle", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2566")
                .containsEntry("planSummary", null)
                .containsEntry("projects", null);

        at(SUBMITTED);
        planTask.submitAs("it.coord", Map.of("planTitle", "แผนปฏิบัติการ 2566", "projects", List.of(safeSchools())));

        TaskFormDriver.Task review = process.open("Task_ReviewPlan", "director");
        assertThat(review.form()).containsOnlyKeys("officeName", "planTitle", "planOverview", "totalBudget",
                "planDecision", "reviewComments");
        assertThat(review.field("planTitle")).isEqualTo("แผนปฏิบัติการ 2566");
        assertThat(review.field("totalBudget")).isEqualTo("150,000.00 บาท");
        assertThat((String) review.field("planOverview")).contains(
                "แผน: แผนปฏิบัติการ 2566 (ฉบับที่ 1)",
                "1. โครงการโรงเรียนปลอดภัย",
                "กลุ่มที่รับผิดชอบ: กลุ่มนโยบายและแผน",
                "งบประมาณ: 150,000.00 บาท",
                "ระยะเวลา: 1 พฤศจิกายน 2565 – 30 กันยายน 2566",
                "ตัวชี้วัด: 1, 2");

        // RETURN needs comments: refused, and nothing changes
        FormValidationException refused = review.refused(Map.of("planDecision", "RETURN"));
        assertThat(refused.getField()).isEqualTo("reviewComments");
        assertThat(process.executionVariables()).doesNotContainKey("planDecision");
        assertThat(plans.currentPlan(office.officeCycleId()).orElseThrow().status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(count("plan_review")).isZero();

        at(REVIEWED);
        review.submitAs("it.director", Map.of("planDecision", "RETURN",
                "reviewComments", "เพิ่มโครงการพาน้องกลับมาเรียน"));
        assertThat(process.executionVariables()).containsEntry("planDecision", "RETURN");
        assertThat(plans.currentPlan(office.officeCycleId()).orElseThrow().status()).isEqualTo(PlanStatus.RETURNED);
        assertThat(plans.approvedProjects(office.officeCycleId())).isEmpty();

        TaskFormDriver.Task again = process.open("Task_PlanProjects", "coord");
        assertThat(again.field("returnComments")).isEqualTo("เพิ่มโครงการพาน้องกลับมาเรียน");
        assertThat(again.field("planTitle")).isEqualTo("แผนปฏิบัติการ 2566");
        JsonNode projects = again.json("projects");
        assertThat(projects).hasSize(1);
        JsonNode first = projects.get(0);
        assertThat(first.get("name").asText()).isEqualTo("โครงการโรงเรียนปลอดภัย");
        assertThat(first.get("strategy").asText()).isEqualTo("ความปลอดภัย");
        assertThat(first.get("responsibleGroup").asText()).isEqualTo("กลุ่มนโยบายและแผน");
        assertThat(first.get("budget").decimalValue()).isEqualByComparingTo("150000");
        assertThat(first.get("startDate").asText()).isEqualTo("2022-11-01");
        assertThat(first.get("endDate").asText()).isEqualTo("2023-09-30");
        assertThat(first.get("indicators").asText()).isEqualTo("1, 2");
        assertThat(first.get("targets").asText()).isEqualTo("โรงเรียนร้อยละ 80 มีมาตรการความปลอดภัย");

        Map<String, Object> back = backToSchool();
        again.submit(Map.of("planTitle", "แผนปฏิบัติการ 2566", "planSummary", "สองโครงการตามนโยบาย",
                "projects", List.of(safeSchools(), back)));
        TaskFormDriver.Task secondReview = process.open("Task_ReviewPlan", "director");
        assertThat(secondReview.field("totalBudget")).isEqualTo("230,000.50 บาท");
        assertThat((String) secondReview.field("planOverview"))
                .contains("(ฉบับที่ 2)", "สรุปแผน: สองโครงการตามนโยบาย", "2. โครงการพาน้องกลับมาเรียน",
                        "งบประมาณ: 80,000.50 บาท", "ตัวชี้วัด: 2, 6a", "จำนวน 2 โครงการ งบประมาณรวม 230,000.50 บาท");
        secondReview.submitAs("it.director", Map.of("planDecision", "APPROVE"));

        assertThat(process.executionVariables()).containsEntry("planDecision", "APPROVE");
        PlanView approved = plans.approvedPlan(office.officeCycleId()).orElseThrow();
        assertThat(approved.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.revision()).isEqualTo(2);
        assertThat(approved.totalBudget()).isEqualByComparingTo("230000.50");
        assertThat(approved.submittedBy()).isEqualTo("coord");
        assertThat(plans.approvedProjects(office.officeCycleId())).extracting(ProjectView::name)
                .containsExactly("โครงการโรงเรียนปลอดภัย", "โครงการพาน้องกลับมาเรียน");
        assertThat(plans.approvedProjects(office.officeCycleId()).get(1).indicatorCodes()).containsExactly("2", "6a");

        // The history: two revisions, two reviews, each with who and when
        Plan plan = plans.plan(office.officeCycleId()).orElseThrow();
        assertThat(jdbc.queryForList("select revision_no, submitted_by from plan_revision where plan_id = ?"
                + " order by revision_no", plan.getId()))
                .extracting(row -> row.get("REVISION_NO") + "/" + row.get("SUBMITTED_BY"))
                .containsExactly("1/it.coord", "2/coord");
        List<Map<String, Object>> reviews = jdbc.queryForList("select r.decision, r.comments, r.reviewer,"
                + " r.reviewed_at, v.revision_no from plan_review r join plan_revision v on v.id = r.revision_id"
                + " where r.plan_id = ? order by r.id", plan.getId());
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0)).containsEntry("DECISION", "RETURN")
                .containsEntry("COMMENTS", "เพิ่มโครงการพาน้องกลับมาเรียน")
                .containsEntry("REVIEWER", "it.director")
                .containsEntry("REVISION_NO", 1);
        assertThat(((java.time.OffsetDateTime) reviews.get(0).get("REVIEWED_AT")).toInstant()).isEqualTo(REVIEWED);
        assertThat(reviews.get(1)).containsEntry("DECISION", "APPROVE").containsEntry("REVISION_NO", 2);

        // After approval the plan task would open without comments
        assertThat(process.open("Task_PlanProjects", "coord").field("returnComments")).isNull();
    }

    @Test
    void refusesABadProjectNamingTheFieldAndSavesNothing() {
        TaskFormDriver.Task task = process.open("Task_PlanProjects", "coord");

        assertRefused(task, with(1, "budget", -1), "projects[1].budget", "ต้องไม่ติดลบ");
        assertRefused(task, with(1, "budget", null), "projects[1].budget", "จำเป็นต้องกรอก");
        assertRefused(task, with(0, "budget", new BigDecimal("10000000000.00")), "projects[0].budget",
                "9999999999.99");
        assertRefused(task, with(0, "budget", 10.555), "projects[0].budget", "2 ตำแหน่ง");
        assertRefused(task, with(0, "endDate", "2022-10-31"), "projects[0].endDate", "ก่อนวันเริ่มต้น");
        assertRefused(task, with(1, "startDate", "2022-09-30"), "projects[1].startDate",
                "ปีงบประมาณ พ.ศ. 2566 (1 ตุลาคม 2565 – 30 กันยายน 2566)");
        assertRefused(task, with(0, "endDate", "2023-10-01"), "projects[0].endDate", "2023-09-30");
        assertRefused(task, with(1, "indicators", "2, 99"), "projects[1].indicators", "'99'");
        assertRefused(task, with(0, "name", " "), "projects[0].name", "จำเป็นต้องกรอก");
        assertRefused(task, with(0, "name", "ก".repeat(301)), "projects[0].name", "300");
        assertRefused(task, with(1, "targets", "ข".repeat(4001)), "projects[1].targets", "4000");
        assertRefused(task, with(0, "startDate", "30/09/2566"), "projects[0].startDate", "yyyy-MM-dd");

        Map<String, Object> noTitle = new LinkedHashMap<>(with(0, "name", "โครงการ"));
        noTitle.put("planTitle", null);
        assertRefused(task, noTitle, "planTitle", "จำเป็นต้องกรอก");
        assertRefused(task, Map.of("planTitle", "แผน", "projects", List.of()), "projects", "อย่างน้อย 1");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(safeSchools());
        }
        assertRefused(task, Map.of("planTitle", "แผน", "projects", tooMany), "projects", "100");

        assertThat(plans.plan(office.officeCycleId())).isEmpty();
        assertThat(plans.currentPlan(office.officeCycleId())).isEmpty();

        // A refused re-submission leaves the saved revision as it was
        task.submit(with(0, "indicators", "6A"));
        assertThat(plans.currentPlan(office.officeCycleId()).orElseThrow().projects().get(0).indicatorCodes())
                .containsExactly("6a");
        TaskFormDriver.Task review = process.open("Task_ReviewPlan", "director");
        review.submit(Map.of("planDecision", "RETURN", "reviewComments", "ปรับงบประมาณ"));
        TaskFormDriver.Task again = process.open("Task_PlanProjects", "coord");
        assertRefused(again, with(1, "budget", -5), "projects[1].budget", "ต้องไม่ติดลบ");
        PlanView current = plans.currentPlan(office.officeCycleId()).orElseThrow();
        assertThat(current.revision()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(PlanStatus.RETURNED);
        assertThat(again.field("returnComments")).isEqualTo("ปรับงบประมาณ");
    }

    @Test
    void reviewOfAHundredLongProjectsStaysWithinWhatTheEngineCanStore() {
        List<Map<String, Object>> projects = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> project = safeSchools();
            project.put("name", "โครงการที่ " + (i + 1) + " " + "พัฒนาคุณภาพการศึกษา".repeat(14));
            project.put("targets", "เป้าหมาย".repeat(400));
            project.put("budget", new BigDecimal("9999999999.99"));
            projects.add(project);
        }
        process.open("Task_PlanProjects", "coord").submit(Map.of("planTitle", "แผนใหญ่", "projects", projects));

        TaskFormDriver.Task review = process.open("Task_ReviewPlan", "director");
        String overview = (String) review.field("planOverview");
        assertThat(overview.length()).isLessThanOrEqualTo(OverviewText.MAX_LENGTH);
        assertThat(overview).contains("จำนวน 100 โครงการ งบประมาณรวม 999,999,999,999.00 บาท", "1. โครงการที่ 1 ")
                .containsPattern("… และอีก \\d+ โครงการ");
        assertThat(review.field("totalBudget")).isEqualTo("999,999,999,999.00 บาท");
    }

    private static void assertRefused(TaskFormDriver.Task task, Map<String, Object> values, String field,
                                      String messagePart) {
        FormValidationException refused = task.refused(values);
        assertThat(refused.getField()).isEqualTo(field);
        assertThat(refused.getMessage()).startsWith(field + ": ").contains(messagePart);
    }

    /** A valid plan of two projects with one field of one project changed. */
    private static Map<String, Object> with(int index, String field, Object value) {
        List<Map<String, Object>> projects = List.of(safeSchools(), backToSchool());
        projects.get(index).put(field, value);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("planTitle", "แผนปฏิบัติการ 2566");
        values.put("projects", projects);
        return values;
    }

    private static Map<String, Object> safeSchools() {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "โครงการโรงเรียนปลอดภัย");
        project.put("strategy", "ความปลอดภัย");
        project.put("responsibleGroup", "กลุ่มนโยบายและแผน");
        project.put("budget", 150000);
        project.put("startDate", "2022-11-01");
        project.put("endDate", "2023-09-30");
        project.put("indicators", "1, 2");
        project.put("targets", "โรงเรียนร้อยละ 80 มีมาตรการความปลอดภัย");
        return project;
    }

    private static Map<String, Object> backToSchool() {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "โครงการพาน้องกลับมาเรียน");
        project.put("responsibleGroup", "กลุ่มส่งเสริมการจัดการศึกษา");
        project.put("budget", 80000.5);
        project.put("startDate", "2022-10-01");
        project.put("endDate", "2023-03-31");
        project.put("indicators", List.of("2", "6a"));
        return project;
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table + " t join office_plan p on p.id = t.plan_id"
                + " where p.office_cycle_id = ?", Long.class, office.officeCycleId());
    }
}
