package th.obec.apimr.deadline;

import static th.obec.apimr.deadline.DeadlineVariables.CANDIDATE_GROUPS;
import static th.obec.apimr.deadline.DeadlineVariables.DUE_NOTICE_GROUPS;
import static th.obec.apimr.deadline.DeadlineVariables.ESCALATION_GROUPS;
import static th.obec.apimr.deadline.DeadlineVariables.OFFICE_CODE;
import static th.obec.apimr.deadline.DeadlineVariables.REGION_CODE;

import java.util.LinkedHashSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * Whom Process_TaskDeadline tells when the task falls due and when it is escalated (group ids separated by commas):
 * {@code ${deadlineGroups.dueNotice(execution)}} and {@code ${deadlineGroups.escalation(execution)}}. Both follow
 * from the watch's own variables {@code candidateGroups}, {@code officeCode} and {@code regionCode}, so they are
 * worked out when a notice is sent instead of being stored as two more variables of every watch (each variable is a
 * runtime row and two history rows). A watch started by an earlier release carries them as the variables
 * {@code dueNoticeGroups} and {@code escalationGroups}; those are answered as they are.
 * Public, as the engine's expression language calls only public methods of public classes.
 */
@Component("deadlineGroups")
public class DeadlineGroups {

    /** The due notice: the task's groups and, for an office's task, the office's coordinators and director. */
    public String dueNotice(DelegateExecution execution) {
        Object stored = execution.getVariable(DUE_NOTICE_GROUPS);
        if (stored != null) {
            return stored.toString();
        }
        return String.join(",", TaskDeadlines.dueNoticeGroups(
                new LinkedHashSet<>(TaskNoticeDelegate.groups(TaskContext.text(execution, CANDIDATE_GROUPS))),
                TaskContext.text(execution, OFFICE_CODE)));
    }

    /** The escalation: the region's reviewers and OBEC's monitors (and administrators for a national task). */
    public String escalation(DelegateExecution execution) {
        Object stored = execution.getVariable(ESCALATION_GROUPS);
        if (stored != null) {
            return stored.toString();
        }
        return String.join(",", TaskDeadlines.escalationGroups(TaskContext.text(execution, OFFICE_CODE),
                TaskContext.text(execution, REGION_CODE)));
    }
}
