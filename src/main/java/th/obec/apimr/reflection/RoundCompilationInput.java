package th.obec.apimr.reflection;

import java.util.LinkedHashMap;
import java.util.Map;

import th.obec.apimr.task.FormInput;

/** The fields of {@code Form_CompileRoundResults} an OBEC monitor writes. */
record RoundCompilationInput(String roundSummary, String lessonsLearned, String recommendations) {

    static final String ROUND_SUMMARY = "roundSummary";
    static final String LESSONS_LEARNED = "lessonsLearned";
    static final String RECOMMENDATIONS = "recommendations";

    static RoundCompilationInput read(FormInput input) {
        return new RoundCompilationInput(
                input.requiredText(ROUND_SUMMARY, FormInput.TEXTAREA),
                input.requiredText(LESSONS_LEARNED, FormInput.TEXTAREA),
                input.text(RECOMMENDATIONS, FormInput.TEXTAREA));
    }

    static Map<String, Object> fields(RoundCompilationInput saved) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ROUND_SUMMARY, saved == null ? null : saved.roundSummary());
        fields.put(LESSONS_LEARNED, saved == null ? null : saved.lessonsLearned());
        fields.put(RECOMMENDATIONS, saved == null ? null : saved.recommendations());
        return fields;
    }
}
