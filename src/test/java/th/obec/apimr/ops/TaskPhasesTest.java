package th.obec.apimr.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every user task of the models is counted in a step, the step of the sub-process it lies in for an office. */
class TaskPhasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"AreaOfficeCycle.bpmn", "NationalCycle.bpmn", "TaskDeadline.bpmn", "DailyDigest.bpmn"})
    void everyUserTaskOfTheModelsHasAStep(String model) throws IOException {
        for (UserTask task : read(model).getModelElementsByType(UserTask.class)) {
            assertThat(TaskPhases.ofTask(task.getId())).as(model + " " + task.getId()).isPresent();
        }
    }

    @org.junit.jupiter.api.Test
    void anOfficeTaskIsInTheStepOfItsSubProcessAndNoTaskIsMappedThatNoModelHas() throws IOException {
        Set<String> modelTasks = new TreeSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
                    modelTasks.add(task.getId());
                }
            }
        }
        assertThat(TaskPhases.taskKeys()).containsExactlyInAnyOrderElementsOf(modelTasks);

        for (UserTask task : read("AreaOfficeCycle.bpmn").getModelElementsByType(UserTask.class)) {
            String phaseName = outermostSubProcess(task).getName();
            assertThat(phaseName).as(task.getId()).startsWith(TaskPhases.ofTask(task.getId()).orElseThrow() + ":");
        }
    }

    private static SubProcess outermostSubProcess(UserTask task) {
        SubProcess outermost = null;
        for (Object parent = task.getParentElement(); parent != null;
             parent = ((org.camunda.bpm.model.xml.instance.ModelElementInstance) parent).getParentElement()) {
            if (parent instanceof SubProcess subProcess) {
                outermost = subProcess;
            }
        }
        return outermost;
    }

    private static BpmnModelInstance read(String model) throws IOException {
        try (InputStream in = TaskPhasesTest.class.getResourceAsStream("/processes/" + model)) {
            assertThat(in).as(model).isNotNull();
            return Bpmn.readModelFromStream(in);
        }
    }
}
