package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.identity.Tenants;

/** Starting a cycle's units as separate instances in batches: keys, tenants, variables, failed batches, resume. */
@SpringBootTest
@ActiveProfiles("test")
class UnitInstancesTest {

    private static final String PROCESS = "Process_UnitInstancesTest";
    private static final String[] OFFICES = {"P5002", "P4001", "S1001"};

    @Autowired
    UnitInstances unitInstances;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private String deploymentId;

    /** A unit's process: a step that fails for a unit marked {@code broken}, then the unit's report task. */
    @BeforeEach
    void deploy() {
        deploymentId = repositoryService.createDeployment().addModelInstance("unit.bpmn",
                Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("Task_Check").camundaExpression("${broken ? noSuchBean.fail() : true}")
                        .userTask("Task_Report").name("school report").camundaCandidateGroups("${coordinatorsGroup}")
                        .endEvent().done()).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void startsEveryUnitAsAnInstanceWithItsKeyTenantAndVariablesInBatches() {
        List<Integer> progress = new ArrayList<>();

        UnitInstances.Result result = unitInstances.start(PROCESS, schools(25, -1), 10, progress::add);

        assertThat(result.complete()).isTrue();
        assertThat(result.started()).isEqualTo(25);
        assertThat(result.batches()).isEqualTo(3);
        assertThat(progress).containsExactly(10, 20, 25);
        ProcessInstance school = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey("FY2566-P4001-S0004").singleResult();
        assertThat(school.getTenantId()).isEqualTo(Tenants.office("P4001"));
        assertThat(runtimeService.getVariables(school.getId())).containsEntry("cycleId", 7L)
                .containsEntry("fiscalYear", 2566).containsEntry("officeCode", "P4001")
                .containsEntry("schoolCode", "S0004");
        assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroup("office-P4001-coordinators")
                .count()).isEqualTo(8);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(25);
    }

    @Test
    void aFailedBatchStartsNothingOfItsOwnAndTheRestResumesWithoutDoubles() {
        List<UnitInstances.Unit> units = schools(25, 14);

        UnitInstances.Result failed = unitInstances.start(PROCESS, units, 10);

        assertThat(failed.complete()).isFalse();
        assertThat(failed.started()).isEqualTo(10);
        assertThat(failed.error()).hasMessageContaining("noSuchBean");
        assertThat(businessKeys()).hasSize(10).contains("FY2566-P5002-S0000", "FY2566-P5002-S0009")
                .doesNotContain("FY2566-P4001-S0010");

        List<UnitInstances.Unit> repaired = schools(25, -1);
        UnitInstances.Result resumed = unitInstances.start(PROCESS, repaired.subList(failed.started(), 25), 10);

        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.started()).isEqualTo(15);
        assertThat(businessKeys()).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertThatThrownBy(() -> unitInstances.start(" ", schools(1, -1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("processKey");
        assertThatThrownBy(() -> unitInstances.start(PROCESS, schools(1, -1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("batchSize");
        List<UnitInstances.Unit> twice = new ArrayList<>(schools(2, -1));
        twice.add(twice.get(0));
        assertThatThrownBy(() -> unitInstances.start(PROCESS, twice, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("units[2].businessKey");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
    }

    private List<String> businessKeys() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).list().stream()
                .map(ProcessInstance::getBusinessKey).toList();
    }

    /** n schools spread over three offices; the school at index {@code broken} fails its first step. */
    private static List<UnitInstances.Unit> schools(int n, int broken) {
        List<UnitInstances.Unit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String office = OFFICES[i % OFFICES.length];
            String school = String.format("S%04d", i);
            Map<String, Object> variables = new HashMap<>();
            variables.put("cycleId", 7L);
            variables.put("fiscalYear", 2566);
            variables.put("officeCode", office);
            variables.put("schoolCode", school);
            variables.put("coordinatorsGroup", "office-" + office + "-coordinators");
            variables.put("broken", i == broken);
            units.add(new UnitInstances.Unit("FY2566-" + office + "-" + school, variables));
        }
        return units;
    }
}
