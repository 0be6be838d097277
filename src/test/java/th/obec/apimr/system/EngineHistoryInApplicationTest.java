package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's engine runs with the product's history level ({@link EngineHistoryLevel}): a task's variable
 * keeps its last value in the history and the user's change in the operation log, without a detail row per write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineHistoryInApplicationTest {

    @Autowired
    ProcessEngineConfiguration configuration;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;

    String taskId;

    @AfterEach
    void removeTheTask() {
        if (taskId != null) {
            taskService.deleteTask(taskId, true);
        }
    }

    @Test
    void keepsATasksVariableAndWhoChangedItWithoutACopyOfEveryWrite() {
        assertThat(((ProcessEngineConfigurationImpl) configuration).getHistoryLevel())
                .isSameAs(EngineHistoryLevel.FullWithoutVariableDetails.INSTANCE);
        Task task = taskService.newTask();
        task.setName("history-level-task");
        taskService.saveTask(task);
        taskId = task.getId();

        boolean authorization = configuration.isAuthorizationEnabled();
        configuration.setAuthorizationEnabled(false);
        identityService.setAuthenticatedUserId("history.user");
        try {
            taskService.setVariableLocal(taskId, "score", 3);
            taskService.setVariableLocal(taskId, "score", 4);
        } finally {
            identityService.clearAuthentication();
            configuration.setAuthorizationEnabled(authorization);
        }

        assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(taskId).variableName("score")
                .singleResult().getValue()).isEqualTo(4);
        assertThat(historyService.createHistoricDetailQuery().taskId(taskId).count()).isZero();
        assertThat(historyService.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE).list())
                .hasSize(2)
                .allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo("history.user"));
    }
}
