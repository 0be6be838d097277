package th.obec.apimr.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.FormVariables;

/** The thin delegates of the two cycle processes: variables in, one service call, variables out. */
final class CycleDelegates {

    private CycleDelegates() {
    }

    /** Task_RegisterCycle: saves the launch, keeps only the cycle's id and year as process variables. */
    @Component("registerCycleDelegate")
    static class RegisterCycle implements JavaDelegate {
        private final CycleService cycles;
        private final FormVariables formVariables;

        RegisterCycle(CycleService cycles, FormVariables formVariables) {
            this.cycles = cycles;
            this.formVariables = formVariables;
        }

        @Override
        public void execute(DelegateExecution execution) {
            LaunchRequest request = LaunchRequest.from(FormInput.of(execution.getVariables(), formVariables));
            String launchedBy = (String) execution.getVariable("launchedBy");
            CycleView cycle = cycles.register(request, launchedBy, execution.getProcessInstanceId());
            execution.removeVariables(LaunchRequest.formFields());
            execution.setVariable("cycleId", cycle.id());
            execution.setVariable("fiscalYear", cycle.fiscalYear());
        }
    }

    /** Task_OpenOfficeCycle: records the office's instance and sets who works on its tasks. */
    @Component("openOfficeCycleDelegate")
    static class OpenOfficeCycle implements JavaDelegate {
        private final CycleService cycles;
        private final OfficeService offices;

        OpenOfficeCycle(CycleService cycles, OfficeService offices) {
            this.cycles = cycles;
            this.offices = offices;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String officeCode = (String) execution.getVariable("officeCode");
            OfficeCycleView officeCycle = cycles.open(TaskContext.requiredId(execution, "cycleId"), officeCode,
                    execution.getProcessInstanceId());
            OfficeView office = offices.find(officeCode).orElseThrow();
            execution.setVariable("officeCycleId", officeCycle.id());
            execution.setVariable("officeName", office.shortNameTh());
            execution.setVariable("coordinatorsGroup", Groups.coordinators(officeCode));
            execution.setVariable("directorsGroup", Groups.directors(officeCode));
            execution.setVariable("reviewersGroup", Groups.reviewers(office.regionCode()));
        }
    }

    /** Task_CloseMidYearRound / Task_CloseAnnualRound. */
    @Component("closeRoundDelegate")
    static class CloseRound implements JavaDelegate {
        private final CycleService cycles;

        CloseRound(CycleService cycles) {
            this.cycles = cycles;
        }

        @Override
        public void execute(DelegateExecution execution) {
            cycles.closeRound(TaskContext.requiredId(execution, "officeCycleId"),
                    Round.valueOf((String) execution.getVariable("round")));
        }
    }

    /** Task_CloseOfficeCycle. */
    @Component("closeOfficeCycleDelegate")
    static class CloseOfficeCycle implements JavaDelegate {
        private final CycleService cycles;

        CloseOfficeCycle(CycleService cycles) {
            this.cycles = cycles;
        }

        @Override
        public void execute(DelegateExecution execution) {
            cycles.completeOfficeCycle(TaskContext.requiredId(execution, "officeCycleId"));
        }
    }

    /** Task_CloseCycle. */
    @Component("closeCycleDelegate")
    static class CloseCycle implements JavaDelegate {
        private final CycleService cycles;

        CloseCycle(CycleService cycles) {
            this.cycles = cycles;
        }

        @Override
        public void execute(DelegateExecution execution) {
            cycles.closeCycle(TaskContext.requiredId(execution, "cycleId"));
        }
    }
}
