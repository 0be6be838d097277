package th.obec.apimr.reflection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/** {@code Task_ReflectOnCycle}: the office coordinators reflect on their cycle's results (R). */
@Component
class ReflectOnCycleHandler implements TaskFormHandler {

    static final String OFFICE_NAME = "officeName";
    static final String CYCLE_OVERVIEW = "cycleOverview";

    private final ReflectionService reflections;
    private final CycleOverviews overviews;
    private final CycleService cycles;

    ReflectOnCycleHandler(ReflectionService reflections, CycleOverviews overviews, CycleService cycles) {
        this.reflections = reflections;
        this.overviews = overviews;
        this.cycles = cycles;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("Task_ReflectOnCycle");
    }

    @Override
    @Transactional
    public Map<String, Object> prefill(DelegateTask task) {
        Long officeCycleId = TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(OFFICE_NAME, TaskContext.officeName(task));
        form.put(CYCLE_OVERVIEW, overviews.office(officeCycleId, TaskContext.officeName(task)));
        form.putAll(OfficeReflectionInput.fields(reflections.officeReflection(officeCycleId).orElse(null)));
        return form;
    }

    @Override
    @Transactional
    public void submit(DelegateTask task, FormInput input) {
        OfficeReflectionInput reflection = OfficeReflectionInput.read(input);
        OfficeCycleView officeCycle = cycles.officeCycle(TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID));
        reflections.reflectOnCycle(officeCycle, reflection, TaskContext.actor(task), TaskContext.now());
    }
}
