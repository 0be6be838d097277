package th.obec.apimr.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/** What a notice says about an open user task, read from the engine. */
@Component
class TaskFacts {

    /** An open task: its name, due date (local date of the calendar's zone), office and cycle. */
    record OpenTask(String id, String name, LocalDate dueDate, String processInstanceId, String officeCode,
                    String officeName, Long cycleId) {
    }

    private final TaskService taskService;
    private final ZoneId zone;

    TaskFacts(TaskService taskService, @Value("${apimr.calendar.zone:Asia/Bangkok}") ZoneId zone) {
        this.taskService = taskService;
        this.zone = zone;
    }

    /** The task if it is still open; empty once completed or deleted. */
    Optional<OpenTask> open(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        Map<String, Object> variables = taskService.getVariables(taskId,
                List.of(TaskContext.OFFICE_CODE, TaskContext.OFFICE_NAME, TaskContext.CYCLE_ID));
        String officeCode = text(variables.get(TaskContext.OFFICE_CODE));
        String officeName = text(variables.get(TaskContext.OFFICE_NAME));
        Object cycle = variables.get(TaskContext.CYCLE_ID);
        Long cycleId = cycle instanceof Number number ? number.longValue() : null;
        LocalDate due = task.getDueDate() == null ? null : LocalDate.ofInstant(task.getDueDate().toInstant(), zone);
        return Optional.of(new OpenTask(task.getId(), task.getName(), due, task.getProcessInstanceId(), officeCode,
                officeName, cycleId));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
