package th.obec.apimr.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Whether an office takes up one catalogue indicator this year, and the target it sets itself. */
@Entity
@Table(name = "office_analysis_target")
class IndicatorTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "analysis_id", updatable = false)
    private OfficeAnalysis analysis;

    @Column(name = "indicator_code", nullable = false, length = 16, updatable = false)
    private String indicatorCode;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private boolean chosen;

    @Column(name = "target_percent")
    private Integer targetPercent;

    @Column(name = "target_note", length = 300)
    private String targetNote;

    protected IndicatorTarget() {
    }

    IndicatorTarget(OfficeAnalysis analysis, String indicatorCode) {
        this.analysis = analysis;
        this.indicatorCode = indicatorCode;
    }

    void update(OfficeAnalysisInput.Target given) {
        this.sortOrder = given.sortOrder();
        this.chosen = given.chosen();
        this.targetPercent = given.targetPercent();
        this.targetNote = given.targetNote();
    }

    String getIndicatorCode() {
        return indicatorCode;
    }

    int getSortOrder() {
        return sortOrder;
    }

    boolean isChosen() {
        return chosen;
    }

    Integer getTargetPercent() {
        return targetPercent;
    }

    String getTargetNote() {
        return targetNote;
    }
}
