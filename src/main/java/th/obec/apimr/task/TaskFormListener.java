package th.obec.apimr.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The one task listener every user task names ({@code ${taskForms}}, events create and complete). Thin: picks
 * the handler by task definition key and hands over.
 */
@Component("taskForms")
class TaskFormListener implements TaskListener {

    private static final String JSON_FORMAT = "application/json";

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
            case EVENTNAME_COMPLETE -> {
                handler.submit(task, FormInput.of(task, formVariables));
                refuseUnstorableValues(task);
            }
            default -> { }
        }
    }

    /**
     * Whatever a client sends is stored as a variable, also fields the handler does not read (read-only ones on
     * the task, unknown names on the process instance). The engine stores text of at most
     * {@value FormInput#TEXTAREA} characters: longer text would fail the whole request in the database, so it is
     * refused here naming the field; so is a JSON variable that is not JSON, which would fail whoever reads it.
     */
    private void refuseUnstorableValues(DelegateTask task) {
        // unknown names land on the process instance rather than the task: check every variable the task sees
        for (String name : task.getVariableNames()) {
            TypedValue value;
            try {
                value = task.getVariableTyped(name, false);
            } catch (RuntimeException unreadable) {
                throw new FormValidationException(name, "ข้อมูล JSON ไม่ถูกต้อง", "malformed JSON");
            }
            if (value instanceof SerializableValue serialized) {
                if (!serialized.isDeserialized() && JSON_FORMAT.equals(serialized.getSerializationDataFormat())
                        && !formVariables.isJson(serialized.getValueSerialized())) {
                    throw new FormValidationException(name, "ข้อมูล JSON ไม่ถูกต้อง", "malformed JSON");
                }
            } else if (value instanceof StringValue text && text.getValue() != null
                    && text.getValue().length() > FormInput.TEXTAREA) {
                throw new FormValidationException(name, "ยาวเกิน " + FormInput.TEXTAREA + " ตัวอักษร",
                        "longer than " + FormInput.TEXTAREA + " characters");
            }
        }
    }
}
