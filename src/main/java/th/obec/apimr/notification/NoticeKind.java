package th.obec.apimr.notification;

/**
 * What a notice about a task says. With the step of {@link TaskNotifier#notifyTask} it forms the notice's identity:
 * a user receives each (task, kind, step) at most once per due date of the task.
 */
public enum NoticeKind {
    /** The task falls due in {@code step} working days. Sent to the task's candidate groups. */
    REMINDER,
    /** The task is due today and still open. Sent to the office's coordinators and director. */
    DUE,
    /** The task is {@code step} days overdue. Sent to the region's reviewers and OBEC's monitors. */
    ESCALATION
}
