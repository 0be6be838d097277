package th.obec.apimr.implementation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * Task_DecideOnImplementation with Form_DecideOnImplementation: the director answers the coordinators' question;
 * the answer is shown on their next progress record.
 */
@Component
@Transactional
class DecideOnImplementationHandler implements TaskFormHandler {

    static final String TASK = "Task_DecideOnImplementation";
    static final String OFFICE_NAME = "officeName";
    static final String DECISION_QUESTION = "decisionQuestion";
    static final String PROGRESS_OVERVIEW = "progressOverview";
    static final String DIRECTOR_DECISION = "directorDecision";

    private final ImplementationService implementation;

    DecideOnImplementationHandler(ImplementationService implementation) {
        this.implementation = implementation;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK);
    }

    @Override
    public Map<String, Object> prefill(DelegateTask task) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(DECISION_QUESTION, implementation.awaitingDecision(officeCycleId)
                .map(ImplementationRecord::getDecisionQuestion).orElse(null));
        form.put(PROGRESS_OVERVIEW, implementation.progressOverview(officeCycleId));
        form.put(DIRECTOR_DECISION, null);
        return form;
    }

    @Override
    public void submit(DelegateTask task, FormInput input) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        String decision = input.requiredText(DIRECTOR_DECISION, FormInput.TEXTAREA);
        implementation.decide(officeCycleId, decision, TaskContext.actor(task), TaskContext.now());
    }
}
