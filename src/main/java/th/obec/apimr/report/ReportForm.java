package th.obec.apimr.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.indicator.MeasureView;
import th.obec.apimr.task.FormInput;

/**
 * The fields of {@code Form_SubmitIndicatorReport} (docs/process-model.md) and how a submission is read and
 * checked.
 */
final class ReportForm {

    static final String OFFICE_NAME = "officeName";
    static final String ROUND_LABEL = "roundLabel";
    static final String INDICATOR_CODE = "indicatorCode";
    static final String INDICATOR_TITLE = "indicatorTitle";
    static final String RETURN_COMMENTS = "returnComments";
    static final String COUNTS = "counts";
    static final String MEASURE_CODE = "measureCode";
    static final String LABEL = "label";
    static final String ACHIEVED = "achieved";
    static final String BASE = "base";
    static final String STEPS_TAKEN = "stepsTaken";
    static final String PRACTICES = "practices";
    static final String NAME = "name";
    static final String OWNER_NAME = "ownerName";
    static final String DESCRIPTION = "description";
    static final String PROBLEMS_OBEC = "problemsObec";
    static final String PROBLEMS_OFFICE = "problemsOffice";
    static final String RECOMMENDATIONS_OBEC = "recommendationsObec";
    static final String RECOMMENDATIONS_OFFICE = "recommendationsOffice";
    static final String SELF_ASSESSED_LEVEL = "selfAssessedLevel";

    static final int MAX_PRACTICES = 50;
    private static final int MAX_COUNT_ITEMS = 200;

    private ReportForm() {
    }

    /**
     * Reads and checks a submission. {@code measures} are the measures the office reports (its level of the
     * catalogue entry), in order; a count for another measure of the entry is kept, one outside it refused.
     */
    static ReportContent read(FormInput input, IndicatorView indicator, List<MeasureView> measures) {
        Map<String, MeasureCount> submitted = readCounts(input, indicator);
        String stepsTaken = input.requiredText(STEPS_TAKEN, FormInput.TEXTAREA);
        List<BestPractice> practices = readPractices(input);
        String problemsObec = input.text(PROBLEMS_OBEC, FormInput.TEXTAREA);
        String problemsOffice = input.text(PROBLEMS_OFFICE, FormInput.TEXTAREA);
        String recommendationsObec = input.text(RECOMMENDATIONS_OBEC, FormInput.TEXTAREA);
        String recommendationsOffice = input.text(RECOMMENDATIONS_OFFICE, FormInput.TEXTAREA);
        int selfAssessedLevel = (int) input.requiredNumber(SELF_ASSESSED_LEVEL, QualityLevel.MIN, QualityLevel.MAX);

        List<MeasureCount> counts = new ArrayList<>();
        boolean everyMeasureFilled = true;
        for (MeasureView measure : measures) {
            MeasureCount count = submitted.remove(measure.code());
            counts.add(count != null ? count : new MeasureCount(measure.code(), null, null));
            everyMeasureFilled &= filled(measure, count);
        }
        counts.addAll(submitted.values());

        int evidenceScore = 1
                + (practices.isEmpty() ? 0 : 1)
                + (problemsObec != null || problemsOffice != null ? 1 : 0)
                + (recommendationsObec != null || recommendationsOffice != null ? 1 : 0)
                + (everyMeasureFilled ? 1 : 0);
        return new ReportContent(counts, stepsTaken, practices, problemsObec, problemsOffice, recommendationsObec,
                recommendationsOffice, selfAssessedLevel, evidenceScore);
    }

    /** Achieved given, and the base where the measure has one. */
    static boolean filled(MeasureView measure, MeasureCount count) {
        return count != null && count.getAchieved() != null && (!measure.hasBase() || count.getBase() != null);
    }

    private static Map<String, MeasureCount> readCounts(FormInput input, IndicatorView indicator) {
        Map<String, MeasureCount> counts = new LinkedHashMap<>();
        for (FormInput item : input.list(COUNTS, MAX_COUNT_ITEMS)) {
            String code = item.requiredText(MEASURE_CODE, FormInput.TEXTFIELD);
            if (indicator.measure(code).isEmpty()) {
                throw item.error(MEASURE_CODE, "ไม่ใช่รายการข้อมูลของตัวชี้วัดที่ " + indicator.code(),
                        "not a measure of indicator " + indicator.code());
            }
            if (counts.containsKey(code)) {
                throw item.error(MEASURE_CODE, "ซ้ำกับรายการก่อนหน้า", "given twice");
            }
            Long achieved = item.count(ACHIEVED);
            Long base = item.count(BASE);
            if (achieved != null && base != null && achieved > base) {
                throw item.error(ACHIEVED, "ต้องไม่เกินจำนวนฐาน (" + base + ")",
                        "must not exceed the base (" + base + ")");
            }
            counts.put(code, new MeasureCount(code, achieved, base));
        }
        return counts;
    }

    private static List<BestPractice> readPractices(FormInput input) {
        List<BestPractice> practices = new ArrayList<>();
        for (FormInput item : input.list(PRACTICES, MAX_PRACTICES)) {
            String name = item.text(NAME, FormInput.TEXTFIELD);
            String ownerName = item.text(OWNER_NAME, FormInput.TEXTFIELD);
            String description = item.text(DESCRIPTION, FormInput.TEXTAREA);
            if (name == null && ownerName == null && description == null) {
                continue;
            }
            if (name == null) {
                throw item.missing(NAME);
            }
            practices.add(new BestPractice(name, ownerName, description));
        }
        return practices;
    }

    /** One item of the {@code counts} list as the form shows it. */
    static Map<String, Object> countItem(MeasureView measure, MeasureCount previous) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(MEASURE_CODE, measure.code());
        item.put(LABEL, label(measure));
        item.put(ACHIEVED, previous == null ? null : previous.getAchieved());
        item.put(BASE, previous == null ? null : previous.getBase());
        return item;
    }

    static Map<String, Object> practiceItem(BestPractice practice) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(NAME, practice.getName());
        item.put(OWNER_NAME, practice.getOwnerName());
        item.put(DESCRIPTION, practice.getDescription());
        return item;
    }

    /** What a measure counts, out of what: {@code เด็กออกกลางคันที่ได้รับการช่วยเหลือ / เด็กออกกลางคันทั้งหมดที่ค้นพบ}. */
    static String label(MeasureView measure) {
        return measure.hasBase()
                ? measure.achievedLabelTh() + " / " + measure.baseLabelTh()
                : measure.achievedLabelTh();
    }

    /** {@code ตัวชี้วัดที่ 2 พาน้องกลับมาเรียน} */
    static String indicatorTitle(IndicatorView indicator) {
        return "ตัวชี้วัดที่ " + indicator.code() + " " + indicator.titleTh();
    }

    /** A level as a select field holds it (the form's options are text). */
    static String selectValue(Integer level) {
        return level == null ? null : level.toString();
    }
}
