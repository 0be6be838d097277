package th.obec.apimr.indicator;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A count an indicator's report asks for. */
@Entity
@Table(name = "indicator_measure")
class IndicatorMeasure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id", nullable = false)
    private Indicator indicator;

    @Column(nullable = false)
    private String code;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "achieved_label_th", nullable = false)
    private String achievedLabelTh;

    @Column(name = "base_label_th")
    private String baseLabelTh;

    @Column(name = "label_en", nullable = false)
    private String labelEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeasureLevel level;

    protected IndicatorMeasure() {
    }

    IndicatorMeasure(Indicator indicator, String code) {
        this.indicator = indicator;
        this.code = code;
    }

    boolean apply(CatalogueFile.Measure definition, int order) {
        boolean changed = id == null || sortOrder != order
                || !Objects.equals(achievedLabelTh, definition.achievedLabelTh())
                || !Objects.equals(baseLabelTh, definition.baseLabelTh())
                || !Objects.equals(labelEn, definition.labelEn())
                || level != definition.level();
        sortOrder = order;
        achievedLabelTh = definition.achievedLabelTh();
        baseLabelTh = definition.baseLabelTh();
        labelEn = definition.labelEn();
        level = definition.level();
        return changed;
    }

    MeasureView toView() {
        return new MeasureView(code, achievedLabelTh, baseLabelTh, labelEn, level);
    }

    String getCode() {
        return code;
    }

    int getSortOrder() {
        return sortOrder;
    }
}
