package th.obec.apimr.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The one task listener every user task names ({@code ${taskForms}}, events create and complete). Thin: picks
 * the handler by task definition key and hands over.
 */
@Component("taskForms")
class TaskFormListener implements TaskListener {

    private final Map<String, TaskFormHandler> handlers = new HashMap<>();
    private final FormVariables formVariables;

    TaskFormListener(List<TaskFormHandler> handlers, FormVariables formVariables) {
        this.formVariables = formVariables;
        for (TaskFormHandler handler : handlers) {
            for (String key : handler.taskKeys()) {
                TaskFormHandler previous = this.handlers.put(key, handler);
                if (previous != null) {
                    throw new IllegalStateException("Two form handlers for task " + key + ": "
                            + previous.getClass().getSimpleName() + " and " + handler.getClass().getSimpleName());
                }
            }
        }
    }

    @Override
    public void notify(DelegateTask task) {
        TaskFormHandler handler = handlers.get(task.getTaskDefinitionKey());
        if (handler == null) {
            throw new IllegalStateException("No form handler for task " + task.getTaskDefinitionKey());
        }
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> handler.prefill(task)
                    .forEach((name, value) -> task.setVariableLocal(name, formVariables.toVariable(value)));
            case EVENTNAME_COMPLETE -> handler.submit(task, FormInput.of(task, formVariables));
            default -> { }
        }
    }
}
