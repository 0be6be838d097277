package th.obec.apimr.deadline;

import static th.obec.apimr.deadline.DeadlineVariables.*;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.system.TaskContext;

/**
 * {@code ${taskDeadlines}} on every user task with a due date (events create, complete, delete and update). On create it
 * starts Process_TaskDeadline for the task (business key = task id) with whom to tell and when, and keeps the
 * task's deadline key (the model's {@code camunda:property deadlineKey} of the task) as a task-local variable; on complete
 * or delete (the task's process was cancelled) it ends that process with the message {@code TaskClosed}; on update
 * a changed due date moves the reminders ({@link #moved}).
 */
@Component("taskDeadlines")
class TaskDeadlines implements TaskListener {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final OfficeService offices;
    private final EscalationMarks escalationMarks;
    /** Set while an extension saves a task, so that the update listener records the change as the extension. */
    private final ThreadLocal<Change> extending = new ThreadLocal<>();

    TaskDeadlines(RuntimeService runtimeService, TaskService taskService, IdentityService identityService,
                  OfficeService offices, EscalationMarks escalationMarks) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.offices = offices;
        this.escalationMarks = escalationMarks;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> opened(task);
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> closed(task.getId());
            case EVENTNAME_UPDATE -> updated(task);
            default -> { }
        }
    }

    private void opened(DelegateTask task) {
        Date dueAt = task.getDueDate();
        if (dueAt == null) {
            return;
        }
        task.setVariableLocal(DEADLINE_KEY, deadlineKey(task));
        // a watched task belongs to a cycle: its escalation is recorded with the task's cycleId
        TaskContext.requiredId(task, CYCLE_ID);
        watch(task.getId(), TaskContext.text(task, OFFICE_CODE), candidateGroups(task.getCandidates()), dueAt);
    }

    /**
     * A property of the open task changed ({@code update}: Tasklist's due date field, {@code TaskService.saveTask},
     * also assignments and task-local variables). Only a due date that differs from the one being watched counts:
     * the reminders move to it. A removed due date changes nothing.
     */
    private void updated(DelegateTask task) {
        Date dueAt = task.getDueDate();
        if (dueAt == null) {
            return;
        }
        Change extension = extending.get();
        if (extension != null) {
            moved(task.getId(), dueAt, extension.cause(), extension.userId());
            return;
        }
        String userId = identityService.getCurrentAuthentication() == null ? null
                : identityService.getCurrentAuthentication().getUserId();
        moved(task.getId(), dueAt, ClearCause.DUE_DATE_EDITED, userId);
    }

    /**
     * An administrator's extension gives the open task its new due moment: the task is saved (its update listener
     * moves the watch, recorded as an extension by {@code userId}), and the watch is moved here too for a task of a
     * model deployed without the update listener.
     */
    void extend(Task task, Date dueAt, String userId) {
        extending.set(new Change(ClearCause.EXTENSION, userId));
        try {
            task.setDueDate(dueAt);
            taskService.saveTask(task);
            moved(task.getId(), dueAt, ClearCause.EXTENSION, userId);
        } finally {
            extending.remove();
        }
    }

    private record Change(ClearCause cause, String userId) {
    }

    /** Starts Process_TaskDeadline for an open task due at {@code dueAt}. */
    private void watch(String taskId, String officeCode, Set<String> candidates, Date dueAt) {
        String regionCode = officeCode == null ? null
                : offices.find(officeCode).map(OfficeView::regionCode).orElse(null);
        // Only what the watch cannot find elsewhere (each variable is a runtime row and two history rows): the
        // task's id is the business key, its name, deadline key and cycle are the task's own, and whom the due
        // notice and the escalation go to follows from these (DeadlineGroups). officeCode gives the watch its
        // office's tenant (OfficeTenantIdProvider).
        Map<String, Object> variables = new HashMap<>();
        variables.put(OFFICE_CODE, officeCode);
        variables.put(REGION_CODE, regionCode);
        variables.put(DUE_AT, dueAt);
        variables.put(CANDIDATE_GROUPS, String.join(",", candidates));
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(taskId)
                .setVariables(variables)
                .execute();
    }

    /**
     * The task's due moment moved to {@code dueAt} (an administrator's extension, or the due date edited on the
     * task). Nothing happens when it is the moment already watched.
     * <ul>
     * <li>While the task is watched, its Process_TaskDeadline gets the new due moment and plans again (if it is busy
     * sending a notice, it plans with the new moment right after). When the new moment lies ahead, the due notice
     * and the escalation are planned again for it.</li>
     * <li>Once the watch has ended (the task was escalated), a new due moment that lies ahead clears the task's
     * escalated mark (recorded in {@code task_escalation} with who, when and why) and starts a new watch: reminders
     * before the new date, the due notice, and the escalation again if it is missed.</li>
     * </ul>
     * Notices are identified by task, kind, step and due date, so the new date's notices go out even where the old
     * date's went out already, each once.
     */
    void moved(String taskId, Date dueAt, ClearCause cause, String userId) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        List<ProcessInstance> watches = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(taskId).list();
        for (ProcessInstance instance : watches) {
            Object watched = runtimeService.getVariable(instance.getId(), DUE_AT);
            if (watched instanceof Date date && date.getTime() == dueAt.getTime()) {
                continue;
            }
            Map<String, Object> changed = new HashMap<>();
            changed.put(DUE_AT, dueAt);
            if (dueAt.toInstant().isAfter(now)) {
                changed.put(DUE_NOTIFIED, false);
                changed.put(ESCALATION_RAISED, false);
            }
            runtimeService.setVariables(instance.getId(), changed);
            runtimeService.createMessageCorrelation(MESSAGE_DEADLINE_CHANGED)
                    .processInstanceId(instance.getId())
                    .correlateAll();
        }
        if (!watches.isEmpty() || !dueAt.toInstant().isAfter(now)) {
            return;
        }
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        Object deadlineKey = task == null ? null : taskService.getVariableLocal(taskId, DEADLINE_KEY);
        if (task == null || deadlineKey == null) {
            return;
        }
        Object officeCode = runtimeService.getVariable(task.getExecutionId(), OFFICE_CODE);
        watch(taskId, officeCode == null ? null : officeCode.toString(),
                candidateGroups(taskService.getIdentityLinksForTask(taskId)), dueAt);
        escalationMarks.clear(taskId, dueAt, cause, userId);
    }

    /** Why an escalated task's mark was cleared. */
    enum ClearCause {
        /** An administrator extended the deadline ({@code deadline_extension}). */
        EXTENSION,
        /** Someone changed the task's due date (Tasklist, {@code TaskService.saveTask}). */
        DUE_DATE_EDITED
    }

    private void closed(String taskId) {
        runtimeService.createMessageCorrelation(MESSAGE_TASK_CLOSED)
                .processInstanceBusinessKey(taskId)
                .correlateAll();
    }

    /**
     * The deadline the task's due date reads, from the model: {@code <camunda:property name="deadlineKey"
     * value="PLAN"/>} in the user task's extension elements; null when the model names none.
     */
    static String deadlineKey(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaProperties properties : element.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaProperties.class).list()) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    if (DEADLINE_KEY.equals(property.getCamundaName())) {
                        return property.getCamundaValue();
                    }
                }
            }
        }
        return null;
    }

    private static Set<String> candidateGroups(Collection<? extends IdentityLink> links) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : links) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** The due notice: the task's groups and, for an office's task, the office's coordinators and director. */
    static List<String> dueNoticeGroups(Set<String> candidates, String officeCode) {
        Set<String> groups = new LinkedHashSet<>(candidates);
        if (officeCode != null) {
            groups.add(Groups.coordinators(officeCode));
            groups.add(Groups.directors(officeCode));
        }
        return List.copyOf(groups);
    }

    /**
     * The escalation: the region's reviewers and OBEC's monitors for an office's task; OBEC's monitors and
     * administrators for a national task (no office).
     */
    static List<String> escalationGroups(String officeCode, String regionCode) {
        Set<String> groups = new LinkedHashSet<>();
        if (officeCode != null && regionCode != null) {
            groups.add(Groups.reviewers(regionCode));
        }
        groups.add(Groups.OBEC_MONITOR);
        if (officeCode == null) {
            groups.add(Groups.OBEC_ADMIN);
        }
        return List.copyOf(groups);
    }
}
