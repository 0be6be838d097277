package th.obec.apimr.implementation;

import static org.assertj.core.api.Assertions.assertThat;

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
import th.obec.apimr.plan.PlanService;
import th.obec.apimr.plan.ProjectView;
import th.obec.apimr.support.TaskFormDriver;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TestOffices;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.task.FormValidationException;

@TaskFormSpringTest
class ImplementationTasksTest {

    static final Instant RECORDED = Instant.parse("2023-02-10T03:00:00Z");
    static final Instant DECIDED = Instant.parse("2023-02-12T09:00:00Z");

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
    @Autowired
    ImplementationService implementation;

    TaskFormDriver driver;
    TestOffices offices;
    TestOffice office;
    TaskFormDriver.Instance process;
    List<ProjectView> projects;

    @BeforeEach
    void approvedPlan() {
        driver = new TaskFormDriver(taskForms, processEngine);
        offices = new TestOffices(cycleService, jdbc);
        office = offices.newOffice();
        process = driver.instance(office.variables());
        projects = approvePlan(process, office);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void progressIsRecordedTheDirectorDecidesAndTheNextRecordShowsTheDecision() {
        TaskFormDriver.Task record = process.open("Task_RecordImplementation", "coord");
        assertThat(record.form()).containsOnlyKeys("officeName", "directorDecision", "projectProgress",
                "decisionsTaken", "decisionRequested", "decisionQuestion");
        assertThat(record.form()).containsEntry("officeName", office.officeName())
                .containsEntry("directorDecision", null)
                .containsEntry("decisionRequested", false);
        JsonNode items = record.json("projectProgress");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("projectId").asLong()).isEqualTo(projects.get(0).id());
        assertThat(items.get(0).get("name").asText()).isEqualTo("โครงการโรงเรียนปลอดภัย");
        assertThat(items.get(1).get("name").asText()).isEqualTo("โครงการพาน้องกลับมาเรียน");
        assertThat(items.get(0).get("progressPercent").asInt()).isZero();
        assertThat(items.get(0).get("status").asText()).isEqualTo("NOT_STARTED");

        ClockUtil.setCurrentTime(Date.from(RECORDED));
        record.submitAs("it.coord", Map.of("projectProgress", progress(items, 40, "ON_TRACK"),
                "decisionsTaken", "ประชุมทีมขับเคลื่อน", "decisionRequested", true,
                "decisionQuestion", "ขยายโครงการไปทุกอำเภอหรือไม่"));
        assertThat(process.executionVariables()).containsEntry("decisionRequested", true);
        Map<String, Object> saved = jdbc.queryForMap("select * from implementation_record where office_cycle_id = ?",
                office.officeCycleId());
        assertThat(saved).containsEntry("SEQUENCE_NO", 1).containsEntry("RECORDED_BY", "it.coord")
                .containsEntry("DECISION_REQUESTED", true)
                .containsEntry("DECISION_QUESTION", "ขยายโครงการไปทุกอำเภอหรือไม่");
        assertThat(jdbc.queryForList("select project_id, progress_percent, status, note from project_progress"
                + " where record_id = ? order by sort_order", saved.get("ID")))
                .extracting(row -> row.get("PROJECT_ID") + ":" + row.get("PROGRESS_PERCENT") + ":" + row.get("STATUS"))
                .containsExactly(projects.get(0).id() + ":40:ON_TRACK", projects.get(1).id() + ":40:ON_TRACK");

        TaskFormDriver.Task decide = process.open("Task_DecideOnImplementation", "director");
        assertThat(decide.form()).containsOnlyKeys("officeName", "decisionQuestion", "progressOverview",
                "directorDecision");
        assertThat(decide.field("decisionQuestion")).isEqualTo("ขยายโครงการไปทุกอำเภอหรือไม่");
        assertThat((String) decide.field("progressOverview")).contains(
                "บันทึกครั้งที่ 1 เมื่อ 10 กุมภาพันธ์ 2566 โดย it.coord",
                "1. โครงการโรงเรียนปลอดภัย: 40% เป็นไปตามแผน — ดำเนินการแล้ว",
                "2. โครงการพาน้องกลับมาเรียน: 40%",
                "การตัดสินใจที่ดำเนินการแล้ว\nประชุมทีมขับเคลื่อน");
        assertThat(decide.refused(Map.of("directorDecision", " ")).getField()).isEqualTo("directorDecision");
        ClockUtil.setCurrentTime(Date.from(DECIDED));
        decide.submitAs("it.director", Map.of("directorDecision", "ขยายผลทุกอำเภอ"));
        assertThat(jdbc.queryForMap("select director_decision, decided_by from implementation_record"
                + " where office_cycle_id = ?", office.officeCycleId()))
                .containsEntry("DIRECTOR_DECISION", "ขยายผลทุกอำเภอ").containsEntry("DECIDED_BY", "it.director");

        TaskFormDriver.Task next = process.open("Task_RecordImplementation", "coord");
        assertThat(next.field("directorDecision")).isEqualTo("ขยายผลทุกอำเภอ");
        JsonNode again = next.json("projectProgress");
        assertThat(again.get(0).get("progressPercent").asInt()).isEqualTo(40);
        assertThat(again.get(0).get("status").asText()).isEqualTo("ON_TRACK");
        List<Map<String, Object>> done = progress(again, 100, "COMPLETED");
        next.submit(Map.of("projectProgress", done, "decisionsTaken", "ดำเนินการตามที่ ผอ. สั่งการ",
                "decisionRequested", false, "decisionQuestion", "ไม่ต้องส่งคำถามนี้"));
        assertThat(process.executionVariables()).containsEntry("decisionRequested", false);
        assertThat(jdbc.queryForList("select sequence_no, decision_question, recorded_by from implementation_record"
                + " where office_cycle_id = ? order by sequence_no", office.officeCycleId()))
                .extracting(row -> row.get("SEQUENCE_NO") + "/" + row.get("DECISION_QUESTION") + "/"
                        + row.get("RECORDED_BY"))
                .containsExactly("1/ขยายโครงการไปทุกอำเภอหรือไม่/it.coord", "2/null/coord");
        assertThat(implementation.progressOverview(office.officeCycleId())).contains("100% เสร็จสิ้น");
    }

