package th.obec.apimr.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.system.TaskContext;
import th.obec.apimr.system.ThaiFormats;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * Task_ReviewPlan with Form_ReviewPlan: the director approves the submitted plan or returns it with comments.
 * Sets {@code planDecision} on the task's execution for the gateway {@code ${planDecision == 'APPROVE'}}.
 */
@Component
@Transactional
class ReviewPlanHandler implements TaskFormHandler {

    static final String TASK = "Task_ReviewPlan";
    static final String OFFICE_NAME = "officeName";
    static final String PLAN_TITLE = "planTitle";
    static final String PLAN_OVERVIEW = "planOverview";
    static final String TOTAL_BUDGET = "totalBudget";
    static final String PLAN_DECISION = "planDecision";
    static final String REVIEW_COMMENTS = "reviewComments";

    private final PlanService plans;

    ReviewPlanHandler(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of(TASK);
    }

    @Override
    public Map<String, Object> prefill(DelegateTask task) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        Optional<PlanRevision> revision = plans.plan(officeCycleId).flatMap(Plan::latestRevision);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(PLAN_TITLE, revision.map(PlanRevision::getTitle).orElse(null));
        form.put(PLAN_OVERVIEW, revision.map(PlanOverview::of).orElse(null));
        form.put(TOTAL_BUDGET, revision.map(r -> ThaiFormats.baht(r.totalBudget())).orElse(null));
        form.put(PLAN_DECISION, null);
        form.put(REVIEW_COMMENTS, null);
        return form;
    }

    @Override
    public void submit(DelegateTask task, FormInput input) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        PlanDecision decision = PlanDecision.valueOf(input.requiredChoice(PLAN_DECISION, PlanDecision.names()));
        String comments = input.text(REVIEW_COMMENTS, FormInput.TEXTAREA);
        if (decision == PlanDecision.RETURN && comments == null) {
            throw input.error(REVIEW_COMMENTS, "จำเป็นต้องกรอกเมื่อส่งแผนกลับ", "required when the plan is returned");
        }
        plans.review(officeCycleId, decision, comments, TaskContext.actor(task), TaskContext.now());
        task.getExecution().setVariableLocal(PLAN_DECISION, decision.name());
    }
}
