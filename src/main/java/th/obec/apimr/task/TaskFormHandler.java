package th.obec.apimr.task;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The business side of one kind of user task. {@link TaskFormListener} calls {@link #prefill} when the task is
 * created and {@link #submit} when it is completed, choosing the handler by the task's definition key.
 */
public interface TaskFormHandler {

    /** Task definition keys (BPMN ids) this handler serves, e.g. {@code Task_PlanProjects}. */
    Set<String> taskKeys();

    /**
     * What the task's form shows: one entry per form field (null where empty), stored as task-local variables
     * so that what the form submits lands on the task and not on the process instance. Lists and maps become
     * JSON variables.
     */
    Map<String, Object> prefill(DelegateTask task);

    /**
     * Validates and saves what the user submitted; sets the decision and id variables the flow needs.
     * Throws {@link FormValidationException} to refuse the submission: the transaction rolls back.
     */
    void submit(DelegateTask task, FormInput input);
}
