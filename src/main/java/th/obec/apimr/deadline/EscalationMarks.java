package th.obec.apimr.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Clears an escalated task's mark when its deadline moves ahead again: the task-local variables {@code escalated}
 * and {@code escalatedAt} are removed and the open escalation in {@code task_escalation} is closed with when, by
 * whom, why and the new due moment. A later escalation of the same task is recorded as a new row.
 */
@Component
class EscalationMarks {

    private final TaskService taskService;
    private final TaskEscalationRepository escalations;

    EscalationMarks(TaskService taskService, TaskEscalationRepository escalations) {
        this.taskService = taskService;
        this.escalations = escalations;
    }

    void clear(String taskId, Date newDueAt, TaskDeadlines.ClearCause cause, String userId) {
        List<TaskEscalation> open = escalations.findByTaskIdAndClearedAtIsNull(taskId);
        Instant now = TaskContext.now();
        for (TaskEscalation escalation : open) {
            escalation.clear(now, userId, cause.name(), newDueAt.toInstant());
        }
        escalations.saveAll(open);
        if (taskService.getVariableLocal(taskId, DeadlineVariables.TASK_ESCALATED) != null) {
            taskService.removeVariablesLocal(taskId,
                    List.of(DeadlineVariables.TASK_ESCALATED, DeadlineVariables.TASK_ESCALATED_AT));
        }
    }
}
