package th.obec.apimr.system;

import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.identity.DemoUsers;

/**
 * Demo only: launches a cycle for the demo offices and does OBEC's national analysis, so that a newcomer who
 * logs in as a demo coordinator finds the office's first task waiting. Runs once: a restart finds the cycle.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "apimr.demo.launch-cycle", havingValue = "true")
@Order(DemoUsers.ORDER + 10)
class DemoCycle implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCycle.class);

    private final CycleService cycles;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final IdentityService identityService;
    private final int fiscalYear;

    DemoCycle(CycleService cycles, RuntimeService runtimeService, TaskService taskService, FormService formService,
              IdentityService identityService, @Value("${apimr.demo.fiscal-year:2566}") int fiscalYear) {
        this.cycles = cycles;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.identityService = identityService;
        this.fiscalYear = fiscalYear;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (cycles.cycles().stream().anyMatch(cycle -> cycle.fiscalYear() == fiscalYear)) {
            return;
        }
        try {
            authenticate(DemoUsers.ADMIN);
            ProcessInstance national = runtimeService.startProcessInstanceByKey("Process_NationalCycle", Map.of(
                    "fiscalYear", fiscalYear,
                    "officeCodes", String.join(",", DemoUsers.OFFICE_CODES)));
            authenticate(DemoUsers.ANALYST);
            Task analysis = taskService.createTaskQuery().processInstanceId(national.getId())
                    .taskDefinitionKey("Task_AnalyseNationalPolicy").singleResult();
            taskService.claim(analysis.getId(), DemoUsers.ANALYST);
            formService.submitTaskForm(analysis.getId(), Map.of(
                    "policySummary", "นโยบายเร่งด่วน (Quick Policy) ของ สพฐ. ปีงบประมาณ " + fiscalYear
                            + " 12 ด้าน ครอบคลุมความปลอดภัย โอกาส คุณภาพ และประสิทธิภาพ",
                    "focusPoints", "ความปลอดภัยของผู้เรียน การพาน้องกลับมาเรียน และการฟื้นฟูภาวะถดถอยทางการเรียนรู้",
                    "guidanceToOffices", "ให้ สพท. วิเคราะห์บริบทของพื้นที่ เลือกตัวชี้วัดและกำหนดค่าเป้าหมาย"
                            + " แล้วจัดทำแผนงาน/โครงการรองรับ รายงานผลรอบ 6 และ 12 เดือน"));
            LOG.info("Demo cycle FY{} launched for offices {}", fiscalYear, DemoUsers.OFFICE_CODES);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Acts as the user with their groups and tenants, as a sign-in would, so the engine's checks apply as to them. */
    private void authenticate(String userId) {
        identityService.setAuthentication(userId,
                identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
    }
}
