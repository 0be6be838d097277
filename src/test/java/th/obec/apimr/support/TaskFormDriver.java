package th.obec.apimr.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.obec.apimr.task.FormValidationException;

/**
 * Drives the task form handlers the way the engine does, without a process model: the {@code taskForms} listener
 * is notified of a task's create and complete events inside an engine command (the engine's transaction, the
 * authenticated user). The task keeps its variables as the engine would: task-local ones, then the execution's
 * local ones, then the process instance's. What a user submits lands task-locally, as it does in Tasklist
 * because the create event prefilled every field.
 */
public final class TaskFormDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskListener taskForms;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentityService identityService;

    public TaskFormDriver(TaskListener taskForms, ProcessEngine processEngine) {
        this.taskForms = taskForms;
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.identityService = processEngine.getIdentityService();
    }

    /** A process instance with these variables; its user tasks run in one execution. */
    public Instance instance(Map<String, Object> variables) {
        return new Instance(new HashMap<>(variables));
    }

    public final class Instance {

        private final Map<String, Object> processVariables;
        private final Map<String, Object> executionVariables = new HashMap<>();

        private Instance(Map<String, Object> processVariables) {
            this.processVariables = processVariables;
        }

        /** The variables set locally on the tasks' execution (decisions for gateways). */
        public Map<String, Object> executionVariables() {
            return executionVariables;
        }

        /** Creates the task, assigned to {@code assignee}: its form is prefilled. */
        public Task open(String taskKey, String assignee) {
            Task task = new Task(this, taskKey, assignee);
            task.notify(TaskListener.EVENTNAME_CREATE, null);
            return task;
        }

        private Object lookup(String name) {
            return executionVariables.containsKey(name) ? executionVariables.get(name) : processVariables.get(name);
        }
    }

    public final class Task {

        private final Instance instance;
        private final String taskKey;
        private final String assignee;
        private final Map<String, Object> local = new LinkedHashMap<>();
        private final DelegateTask delegate = mock(DelegateTask.class);
        private String eventName;

        private Task(Instance instance, String taskKey, String assignee) {
            this.instance = instance;
            this.taskKey = taskKey;
            this.assignee = assignee;
            DelegateExecution execution = mock(DelegateExecution.class);
            when(execution.getVariable(anyString())).thenAnswer(call -> instance.lookup(call.getArgument(0)));
            doAnswer(call -> {
                instance.executionVariables.put(call.getArgument(0), unwrap(call.getArgument(1)));
                return null;
            }).when(execution).setVariableLocal(anyString(), any());
            when(delegate.getTaskDefinitionKey()).thenReturn(taskKey);
            when(delegate.getAssignee()).thenReturn(assignee);
            when(delegate.getEventName()).thenAnswer(call -> eventName);
            when(delegate.getExecution()).thenReturn(execution);
            when(delegate.getVariable(anyString())).thenAnswer(call -> {
                String name = call.getArgument(0);
                return local.containsKey(name) ? local.get(name) : instance.lookup(name);
            });
            when(delegate.getVariableLocal(anyString())).thenAnswer(call -> local.get(call.getArgument(0)));
            doAnswer(call -> {
                local.put(call.getArgument(0), unwrap(call.getArgument(1)));
                return null;
            }).when(delegate).setVariableLocal(anyString(), any());
        }

        public String taskKey() {
            return taskKey;
        }

        public String assignee() {
            return assignee;
        }

        /** The task's local variables as Tasklist loads them into the form (JSON variables as trees). */
        public Map<String, Object> form() {
            Map<String, Object> form = new LinkedHashMap<>();
            local.forEach((name, value) -> form.put(name, value instanceof SpinJsonNode spin ? tree(spin) : value));
            return form;
        }

        /** One form field's value; JSON values as trees. */
        public Object field(String name) {
            return form().get(name);
        }

        public JsonNode json(String name) {
            Object value = field(name);
            return value instanceof JsonNode node ? node : JSON.valueToTree(value);
        }

        /**
         * Submits the form by the assignee (no one authenticated). A refused submission leaves the task's
         * variables as they were, as the engine's rollback does.
         */
        public void submit(Map<String, ?> values) {
            submitAs(null, values);
        }

        /** Submits the form as an authenticated user, like a call to the REST API. */
        public void submitAs(String userId, Map<String, ?> values) {
            Map<String, Object> localBefore = new LinkedHashMap<>(local);
            Map<String, Object> executionBefore = new HashMap<>(instance.executionVariables);
            values.forEach((name, value) -> local.put(name, value instanceof Collection || value instanceof Map
                    ? Spin.JSON(write(value)) : value));
            try {
                notify(TaskListener.EVENTNAME_COMPLETE, userId);
            } catch (RuntimeException e) {
                // the engine's transaction rolls back: the task keeps its variables as they were
                local.clear();
                local.putAll(localBefore);
                instance.executionVariables.clear();
                instance.executionVariables.putAll(executionBefore);
                throw e;
            }
        }

        /** Submits and expects a refusal; returns it. */
        public FormValidationException refused(Map<String, ?> values) {
            try {
                submit(values);
            } catch (RuntimeException e) {
                FormValidationException refusal = FormValidationException.findIn(e);
                if (refusal != null) {
                    return refusal;
                }
                throw e;
            }
            throw new AssertionError("The submission was accepted: " + values);
        }

        private void notify(String event, String userId) {
            eventName = event;
            if (userId != null) {
                identityService.setAuthenticatedUserId(userId);
            }
            try {
                engine.getCommandExecutorTxRequired().execute(commandContext -> {
                    taskForms.notify(delegate);
                    return null;
                });
            } finally {
                if (userId != null) {
                    identityService.clearAuthentication();
                }
            }
        }
    }

    private static Object unwrap(Object value) {
        if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null
                && serializable.getSerializationDataFormat() != null
                && serializable.getSerializationDataFormat().contains("json")) {
            return Spin.JSON(serializable.getValueSerialized());
        }
        if (value instanceof TypedValue typed) {
            return typed.getValue();
        }
        return value;
    }

    private static JsonNode tree(SpinJsonNode spin) {
        try {
            return JSON.readTree(spin.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
