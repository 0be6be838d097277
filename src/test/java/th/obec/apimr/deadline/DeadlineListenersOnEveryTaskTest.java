package th.obec.apimr.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every user task of the cycle models is followed by its deadline: {@code ${taskDeadlines}} on create (start
 * watching), complete and delete (stop) and update (a due date edited on the task moves its reminders).
 */
class DeadlineListenersOnEveryTaskTest {

    @ParameterizedTest
    @ValueSource(strings = {"processes/AreaOfficeCycle.bpmn", "processes/NationalCycle.bpmn"})
    void everyUserTaskWithADueDateHasTheDeadlineListenerForCreateCompleteDeleteAndUpdate(String path) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(path));
        Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
        assertThat(tasks).isNotEmpty();
        for (UserTask task : tasks) {
            assertThat(task.getCamundaDueDate()).as(task.getId() + " has a due date").isNotBlank();
            List<String> events = task.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaTaskListener.class).list().stream()
                    .filter(listener -> "${taskDeadlines}".equals(listener.getCamundaDelegateExpression()))
                    .map(CamundaTaskListener::getCamundaEvent).toList();
            assertThat(events).as(task.getId()).containsExactlyInAnyOrder("create", "complete", "delete", "update");
        }
    }
}
