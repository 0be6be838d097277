package th.obec.apimr.reflection;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import th.obec.apimr.task.FormInput;
import th.obec.apimr.report.QualityLevel;

/** Number formats of the reflection overviews. */
final class Texts {

    private Texts() {
    }

    /** {@code 6,570,003} */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 75.00%}; {@code -} for null. */
    static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** {@code 5 ดีเยี่ยม 2 เขต, 4 ดีมาก 1 เขต, ...}: a distribution of levels, every level named. */
    static String levels(Map<Integer, Integer> distribution, String unit) {
        StringJoiner text = new StringJoiner(", ");
        distribution.forEach((level, count) -> text.add(QualityLevel.label(level) + " " + count + " " + unit));
        return text.toString();
    }

    /** Like {@link #levels} with the levels nobody got left out. */
    static String levelsGiven(Map<Integer, Integer> distribution, String unit) {
        StringJoiner text = new StringJoiner(", ");
        distribution.forEach((level, count) -> {
            if (count > 0) {
                text.add(QualityLevel.label(level) + " " + count + " " + unit);
            }
        });
        return text.toString();
    }

}
