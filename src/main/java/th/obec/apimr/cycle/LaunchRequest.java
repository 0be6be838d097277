package th.obec.apimr.cycle;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import th.obec.apimr.task.FormInput;

/**
 * What an administrator asks for when launching a fiscal year: the year, the indicator catalogue, the
 * participating offices (empty: every active office) and any deadlines that differ from the defaults.
 */
public record LaunchRequest(int fiscalYear, int catalogueYear, Set<String> officeCodes,
                            Map<Deadline, LocalDate> deadlines) {

    public static final String FISCAL_YEAR = "fiscalYear";
    public static final String CATALOGUE_YEAR = "catalogueYear";
    public static final String OFFICE_CODES = "officeCodes";

    /** Reads the launch form's fields (see Form_LaunchCycle); checks their shape, not the reference data. */
    static LaunchRequest from(FormInput input) {
        int fiscalYear = (int) input.requiredNumber(FISCAL_YEAR, 2560, 2800);
        Long catalogueYear = input.number(CATALOGUE_YEAR, 2560, 2800);
        Set<String> offices = input.codes(OFFICE_CODES, 8);
        Map<Deadline, LocalDate> deadlines = new java.util.EnumMap<>(Deadline.class);
        for (Deadline deadline : Deadline.values()) {
            LocalDate date = input.date(deadline.formField());
            if (date != null) {
                deadlines.put(deadline, date);
            }
        }
        return new LaunchRequest(fiscalYear, catalogueYear == null ? fiscalYear : catalogueYear.intValue(),
                offices, deadlines);
    }

    /** The form fields that carry a launch, to be dropped from the process once the cycle is saved. */
    static Set<String> formFields() {
        Set<String> fields = new java.util.HashSet<>(Set.of(FISCAL_YEAR, CATALOGUE_YEAR, OFFICE_CODES));
        for (Deadline deadline : Deadline.values()) {
            fields.add(deadline.formField());
        }
        return fields;
    }
}
