package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.identity.Groups;

/**
 * The grants a task's candidates and assignee get: on a task every user may read through its process (the office
 * cycle's), the work permission alone, and each still finds and works the task of their own office and no other's;
 * on any other process's task, the engine's READ and work permission.
 */
@SpringBootTest
@ActiveProfiles("test")
class TaskWorkGrantsTest {

    static final String READ_BY_EVERYONE = "Process_TestReadByEveryone";
    static final String READ_BY_CANDIDATES = "Process_TestReadByCandidates";
    static final String COORDINATORS_P5002 = Groups.coordinators("P5002");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CycleService cycles;

    String deploymentId;
    String globalGrantId;

    @BeforeEach
    void deployModels() {
        deploymentId = repositoryService.createDeployment()
                .addModelInstance(READ_BY_EVERYONE + ".bpmn", oneTask(READ_BY_EVERYONE))
                .addModelInstance(READ_BY_CANDIDATES + ".bpmn", oneTask(READ_BY_CANDIDATES)).deploy().getId();
        globalGrantId = globalReadTaskGrant(READ_BY_EVERYONE);
    }

    @AfterEach
    void undeploy() {
        identityService.clearAuthentication();
        authorizationService.deleteAuthorization(globalGrantId);
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void theOfficeCyclesCandidatesGetTheWorkPermissionAloneAndStillFindAndWorkTheirOfficesTask() {
        Long cycleId = cycles.register(new LaunchRequest(2593, 2566, Set.of("P5002"), Map.of()), "grants.admin", null)
                .id();
        OfficeCycleView office = cycles.officeCycles(cycleId).get(0);
        String instanceId = runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle", office.businessKey(),
                Map.of("cycleId", cycleId, "fiscalYear", 2593, "officeCode", "P5002")).getId();
        Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

        Authorization grant = taskGrantOf(COORDINATORS_P5002, task.getId());
        assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.READ)).isFalse();

        signIn("grants.coordinator5001", Groups.coordinators("P5001"), "P5001");
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId).list()).isEmpty();

        signIn("grants.coordinator5002", COORDINATORS_P5002, "P5002");
        assertThat(taskService.createTaskQuery().taskCandidateGroup(COORDINATORS_P5002).processInstanceId(instanceId)
                .list()).extracting(Task::getId).containsExactly(task.getId());
        taskService.claim(task.getId(), "grants.coordinator5002");
        assertThat(taskService.createTaskQuery().taskAssignee("grants.coordinator5002").processInstanceId(instanceId)
                .list()).extracting(Task::getId).containsExactly(task.getId());
        identityService.clearAuthentication();
        Authorization assignee = authorizationService.createAuthorizationQuery().userIdIn("grants.coordinator5002")
                .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();
        assertThat(assignee.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(assignee.isPermissionGranted(Permissions.READ)).isFalse();
        runtimeService.deleteProcessInstance(instanceId, "test over");
    }

    @Test
    void aTaskOfAProcessReadByEveryoneIsReadOnlyWithinItsTenantAndWorkedOnlyByItsCandidates() {
        String taskId = start(READ_BY_EVERYONE);

        assertThat(taskGrantOf(COORDINATORS_P5002, taskId).isPermissionGranted(Permissions.READ)).isFalse();
        signIn("grants.director5002", Groups.directors("P5002"), "P5002");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThatThrownBy(() -> taskService.claim(taskId, "grants.director5002"))
                .isInstanceOf(AuthorizationException.class);
        signIn("grants.coordinator5001", Groups.coordinators("P5001"), "P5001");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        signIn("grants.coordinator5002", COORDINATORS_P5002, "P5002");
        taskService.claim(taskId, "grants.coordinator5002");
        taskService.complete(taskId);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void aTaskOfAProcessWithoutAGlobalGrantKeepsTheEnginesReadGrantForItsCandidates() {
        String taskId = start(READ_BY_CANDIDATES);

        Authorization grant = taskGrantOf(COORDINATORS_P5002, taskId);
        assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        signIn("grants.coordinator5002", COORDINATORS_P5002, "P5002");
        assertThat(taskService.createTaskQuery().taskCandidateGroup(COORDINATORS_P5002).taskId(taskId).count())
                .isEqualTo(1);
        signIn("grants.director5002", Groups.directors("P5002"), "P5002");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void aGlobalGrantGivenLaterAppliesToTasksCreatedOnceTheMinuteIsOver() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        ResourceAuthorizationProvider product = configuration.getResourceAuthorizationProvider();
        AtomicLong nanos = new AtomicLong();
        configuration.setResourceAuthorizationProvider(new TaskWorkGrants(nanos::get));
        String laterGrant = null;
        try {
            assertThat(taskGrantOf(COORDINATORS_P5002, start(READ_BY_CANDIDATES)).isPermissionGranted(Permissions.READ))
                    .isTrue();
            laterGrant = globalReadTaskGrant(READ_BY_CANDIDATES);

            nanos.addAndGet(TaskWorkGrants.REMEMBER_NANOS - 1);
            assertThat(taskGrantOf(COORDINATORS_P5002, start(READ_BY_CANDIDATES)).isPermissionGranted(Permissions.READ))
                    .isTrue();
            nanos.addAndGet(1);
            assertThat(taskGrantOf(COORDINATORS_P5002, start(READ_BY_CANDIDATES)).isPermissionGranted(Permissions.READ))
                    .isFalse();
        } finally {
            configuration.setResourceAuthorizationProvider(product);
            if (laterGrant != null) {
                authorizationService.deleteAuthorization(laterGrant);
            }
        }
    }

    private static BpmnModelInstance oneTask(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_Work").camundaCandidateGroups("office-${officeCode}-coordinators").endEvent().done();
    }

    private String globalReadTaskGrant(String processKey) {
        Authorization global = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setUserId(Authorization.ANY);
        global.setResource(Resources.PROCESS_DEFINITION);
        global.setResourceId(processKey);
        global.setPermissions(AccessGrants.READ_OFFICE_PROCESS);
        return authorizationService.saveAuthorization(global).getId();
    }

    private String start(String processKey) {
        String instanceId = runtimeService.startProcessInstanceByKey(processKey, Map.of("officeCode", "P5002"))
                .getId();
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    private Authorization taskGrantOf(String groupId, String taskId) {
        return authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(Resources.TASK)
                .resourceId(taskId).singleResult();
    }

    private void signIn(String userId, String groupId, String tenantId) {
        identityService.setAuthentication(userId, List.of(groupId), List.of(tenantId));
    }
}
