package th.obec.apimr.deadline;

import static th.obec.apimr.deadline.DeadlineVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.system.TaskContext;

/**
 * {@code ${taskDeadlines}} on every user task with a due date (events create, complete and delete). On create it
 * starts Process_TaskDeadline for the task (business key = task id) with whom to tell and when, and keeps the
 * task's deadline key (the model's {@code camunda:property deadlineKey} of the task) as a task-local variable; on complete
 * or delete (the task's process was cancelled) it ends that process with the message {@code TaskClosed}.
 */
@Component("taskDeadlines")
class TaskDeadlines implements TaskListener {

    private final RuntimeService runtimeService;
    private final OfficeService offices;

    TaskDeadlines(RuntimeService runtimeService, OfficeService offices) {
        this.runtimeService = runtimeService;
        this.offices = offices;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> opened(task);
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> closed(task.getId());
            default -> { }
        }
    }

    private void opened(DelegateTask task) {
        Date dueAt = task.getDueDate();
        if (dueAt == null) {
            return;
        }
        String deadlineKey = deadlineKey(task);
        task.setVariableLocal(DEADLINE_KEY, deadlineKey);
        String officeCode = TaskContext.text(task, OFFICE_CODE);
        String regionCode = officeCode == null ? null
                : offices.find(officeCode).map(OfficeView::regionCode).orElse(null);
        Set<String> candidates = candidateGroups(task);

        Map<String, Object> variables = new HashMap<>();
        variables.put(TASK_ID, task.getId());
        variables.put(TASK_NAME, task.getName());
        variables.put(CYCLE_ID, TaskContext.requiredId(task, CYCLE_ID));
        variables.put(OFFICE_CODE, officeCode);
        variables.put(REGION_CODE, regionCode);
        variables.put(DEADLINE_KEY, deadlineKey);
        variables.put(DUE_AT, dueAt);
        variables.put(CANDIDATE_GROUPS, String.join(",", candidates));
        variables.put(DUE_NOTICE_GROUPS, String.join(",", dueNoticeGroups(candidates, officeCode)));
        variables.put(ESCALATION_GROUPS, String.join(",", escalationGroups(officeCode, regionCode)));
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(task.getId())
                .setVariables(variables)
                .execute();
    }

    /**
     * The task's deadline moved: its Process_TaskDeadline gets the new due moment and plans again (if it is busy
     * sending a notice, it plans with the new moment right after).
     */
    void moved(String taskId, Date dueAt) {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(taskId).list()
                .forEach(instance -> {
                    runtimeService.setVariable(instance.getId(), DUE_AT, dueAt);
                    runtimeService.createMessageCorrelation(MESSAGE_DEADLINE_CHANGED)
                            .processInstanceId(instance.getId())
                            .correlateAll();
                });
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

    private static Set<String> candidateGroups(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
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