    @Test
    void refusesBadProgressNamingTheFieldAndSavesNothing() {
        TestOffice other = offices.newOffice();
        List<ProjectView> othersProjects = approvePlan(driver.instance(other.variables()), other);

        TaskFormDriver.Task record = process.open("Task_RecordImplementation", "coord");
        JsonNode items = record.json("projectProgress");

        List<Map<String, Object>> tooFar = progress(items, 40, "ON_TRACK");
        tooFar.get(1).put("progressPercent", 120);
        assertRefused(record, values(tooFar), "projectProgress[1].progressPercent", "100");

        List<Map<String, Object>> foreign = progress(items, 40, "ON_TRACK");
        foreign.get(0).put("projectId", othersProjects.get(0).id());
        assertRefused(record, values(foreign), "projectProgress[0].projectId", "แผนที่อนุมัติ");

        List<Map<String, Object>> twice = progress(items, 40, "ON_TRACK");
        twice.get(1).put("projectId", projects.get(0).id());
        assertRefused(record, values(twice), "projectProgress[1].projectId", "ซ้ำ");

        List<Map<String, Object>> badStatus = progress(items, 40, "ON_TRACK");
        badStatus.get(0).put("status", "FINISHED");
        assertRefused(record, values(badStatus), "projectProgress[0].status", "COMPLETED");

        assertRefused(record, values(progress(items, 90, "COMPLETED")), "projectProgress[0].progressPercent",
                "100");

        List<Map<String, Object>> longNote = progress(items, 40, "DELAYED");
        longNote.get(0).put("note", "ก".repeat(301));
        assertRefused(record, values(longNote), "projectProgress[0].note", "300");

        Map<String, Object> noDecisions = values(progress(items, 40, "ON_TRACK"));
        noDecisions.remove("decisionsTaken");
        assertRefused(record, noDecisions, "decisionsTaken", "จำเป็นต้องกรอก");

        Map<String, Object> noQuestion = values(progress(items, 40, "ON_TRACK"));
        noQuestion.put("decisionRequested", true);
        assertRefused(record, noQuestion, "decisionQuestion", "จำเป็นต้องกรอก");

        assertThat(jdbc.queryForObject("select count(*) from implementation_record where office_cycle_id = ?",
                Long.class, office.officeCycleId())).isZero();
        assertThat(process.executionVariables()).doesNotContainKey("decisionRequested");
        assertThat(implementation.progressOverview(office.officeCycleId())).isNull();
    }

    /** Plans two projects for the office and has the director approve them. */
    private List<ProjectView> approvePlan(TaskFormDriver.Instance instance, TestOffice planOffice) {
        Map<String, Object> safe = new LinkedHashMap<>(Map.of("name", "โครงการโรงเรียนปลอดภัย",
                "responsibleGroup", "กลุ่มนโยบายและแผน", "budget", 150000, "indicators", "1"));
        Map<String, Object> back = new LinkedHashMap<>(Map.of("name", "โครงการพาน้องกลับมาเรียน",
                "budget", 80000.5, "indicators", "2"));
        instance.open("Task_PlanProjects", "coord")
                .submit(Map.of("planTitle", "แผนปฏิบัติการ 2566", "projects", List.of(safe, back)));
        instance.open("Task_ReviewPlan", "director").submit(Map.of("planDecision", "APPROVE"));
        List<ProjectView> approved = plans.approvedProjects(planOffice.officeCycleId());
        assertThat(approved).hasSize(2);
        return approved;
    }

    private static void assertRefused(TaskFormDriver.Task task, Map<String, Object> values, String field,
                                      String messagePart) {
        FormValidationException refused = task.refused(values);
        assertThat(refused.getField()).isEqualTo(field);
        assertThat(refused.getMessage()).startsWith(field + ": ").contains(messagePart);
    }

    private static Map<String, Object> values(List<Map<String, Object>> progress) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("projectProgress", progress);
        values.put("decisionsTaken", "ประชุมทีมขับเคลื่อน");
        values.put("decisionRequested", false);
        return values;
    }

    /** The prefilled list as sent back, every project at the same progress. */
    private static List<Map<String, Object>> progress(JsonNode items, int percent, String status) {
        List<Map<String, Object>> progress = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("projectId", item.get("projectId").asLong());
            row.put("name", item.get("name").asText());
            row.put("progressPercent", percent);
            row.put("status", status);
            row.put("note", "ดำเนินการแล้ว");
            progress.add(row);
        }
        return progress;
    }
}
