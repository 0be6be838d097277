package th.obec.apimr.reflection;

import java.util.LinkedHashMap;
import java.util.Map;

import th.obec.apimr.task.FormInput;

/** The fields of {@code Form_ReflectOnCycle} an office coordinator writes. */
record OfficeReflectionInput(String lessonsLearned, String successFactors, String obstacles, String practicesToShare,
                             String recommendationsNextYear) {

    static final String LESSONS_LEARNED = "lessonsLearned";
    static final String SUCCESS_FACTORS = "successFactors";
    static final String OBSTACLES = "obstacles";
    static final String PRACTICES_TO_SHARE = "practicesToShare";
    static final String RECOMMENDATIONS_NEXT_YEAR = "recommendationsNextYear";

    static OfficeReflectionInput read(FormInput input) {
        return new OfficeReflectionInput(
                input.requiredText(LESSONS_LEARNED, FormInput.TEXTAREA),
                input.requiredText(SUCCESS_FACTORS, FormInput.TEXTAREA),
                input.requiredText(OBSTACLES, FormInput.TEXTAREA),
                input.text(PRACTICES_TO_SHARE, FormInput.TEXTAREA),
                input.requiredText(RECOMMENDATIONS_NEXT_YEAR, FormInput.TEXTAREA));
    }

    /** The form's values, for prefilling it again (null fields when there is nothing yet). */
    static Map<String, Object> fields(OfficeReflectionInput saved) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(LESSONS_LEARNED, saved == null ? null : saved.lessonsLearned());
        fields.put(SUCCESS_FACTORS, saved == null ? null : saved.successFactors());
        fields.put(OBSTACLES, saved == null ? null : saved.obstacles());
        fields.put(PRACTICES_TO_SHARE, saved == null ? null : saved.practicesToShare());
        fields.put(RECOMMENDATIONS_NEXT_YEAR, saved == null ? null : saved.recommendationsNextYear());
        return fields;
    }
}
