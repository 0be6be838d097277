package th.obec.apimr.implementation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.plan.PlanService;
import th.obec.apimr.plan.ProjectView;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * Task_RecordImplementation with Form_RecordImplementation: the coordinators record each approved project's
 * progress and the decisions taken, and may ask the director for a decision. Sets {@code decisionRequested} on
 * the task's execution for the gateway.
 */
@Component
@Transactional
class RecordImplementationHandler implements TaskFormHandler {

    static final String TASK = "Task_RecordImplementation";
    static final String OFFICE_NAME = "officeName";
    static final String DIRECTOR_DECISION = "directorDecision";
    static final String PROJECT_PROGRESS = "projectProgress";
    static final String PROJECT_ID = "projectId";
    static final String NAME = "name";
    static final String PROGRESS_PERCENT = "progressPercent";
    static final String STATUS = "status";
    static final String NOTE = "note";
    static final String DECISIONS_TAKEN = "decisionsTaken";
    static final String DECISION_REQUESTED = "decisionRequested";
    static final String DECISION_QUESTION = "decisionQuestion";

    static final int MAX_PROJECTS = 100;

    private final ImplementationService implementation;
    private final PlanService plans;

    RecordImplementationHandler(ImplementationService implementation, PlanService plans) {
        this.implementation = implementation;
        this.plans = plans;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK);
    }

    @Override
    public Map<String, Object> prefill(DelegateTask task) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        Map<Long, ProjectProgress> last = new HashMap<>();
        implementation.latestRecord(officeCycleId)
                .ifPresent(r -> r.getProgress().forEach(p -> last.put(p.getProjectId(), p)));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ProjectView project : plans.approvedProjects(officeCycleId)) {
            Optional<ProjectProgress> previous = Optional.ofNullable(last.get(project.id()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(PROJECT_ID, project.id());
            item.put(NAME, project.name());
            item.put(PROGRESS_PERCENT, previous.map(ProjectProgress::getProgressPercent).orElse(0));
            item.put(STATUS, previous.map(p -> p.getStatus().name()).orElse(ProgressStatus.NOT_STARTED.name()));
            item.put(NOTE, null);
            items.add(item);
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(DIRECTOR_DECISION, implementation.latestDecided(officeCycleId)
                .map(ImplementationRecord::getDirectorDecision).orElse(null));
        form.put(PROJECT_PROGRESS, items);
        form.put(DECISIONS_TAKEN, null);
        form.put(DECISION_REQUESTED, false);
        form.put(DECISION_QUESTION, null);
        return form;
    }

    @Override
    public void submit(DelegateTask task, FormInput input) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        Set<Long> approved = new HashSet<>();
        plans.approvedProjects(officeCycleId).forEach(p -> approved.add(p.id()));
        List<ImplementationInput.Progress> progress = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (FormInput item : input.list(PROJECT_PROGRESS, MAX_PROJECTS)) {
            progress.add(progress(item, approved, seen));
        }
        String decisionsTaken = input.requiredText(DECISIONS_TAKEN, FormInput.TEXTAREA);
        boolean requested = input.flag(DECISION_REQUESTED);
        // the form hides (and does not submit) the question unless a decision is requested
        String question = requested ? input.text(DECISION_QUESTION, FormInput.TEXTAREA) : null;
        if (requested && question == null) {
            throw input.error(DECISION_QUESTION, "จำเป็นต้องกรอกเมื่อขอให้ผู้อำนวยการตัดสินใจ",
                    "required when a decision is requested");
        }
        implementation.record(officeCycleId,
                new ImplementationInput(progress, decisionsTaken, requested, question),
                TaskContext.actor(task), TaskContext.now());
        task.getExecution().setVariableLocal(DECISION_REQUESTED, requested);
    }

    private static ImplementationInput.Progress progress(FormInput item, Set<Long> approved, Set<Long> seen) {
        Long projectId = item.number(PROJECT_ID, 1, Long.MAX_VALUE);
        if (projectId == null) {
            throw item.missing(PROJECT_ID);
        }
        if (!approved.contains(projectId)) {
            throw item.error(PROJECT_ID, "โครงการรหัส " + projectId + " ไม่อยู่ในแผนที่อนุมัติของเขตพื้นที่นี้",
                    "project " + projectId + " is not in this office's approved plan");
        }
        if (!seen.add(projectId)) {
            throw item.error(PROJECT_ID, "โครงการรหัส " + projectId + " ซ้ำ", "project " + projectId + " listed twice");
        }
        Long percent = item.number(PROGRESS_PERCENT, 0, 100);
        if (percent == null) {
            throw item.missing(PROGRESS_PERCENT);
        }
        ProgressStatus status = ProgressStatus.valueOf(item.requiredChoice(STATUS, ProgressStatus.names()));
        if (status == ProgressStatus.COMPLETED && percent != 100) {
            throw item.error(PROGRESS_PERCENT, "โครงการที่เสร็จสิ้นต้องมีความก้าวหน้าร้อยละ 100",
                    "must be 100 for a completed project");
        }
        if (status == ProgressStatus.NOT_STARTED && percent != 0) {
            throw item.error(PROGRESS_PERCENT, "โครงการที่ยังไม่เริ่มต้องมีความก้าวหน้าร้อยละ 0",
                    "must be 0 for a project not started");
        }
        String note = item.text(NOTE, FormInput.TEXTFIELD);
        return new ImplementationInput.Progress(projectId, percent.intValue(), status, note);
    }
}
