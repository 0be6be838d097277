package th.obec.apimr.indicator;

import java.util.List;
import java.util.Optional;

import th.obec.apimr.office.OfficeType;

/**
 * A Quick Policy indicator of one fiscal year's catalogue.
 *
 * @param code       e.g. {@code 1}, {@code 6a}
 * @param titleTh    the policy's Thai title
 * @param titleEn    a short English title
 * @param dimension  safety, opportunity, quality or efficiency
 * @param measures   the counts its report asks for, in order
 */
public record IndicatorView(String code, String titleTh, String titleEn, Dimension dimension,
                            List<MeasureView> measures) {

    public IndicatorView {
        measures = List.copyOf(measures);
    }

    /** The measures an office of this type reports (level ALL and its own level), in order. */
    public List<MeasureView> measuresFor(OfficeType officeType) {
        return measures.stream().filter(m -> m.appliesTo(officeType)).toList();
    }

    public Optional<MeasureView> measure(String measureCode) {
        return measures.stream().filter(m -> m.code().equals(measureCode)).findFirst();
    }
}
