package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Which tenant the engine gives an instance: an office's work (an {@code officeCode} variable) its office's, a
 * process called from an office's instance the caller's, anything else none.
 */
@SpringBootTest
@ActiveProfiles("test")
class OfficeTenantIdProviderTest {

    static final String WATCH = "Process_TestOfficeWatch";
    static final String CALLER = "Process_TestCaller";

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    String deploymentId;

    @BeforeEach
    void deployModels() {
        BpmnModelInstance watch = Bpmn.createExecutableProcess(WATCH).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Watch").camundaCandidateGroups("obec-monitor").endEvent().done();
        BpmnModelInstance caller = Bpmn.createExecutableProcess(CALLER).camundaHistoryTimeToLive(1)
                .startEvent().callActivity("CallActivity_Watch").calledElement(WATCH).endEvent().done();
        deploymentId = repositoryService.createDeployment().addModelInstance(WATCH + ".bpmn", watch)
                .addModelInstance(CALLER + ".bpmn", caller).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void anInstanceStartedForAnOfficeBelongsToThatOfficesTenant() {
        ProcessInstance watch = runtimeService.startProcessInstanceByKey(WATCH,
                Map.of("officeCode", " p5002", "cycleId", 1L));

        assertThat(watch.getTenantId()).isEqualTo("P5002");
        assertThat(taskService.createTaskQuery().processInstanceId(watch.getId()).singleResult().getTenantId())
                .isEqualTo("P5002");
    }

    @Test
    void aProcessCalledFromAnOfficesInstanceInheritsItsTenant() {
        ProcessInstance caller = runtimeService.startProcessInstanceByKey(CALLER, Map.of("officeCode", "P4001"));
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();

        assertThat(caller.getTenantId()).isEqualTo("P4001");
        assertThat(called.getTenantId()).isEqualTo("P4001");
    }

    @Test
    void nationalWorkHasNoTenant() {
        ProcessInstance caller = runtimeService.startProcessInstanceByKey(CALLER, Map.of("officeCodes", "P5002,P5001"));
        ProcessInstance called = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .singleResult();

        assertThat(caller.getTenantId()).isNull();
        assertThat(called.getTenantId()).isNull();
    }
}
