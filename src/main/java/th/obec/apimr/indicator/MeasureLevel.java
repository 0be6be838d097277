package th.obec.apimr.indicator;

import th.obec.apimr.office.OfficeType;

/**
 * Which schools or learners a measure counts, where the national report splits them: {@code PRIMARY} for
 * primary-level (สพป.) counts, {@code SECONDARY} for secondary-level (สพม.) ones, {@code ALL} otherwise.
 */
public enum MeasureLevel {

    ALL, PRIMARY, SECONDARY;

    /** Whether an office of this type reports measures of this level: ALL always, otherwise the matching type. */
    public boolean appliesTo(OfficeType officeType) {
        return switch (this) {
            case ALL -> true;
            case PRIMARY -> officeType == OfficeType.PRIMARY;
            case SECONDARY -> officeType == OfficeType.SECONDARY;
        };
    }
}
