package th.obec.apimr.indicator;

import th.obec.apimr.office.OfficeType;

/**
 * One count an indicator report asks for: an achieved number and, usually, its base.
 *
 * @param code            unique within the indicator, e.g. {@code DROPOUTS_HELPED}
 * @param achievedLabelTh what the achieved number counts
 * @param baseLabelTh     what the base counts; null for a plain count without a base
 * @param labelEn         short English label of the pair
 * @param level           which offices report it
 */
public record MeasureView(String code, String achievedLabelTh, String baseLabelTh, String labelEn,
                          MeasureLevel level) {

    /** False for a plain count (no base, no percentage). */
    public boolean hasBase() {
        return baseLabelTh != null;
    }

    public boolean appliesTo(OfficeType officeType) {
        return level.appliesTo(officeType);
    }
}
