package th.obec.apimr.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The APIMR step (A, P, I, M, R) of each user task of the cycle models, for the per-phase task gauges. An office's
 * tasks lie in its phase's sub-process of {@code AreaOfficeCycle.bpmn} (the same step {@code phaseLabel} shows in
 * Tasklist); OBEC's national tasks belong to the step they serve. {@code TaskPhasesTest} fails when a model gains a
 * user task this map does not place.
 */
final class TaskPhases {

    /** The steps in cycle order, as the {@code phase} tag of the gauges. */
    static final List<String> LETTERS = List.of("A", "P", "I", "M", "R");

    private static final Map<String, String> PHASE_OF_TASK = Map.ofEntries(
            Map.entry("Task_AnalyseNationalPolicy", "A"),
            Map.entry("Task_AnalysePolicy", "A"),
            Map.entry("Task_PlanProjects", "P"),
            Map.entry("Task_ReviewPlan", "P"),
            Map.entry("Task_RecordImplementation", "I"),
            Map.entry("Task_DecideOnImplementation", "I"),
            Map.entry("Task_SubmitMidYearReport", "M"),
            Map.entry("Task_ReviewMidYearReport", "M"),
            Map.entry("Task_CompileMidYearResults", "M"),
            Map.entry("Task_SubmitAnnualReport", "M"),
            Map.entry("Task_ReviewAnnualReport", "M"),
            Map.entry("Task_CompileAnnualResults", "M"),
            Map.entry("Task_ReflectOnCycle", "R"),
            Map.entry("Task_ReflectNationally", "R"));

    private TaskPhases() {
    }

    /** The step of a user task by its definition key; empty for tasks outside the cycle models. */
    static Optional<String> ofTask(String taskDefinitionKey) {
        return Optional.ofNullable(PHASE_OF_TASK.get(taskDefinitionKey));
    }

    /** The user tasks placed in a step. */
    static Set<String> taskKeys() {
        return PHASE_OF_TASK.keySet();
    }
}
