package th.obec.apimr.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import th.obec.apimr.system.TaskContext;

/** The variables of Process_TaskDeadline (see docs/process-model.md, "Process_TaskDeadline"). */
final class DeadlineVariables {

    static final String PROCESS_KEY = "Process_TaskDeadline";
    static final String MESSAGE_DEADLINE_CHANGED = "DeadlineChanged";
    static final String MESSAGE_TASK_CLOSED = "TaskClosed";

    /** The task's cycle (its process's variable) and deadline key (its task-local variable). */
    static final String CYCLE_ID = "cycleId";
    static final String DEADLINE_KEY = "deadlineKey";

    static final String OFFICE_CODE = "officeCode";
    static final String REGION_CODE = "regionCode";
    static final String DUE_AT = "dueAt";
    static final String CANDIDATE_GROUPS = "candidateGroups";

    /**
     * Carried only by watches an earlier release started, and read where present: the task's id (now the business
     * key) and whom the due notice and the escalation go to (now worked out by {@link DeadlineGroups}). Such a watch
     * also carries copies of the task's {@code cycleId} and {@code deadlineKey}, read before the task's own, and its
     * {@code taskName}, which is not read.
     */
    static final String TASK_ID = "taskId";
    static final String DUE_NOTICE_GROUPS = "dueNoticeGroups";
    static final String ESCALATION_GROUPS = "escalationGroups";

    static final String NEXT_STEP = "nextStep";
    static final String NEXT_STEP_DAYS = "nextStepDays";
    static final String NEXT_STEP_AT = "nextStepAt";
    static final String GRACE_DAYS = "graceDays";
    static final String DUE_NOTIFIED = "dueNotified";
    static final String ESCALATION_RAISED = "escalationRaised";

    /** Input parameters of the notice tasks. */
    static final String NOTICE_KIND = "noticeKind";
    static final String NOTICE_STEP = "noticeStep";
    static final String NOTICE_GROUPS = "noticeGroups";

    /** Task-local variables on the user task. */
    static final String TASK_ESCALATED = "escalated";
    static final String TASK_ESCALATED_AT = "escalatedAt";

    private DeadlineVariables() {
    }

    /**
     * The id of the task a watch is for: its business key. A watch started by an earlier release also has it as the
     * variable {@value #TASK_ID}.
     */
    static String taskId(DelegateExecution execution) {
        String variable = TaskContext.text(execution, TASK_ID);
        return variable != null ? variable : execution.getProcessBusinessKey();
    }
}
