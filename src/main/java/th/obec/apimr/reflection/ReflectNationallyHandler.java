package th.obec.apimr.reflection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/** {@code Task_ReflectNationally}: OBEC reflects on the whole cycle and recommends policy for next year. */
@Component
class ReflectNationallyHandler implements TaskFormHandler {

    static final String CYCLE_OVERVIEW = "cycleOverview";

    private final ReflectionService reflections;
    private final CycleOverviews overviews;

    ReflectNationallyHandler(ReflectionService reflections, CycleOverviews overviews) {
        this.reflections = reflections;
        this.overviews = overviews;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("Task_ReflectNationally");
    }

    @Override
    @Transactional
    public Map<String, Object> prefill(DelegateTask task) {
        Long cycleId = TaskContext.requiredId(task, TaskContext.CYCLE_ID);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(CYCLE_OVERVIEW, overviews.national(cycleId));
        form.putAll(NationalReflectionInput.fields(reflections.nationalReflection(cycleId).orElse(null)));
        return form;
    }

    @Override
    @Transactional
    public void submit(DelegateTask task, FormInput input) {
        NationalReflectionInput reflection = NationalReflectionInput.read(input);
        reflections.reflectNationally(TaskContext.requiredId(task, TaskContext.CYCLE_ID), reflection,
                TaskContext.actor(task), TaskContext.now());
    }
}
