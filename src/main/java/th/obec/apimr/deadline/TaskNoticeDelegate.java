package th.obec.apimr.deadline;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import th.obec.apimr.notification.NoticeKind;
import th.obec.apimr.notification.TaskNotifier;
import th.obec.apimr.system.TaskContext;

/**
 * The notice tasks of Process_TaskDeadline: tells the groups in the input parameter {@code noticeGroups} (comma
 * separated) about the task {@code taskId}, as {@code noticeKind} with {@code noticeStep}. A delivery failure fails
 * the job, which the engine retries.
 */
@Component("taskNoticeDelegate")
class TaskNoticeDelegate implements JavaDelegate {

    private final ObjectProvider<TaskNotifier> notifier;

    TaskNoticeDelegate(ObjectProvider<TaskNotifier> notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String taskId = DeadlineVariables.taskId(execution);
        NoticeKind kind = NoticeKind.valueOf(TaskContext.text(execution, DeadlineVariables.NOTICE_KIND));
        Integer step = TaskContext.integer(execution, DeadlineVariables.NOTICE_STEP);
        List<String> groups = groups(TaskContext.text(execution, DeadlineVariables.NOTICE_GROUPS));
        if (taskId == null || step == null || groups.isEmpty()) {
            throw new IllegalStateException("A notice needs taskId, noticeStep and noticeGroups");
        }
        notifier.getObject().notifyTask(taskId, kind, step, groups);
    }

    static List<String> groups(String joined) {
        return joined == null ? List.of()
                : Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
