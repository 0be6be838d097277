package th.obec.apimr.deadline;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Task_MarkTaskEscalated: the overdue task carries the task-local variables {@code escalated} = true and
 * {@code escalatedAt}, and the escalation is recorded once for the administrators' list (again, as a new row,
 * after an earlier escalation was cleared by a later deadline).
 */
@Component("markTaskEscalatedDelegate")
class MarkTaskEscalatedDelegate implements JavaDelegate {

    private final TaskService taskService;
    private final TaskEscalationRepository escalations;
    private final DeadlineGroups groups;

    MarkTaskEscalatedDelegate(TaskService taskService, TaskEscalationRepository escalations, DeadlineGroups groups) {
        this.taskService = taskService;
        this.escalations = escalations;
        this.groups = groups;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskId = DeadlineVariables.taskId(execution);
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || escalations.existsByTaskIdAndClearedAtIsNull(taskId)) {
            return;
        }
        Date now = Date.from(TaskContext.now());
        taskService.setVariableLocal(taskId, DeadlineVariables.TASK_ESCALATED, true);
        taskService.setVariableLocal(taskId, DeadlineVariables.TASK_ESCALATED_AT, now);
        Date dueAt = (Date) execution.getVariable(DeadlineVariables.DUE_AT);
        Integer graceDays = TaskContext.integer(execution, DeadlineVariables.GRACE_DAYS);
        escalations.save(new TaskEscalation(taskId, task.getName(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId(), cycleId(execution, taskId),
                TaskContext.text(execution, DeadlineVariables.OFFICE_CODE),
                TaskContext.text(execution, DeadlineVariables.REGION_CODE),
                deadlineKey(execution, taskId),
                dueAt.toInstant(), now.toInstant(), graceDays == null ? 0 : graceDays,
                groups.escalation(execution)));
    }

    /** The task's cycle: its process's {@code cycleId} (a watch started by an earlier release has a copy). */
    private Long cycleId(DelegateExecution execution, String taskId) {
        Object copy = execution.getVariable(DeadlineVariables.CYCLE_ID);
        return TaskContext.idOf(copy != null ? copy : taskService.getVariable(taskId, DeadlineVariables.CYCLE_ID));
    }

    /** The task's deadline key: its own task-local variable (a watch started by an earlier release has a copy). */
    private String deadlineKey(DelegateExecution execution, String taskId) {
        String copy = TaskContext.text(execution, DeadlineVariables.DEADLINE_KEY);
        return copy != null ? copy
                : TaskContext.textOf(taskService.getVariableLocal(taskId, DeadlineVariables.DEADLINE_KEY));
    }
}
