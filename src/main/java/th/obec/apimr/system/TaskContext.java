package th.obec.apimr.system;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * What a task form handler reads from the engine besides the submitted fields: the id variables of the cycle
 * ({@code cycleId}, {@code officeCycleId}, ...), who completes the task and when (the engine's clock).
 */
public final class TaskContext {

    public static final String CYCLE_ID = "cycleId";
    public static final String OFFICE_CYCLE_ID = "officeCycleId";
    public static final String OFFICE_CODE = "officeCode";
    public static final String OFFICE_NAME = "officeName";
    public static final String FISCAL_YEAR = "fiscalYear";

    private TaskContext() {
    }

    /**
     * A variable holding an id (a number, or its text as some clients send it).
     *
     * @throws IllegalStateException when the variable is missing: the model did not set it, not a user error
     */
    public static Long requiredId(VariableScope scope, String name) {
        Long id = idOf(scope.getVariable(name));
        if (id == null) {
            throw new IllegalStateException("Variable " + name + " is missing");
        }
        return id;
    }

    /** A text variable; null when missing or blank. */
    public static String text(VariableScope scope, String name) {
        return textOf(scope.getVariable(name));
    }

    /** A variable's value as text, as {@link #text} reads it: null when missing or blank. */
    public static String textOf(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value.toString().trim();
    }

    /** The office's name for a form: {@code officeName}, or the office code when the name is not set. */
    public static String officeName(VariableScope scope) {
        String name = text(scope, OFFICE_NAME);
        return name != null ? name : text(scope, OFFICE_CODE);
    }

    /** A whole-number variable (such as {@code fiscalYear}); null when missing. */
    public static Integer integer(VariableScope scope, String name) {
        Long value = idOf(scope.getVariable(name));
        return value == null ? null : Math.toIntExact(value);
    }

    /**
     * Who completes the task: the user authenticated with the engine (REST API, Tasklist), otherwise the task's
     * assignee; null when neither is known.
     */
    public static String actor(DelegateTask task) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            String userId = commandContext.getAuthenticatedUserId();
            if (userId != null) {
                return userId;
            }
        }
        return task.getAssignee();
    }

    /** Now, by the engine's clock (which tests can set). */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** A variable's value as an id (a number, or its text): null when missing or blank. */
    public static Long idOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Not a number: " + value, e);
        }
    }
}
