package th.obec.apimr.reflection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.task.FormInput;
import th.obec.apimr.task.TaskFormHandler;

/**
 * {@code Task_CompileMidYearResults} and {@code Task_CompileAnnualResults}: OBEC compiles a monitoring round
 * from its national figures. One compilation per cycle and round; completing the task again updates it.
 */
@Component
class CompileRoundHandler implements TaskFormHandler {

    static final String ROUND = "round";
    static final String ROUND_LABEL = "roundLabel";
    static final String ROUND_OVERVIEW = "roundOverview";

    private final ReflectionService reflections;
    private final CycleOverviews overviews;

    CompileRoundHandler(ReflectionService reflections, CycleOverviews overviews) {
        this.reflections = reflections;
        this.overviews = overviews;
    }

    @Override
    public Set<String> taskKeys() {
        return Set.of("Task_CompileMidYearResults", "Task_CompileAnnualResults");
    }

    @Override
    @Transactional
    public Map<String, Object> prefill(DelegateTask task) {
        Long cycleId = TaskContext.requiredId(task, TaskContext.CYCLE_ID);
        Round round = round(task);
        Integer fiscalYear = TaskContext.integer(task, TaskContext.FISCAL_YEAR);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(ROUND_LABEL, fiscalYear == null ? round.labelTh()
                : round.labelTh() + " ปีงบประมาณ พ.ศ. " + fiscalYear);
        form.put(ROUND_OVERVIEW, overviews.round(cycleId, round));
        form.putAll(RoundCompilationInput.fields(reflections.compilation(cycleId, round).orElse(null)));
        return form;
    }

    @Override
    @Transactional
    public void submit(DelegateTask task, FormInput input) {
        RoundCompilationInput compilation = RoundCompilationInput.read(input);
        reflections.compile(TaskContext.requiredId(task, TaskContext.CYCLE_ID), round(task), compilation,
                TaskContext.actor(task), TaskContext.now());
    }

    /** The input parameter {@code round} of the task; else told by the task's id. */
    static Round round(DelegateTask task) {
        String value = TaskContext.text(task, ROUND);
        if (value != null) {
            return Round.valueOf(value);
        }
        return "Task_CompileAnnualResults".equals(task.getTaskDefinitionKey()) ? Round.ANNUAL : Round.MID_YEAR;
    }
}
