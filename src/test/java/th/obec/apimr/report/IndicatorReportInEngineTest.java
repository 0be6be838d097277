package th.obec.apimr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.obec.apimr.report.ReportFixtures.count;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TestOffices;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.task.FormValidationException;

/**
 * One indicator's report through the engine: the form's values land on the task, the decision inputs on the
 * report's sub-process instance, the decision suggests a level, a return loops back with the comments.
 */
@TaskFormSpringTest
class IndicatorReportInEngineTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    CycleService cycles;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void submitSuggestReturnResubmitAccept() {
        TestOffice office = new TestOffices(cycles, jdbc).newOffice();
        Map<String, Object> variables = new LinkedHashMap<>(office.variables());
        variables.put("coordinatorsGroup", "office-" + office.officeCode() + "-coordinators");
        variables.put("directorsGroup", "office-" + office.officeCode() + "-directors");
        variables.put("reviewersGroup", "region-15-reviewers");
        String instanceId = runtimeService.createProcessInstanceByKey("Process_AreaOfficeCycle")
                .businessKey("FY2566-" + office.officeCode())
                .startBeforeActivity("SubProcess_MidYearMonitoring")
                .setVariables(variables)
                .execute().getId();

        // no analysis: one report per indicator of the catalogue
        assertThat(submitTasks(instanceId)).hasSize(13);
        Task submit = submitTask(instanceId, "2");
        assertThat(taskService.getVariableLocal(submit.getId(), "indicatorTitle"))
                .isEqualTo("ตัวชี้วัดที่ 2 พาน้องกลับมาเรียน");

        Map<String, Object> refused = ReportFixtures.form(List.of(count("DROPOUTS_HELPED", 50, 40)));
        assertThatThrownBy(() -> formService.submitTaskForm(submit.getId(), refused))
                .satisfies(e -> assertThat(FormValidationException.findIn(e).getField())
                        .isEqualTo("counts[0].achieved"));
        assertThat(taskService.createTaskQuery().taskId(submit.getId()).count()).isOne();

        Map<String, Object> form = ReportFixtures.form(List.of(count("DROPOUTS_HELPED", 30, 40)));
        form.put("selfAssessedLevel", "4");
        formService.submitTaskForm(submit.getId(), form);

        Task review = reviewTask(instanceId);
        String reportScope = review.getExecutionId();
        assertThat(runtimeService.getVariableLocal(reportScope, "achievementPercent")).isEqualTo(75.0);
        assertThat(runtimeService.getVariableLocal(reportScope, "evidenceScore")).isEqualTo(2);
        assertThat(runtimeService.getVariableLocal(reportScope, "selfAssessedLevel")).isEqualTo(4);
        assertThat(runtimeService.getVariableLocal(reportScope, "reportId")).isInstanceOf(Long.class);
        assertThat(runtimeService.getVariableLocal(reportScope, "suggestedLevel")).isInstanceOf(Integer.class);
        // nothing of the report leaks to the office's process instance
        assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("achievementPercent", "counts",
                "stepsTaken", "reportId", "reviewDecision");
        Object suggested = runtimeService.getVariableLocal(reportScope, "suggestedLevel");
        assertThat(taskService.getVariableLocal(review.getId(), "qualityLevel")).isEqualTo(suggested.toString());

        formService.submitTaskForm(review.getId(), Map.of("reviewDecision", "RETURN",
                "reviewComments", "โปรดเพิ่มวิธีปฏิบัติที่เป็นเลิศ"));
        Task again = submitTask(instanceId, "2");
        assertThat(taskService.getVariableLocal(again.getId(), "returnComments"))
                .isEqualTo("โปรดเพิ่มวิธีปฏิบัติที่เป็นเลิศ");
        form.put("practices", List.of(Map.of("name", "พาน้องกลับมาเรียน")));
        formService.submitTaskForm(again.getId(), form);

        Task secondReview = reviewTask(instanceId);
        assertThat(runtimeService.getVariableLocal(secondReview.getExecutionId(), "evidenceScore")).isEqualTo(3);
        formService.submitTaskForm(secondReview.getId(), Map.of("reviewDecision", "ACCEPT", "qualityLevel", "4"));

        assertThat(reviewTasks(instanceId)).isEmpty();
        assertThat(submitTasks(instanceId)).hasSize(12);
        assertThat(jdbc.queryForMap("select status, revision, quality_level from indicator_report"
                + " where office_cycle_id = ? and indicator_code = '2'", office.officeCycleId()))
                .containsEntry("STATUS", "ACCEPTED").containsEntry("REVISION", 2).containsEntry("QUALITY_LEVEL", 4);
        runtimeService.deleteProcessInstance(instanceId, "test done");
    }

    private List<Task> submitTasks(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_SubmitMidYearReport").list();
    }

    private List<Task> reviewTasks(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey("Task_ReviewMidYearReport").list();
    }

    private Task submitTask(String instanceId, String indicatorCode) {
        return submitTasks(instanceId).stream()
                .filter(task -> indicatorCode.equals(taskService.getVariable(task.getId(), "indicatorCode")))
                .findFirst().orElseThrow();
    }

    private Task reviewTask(String instanceId) {
        List<Task> reviews = reviewTasks(instanceId);
        assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }
}
