package th.obec.apimr.report;

import org.camunda.bpm.engine.delegate.DelegateTask;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.system.TaskContext;

/**
 * The process variables of the report tasks (docs/process-model.md): the ids they read and the decision inputs
 * and outcomes they set on the report's sub-process instance.
 */
final class ReportVariables {

    static final String ROUND = "round";
    static final String INDICATOR_CODE = "indicatorCode";
    static final String REPORT_ID = "reportId";
    static final String SUGGESTED_LEVEL = "suggestedLevel";
    static final String ACHIEVEMENT_PERCENT = "achievementPercent";
    static final String EVIDENCE_SCORE = "evidenceScore";
    static final String SELF_ASSESSED_LEVEL = "selfAssessedLevel";
    static final String REVIEW_DECISION = "reviewDecision";

    private ReportVariables() {
    }

    /** The variable {@code round}, set by the monitoring sub-process; else told by the task's id. */
    static Round round(DelegateTask task) {
        String value = TaskContext.text(task, ROUND);
        if (value != null) {
            return Round.valueOf(value);
        }
        String key = task.getTaskDefinitionKey();
        if (key != null && key.contains("MidYear")) {
            return Round.MID_YEAR;
        }
        if (key != null && key.contains("Annual")) {
            return Round.ANNUAL;
        }
        throw new IllegalStateException("Variable " + ROUND + " is missing");
    }

    static String indicatorCode(DelegateTask task) {
        String code = TaskContext.text(task, INDICATOR_CODE);
        if (code == null) {
            throw new IllegalStateException("Variable " + INDICATOR_CODE + " is missing");
        }
        return code;
    }

    /** {@code reportId} when the submission task has set it; null before. */
    static Long reportId(DelegateTask task) {
        Object value = task.getVariable(REPORT_ID);
        return value == null ? null : TaskContext.requiredId(task, REPORT_ID);
    }

    /** The decision's suggestion, when it is a level (1-5). */
    static Integer suggestedLevel(DelegateTask task) {
        Integer level = TaskContext.integer(task, SUGGESTED_LEVEL);
        return level != null && level >= QualityLevel.MIN && level <= QualityLevel.MAX ? level : null;
    }

}
