package th.obec.apimr.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A user task as a form handler sees it, without an engine: its definition key, assignee and the variables
 * visible from it. What a handler sets locally on the task's execution is kept apart, and is visible to the
 * task afterwards, as in the engine.
 */
public final class TaskStub {

    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, Object> executionLocals = new HashMap<>();
    private final DelegateTask task = mock(DelegateTask.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);

    public TaskStub(String taskKey, Map<String, ?> variables) {
        this.variables.putAll(variables);
        when(task.getTaskDefinitionKey()).thenReturn(taskKey);
        when(task.getId()).thenReturn("task-" + taskKey);
        when(task.getExecution()).thenReturn(execution);
        when(task.getVariable(anyString())).thenAnswer(call -> value(call.getArgument(0)));
        when(execution.getVariable(anyString())).thenAnswer(call -> value(call.getArgument(0)));
        doAnswer(call -> executionLocals.put(call.getArgument(0), call.getArgument(1)))
                .when(execution).setVariableLocal(anyString(), any());
    }

    public TaskStub assignee(String userId) {
        when(task.getAssignee()).thenReturn(userId);
        return this;
    }

    /** Sets a variable as the process would (e.g. the decision's {@code suggestedLevel}). */
    public TaskStub variable(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public DelegateTask task() {
        return task;
    }

    /** The variables a handler set locally on the task's execution. */
    public Map<String, Object> executionLocals() {
        return executionLocals;
    }

    private Object value(String name) {
        return executionLocals.containsKey(name) ? executionLocals.get(name) : variables.get(name);
    }
}
