package th.obec.apimr.notification;

import java.util.Collection;

/**
 * Tells the members of some groups about an open user task: by single email, or in their daily digest if they
 * chose one. Every notice is recorded; a user receives each (task, kind, step) at most once per due date of the
 * task, however often the calling job runs (when the due date moves, the new date's notices are new ones). The
 * task's office, name and due date are read from the task itself.
 */
public interface TaskNotifier {

    /**
     * @param taskId   the open user task the notice is about
     * @param kind     reminder before the due date, due-date notice, or escalation after it
     * @param step     working days before the due date for a reminder, days overdue for an escalation, 0 for DUE
     * @param groupIds the groups whose members are told
     * @throws RuntimeException when a notice could not be delivered; the caller's job retries and only the
     *                          notices not yet delivered are sent again
     */
    void notifyTask(String taskId, NoticeKind kind, int step, Collection<String> groupIds);
}
