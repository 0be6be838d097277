package th.obec.apimr.reflection;

import java.util.LinkedHashMap;
import java.util.Map;

import th.obec.apimr.task.FormInput;

/** The fields of {@code Form_ReflectNationally} an OBEC monitor writes. */
record NationalReflectionInput(String lessonsLearned, String policyRecommendations, String practicesToShare) {

    static final String LESSONS_LEARNED = "lessonsLearned";
    static final String POLICY_RECOMMENDATIONS = "policyRecommendations";
    static final String PRACTICES_TO_SHARE = "practicesToShare";

    static NationalReflectionInput read(FormInput input) {
        return new NationalReflectionInput(
                input.requiredText(LESSONS_LEARNED, FormInput.TEXTAREA),
                input.requiredText(POLICY_RECOMMENDATIONS, FormInput.TEXTAREA),
                input.text(PRACTICES_TO_SHARE, FormInput.TEXTAREA));
    }

    static Map<String, Object> fields(NationalReflectionInput saved) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(LESSONS_LEARNED, saved == null ? null : saved.lessonsLearned());
        fields.put(POLICY_RECOMMENDATIONS, saved == null ? null : saved.policyRecommendations());
        fields.put(PRACTICES_TO_SHARE, saved == null ? null : saved.practicesToShare());
        return fields;
    }
}
