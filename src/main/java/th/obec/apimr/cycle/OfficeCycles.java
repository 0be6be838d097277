package th.obec.apimr.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Records the phase an office enters: {@code ${officeCycles.enterPhase(execution, 'PLANNING')}} on the start of
 * each phase's sub-process, and sets the process variable {@value #PHASE_LABEL} to the phase's Thai label.
 * Public, as the engine's expression language calls only public methods of public classes.
 */
@Component("officeCycles")
public class OfficeCycles {

    /** The process variable with the Thai label of the office's current phase, e.g. "P: ร่วมวางแผน". */
    public static final String PHASE_LABEL = "phaseLabel";

    private final CycleService cycles;

    OfficeCycles(CycleService cycles) {
        this.cycles = cycles;
    }

    public void enterPhase(DelegateExecution execution, String phase) {
        Phase entered = Phase.valueOf(phase);
        cycles.enterPhase(TaskContext.requiredId(execution, TaskContext.OFFICE_CYCLE_ID), entered);
        // shown next to each task in Tasklist's filters (the filters' "variables"); the flow does not read it
        execution.setVariable(PHASE_LABEL, entered.labelTh());
    }
}
