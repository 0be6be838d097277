package th.obec.apimr.notification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.impl.VariableMapImpl;
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

    private static final List<String> VARIABLES = List.of(TaskContext.OFFICE_CODE, TaskContext.OFFICE_NAME,
            TaskContext.CYCLE_ID);

    private final CommandExecutor commands;
    private final ZoneId zone;

    TaskFacts(ProcessEngine processEngine, @Value("${apimr.calendar.zone:Asia/Bangkok}") ZoneId zone) {
        this.commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.zone = zone;
    }

    /**
     * The task if it is still open; empty once completed or deleted. One engine command (the calling job's, when a
     * job asks) reads the task by its key and the variables it needs: a task query would build the engine's
     * dynamic task-list SQL for one id, and a second command would read the task again. It reads as the system
     * does, without a user's authorization checks: a notice is the product's, not a user's, request.
     */
    Optional<OpenTask> open(String taskId) {
        return commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            return task == null ? Optional.empty() : Optional.of(open(task));
        });
    }

    private OpenTask open(TaskEntity task) {
        VariableMapImpl variables = new VariableMapImpl();
        task.collectVariables(variables, VARIABLES, false, true);
        String officeCode = text(variables.get(TaskContext.OFFICE_CODE));
        String officeName = text(variables.get(TaskContext.OFFICE_NAME));
        Object cycle = variables.get(TaskContext.CYCLE_ID);
        Long cycleId = cycle instanceof Number number ? number.longValue() : null;
        LocalDate due = task.getDueDate() == null ? null : LocalDate.ofInstant(task.getDueDate().toInstant(), zone);
        return new OpenTask(task.getId(), task.getName(), due, task.getProcessInstanceId(), officeCode, officeName,
                cycleId);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
