package th.obec.apimr.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Records the phase an office enters: {@code ${officeCycles.enterPhase(execution, 'PLANNING')}} on the start of
 * each phase's sub-process. Public, as the engine's expression language calls only public methods of public classes.
 */
@Component("officeCycles")
public class OfficeCycles {

    private final CycleService cycles;

    OfficeCycles(CycleService cycles) {
        this.cycles = cycles;
    }

    public void enterPhase(DelegateExecution execution, String phase) {
        cycles.enterPhase(TaskContext.requiredId(execution, TaskContext.OFFICE_CYCLE_ID), Phase.valueOf(phase));
    }
}
