package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's history with the product's level: every event of Camunda's level {@code full} except a copy of each
 * variable write, and Camunda's own level when {@code apimr.history.variable-details} is on. Each test runs its own
 * engine on an in-memory database.
 */
class EngineHistoryLevelTest {

    static final BpmnModelInstance REVIEW = Bpmn.createExecutableProcess("Process_HistoryReview")
            .name("Review").camundaHistoryTimeToLive(30)
            .startEvent("StartEvent_Review").name("Review asked")
            .userTask("Task_Review").name("Review").camundaCandidateGroups("reviewers")
            .endEvent("EndEvent_Reviewed").name("Reviewed")
            .done();

    final String database = "history-level-" + UUID.randomUUID();
    ProcessEngine engine;

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void keepsEachVariablesLastValueWithoutACopyOfEveryWrite() {
        engine = engine(new EngineHistoryLevel(false));
        ProcessInstance instance = startReviewAndWriteTwoVariables();

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
                .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .containsExactlyInAnyOrder(tuple("planId", 2L), tuple("decision", "revise"));
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
                .isEqualTo(2);
    }

    @Test
    void keepsWhatAUserSubmittedWithAFormAndWhatTheUserDid() {
        engine = engine(new EngineHistoryLevel(false));
        ProcessInstance instance = startReview();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

        engine.getIdentityService().setAuthenticatedUserId("reviewer.one");
        try {
            engine.getTaskService().claim(task.getId(), "reviewer.one");
            engine.getFormService().submitTaskForm(task.getId(), Map.of("decision", "approve"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).formFields().count())
                .as("the submitted form field")
                .isEqualTo(1);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().count())
                .isZero();
        assertThat(history.createUserOperationLogQuery().taskId(task.getId()).list())
                .extracting(UserOperationLogEntry::getOperationType)
                .contains(UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
                .isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("decision").singleResult().getValue()).isEqualTo("approve");
    }

    @Test
    void writesEveryVariableWriteWhenVariableDetailsAreOn() {
        engine = engine(new EngineHistoryLevel(true));
        ProcessInstance instance = startReviewAndWriteTwoVariables();

        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId())
                .variableUpdates().count())
                .as("planId at the start, planId again, decision")
                .isEqualTo(3);
        assertThat(level(engine)).isSameAs(HistoryLevel.HISTORY_LEVEL_FULL);
    }

    @Test
    void runsOnADatabaseMadeWithCamundasFullAndTheOtherWayRound() {
        engine = engine();
        ProcessInstance instance = startReview();
        engine.close();

        engine = engine(new EngineHistoryLevel(false));
        assertThat(level(engine)).isSameAs(EngineHistoryLevel.FullWithoutVariableDetails.INSTANCE);
        assertThat(level(engine).getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        assertThat(level(engine).getName()).isEqualTo("full");
        engine.getRuntimeService().setVariable(instance.getId(), "decision", "revise");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        engine.close();

        engine = engine();
        engine.getTaskService().complete(task.getId());
        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
                .isEqualTo(1);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
                .as("only the start's write, made with Camunda's level")
                .hasSize(1);
    }

    /** A review started with {@code planId} 1, then {@code planId} changed to 2 and {@code decision} set. */
    private ProcessInstance startReviewAndWriteTwoVariables() {
        ProcessInstance instance = startReview();
        engine.getRuntimeService().setVariable(instance.getId(), "planId", 2L);
        engine.getRuntimeService().setVariable(instance.getId(), "decision", "revise");
        return instance;
    }

    private ProcessInstance startReview() {
        engine.getRepositoryService().createDeployment().addModelInstance("Review.bpmn", REVIEW).deploy();
        return engine.getRuntimeService().startProcessInstanceByKey("Process_HistoryReview", "review-1",
                Map.of("planId", 1L));
    }

    /** An engine at level {@code full} on this test's database, with the given plugins. */
    private ProcessEngine engine(EngineHistoryLevel... plugins) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName(database)
                .setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        for (EngineHistoryLevel plugin : plugins) {
            configuration.getProcessEnginePlugins().add(plugin);
        }
        return configuration.buildProcessEngine();
    }

    private static HistoryLevel level(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel();
    }
}
