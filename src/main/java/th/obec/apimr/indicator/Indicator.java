package th.obec.apimr.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** An indicator of one fiscal year, with its measures. */
@Entity
@Table(name = "indicator")
class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(nullable = false)
    private String code;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "title_th", nullable = false)
    private String titleTh;

    @Column(name = "title_en", nullable = false)
    private String titleEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Dimension dimension;

    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<IndicatorMeasure> measures = new ArrayList<>();

    protected Indicator() {
    }

    Indicator(int fiscalYear, String code) {
        this.fiscalYear = fiscalYear;
        this.code = code;
    }

    /** Copies the catalogue entry, measures matched by code; true when anything changed. */
    boolean apply(CatalogueFile.Entry entry, int order) {
        boolean changed = id == null || sortOrder != order || !Objects.equals(titleTh, entry.titleTh())
                || !Objects.equals(titleEn, entry.titleEn()) || dimension != entry.dimension();
        sortOrder = order;
        titleTh = entry.titleTh();
        titleEn = entry.titleEn();
        dimension = entry.dimension();
        Map<String, IndicatorMeasure> existing = new HashMap<>();
        measures.forEach(measure -> existing.put(measure.getCode(), measure));
        List<IndicatorMeasure> wanted = new ArrayList<>();
        for (int i = 0; i < entry.measures().size(); i++) {
            CatalogueFile.Measure definition = entry.measures().get(i);
            IndicatorMeasure measure = existing.remove(definition.code());
            if (measure == null) {
                measure = new IndicatorMeasure(this, definition.code());
            }
            changed |= measure.apply(definition, i + 1);
            wanted.add(measure);
        }
        changed |= !existing.isEmpty();
        measures.removeIf(measure -> existing.containsKey(measure.getCode()));
        for (IndicatorMeasure measure : wanted) {
            if (!measures.contains(measure)) {
                measures.add(measure);
            }
        }
        return changed;
    }

    IndicatorView toView() {
        List<MeasureView> views = measures.stream()
                .sorted((a, b) -> Integer.compare(a.getSortOrder(), b.getSortOrder()))
                .map(IndicatorMeasure::toView)
                .toList();
        return new IndicatorView(code, titleTh, titleEn, dimension, views);
    }

    String getCode() {
        return code;
    }
}
