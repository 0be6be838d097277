package th.obec.apimr.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One measure's counts in a report: what was achieved out of which base; null where left empty. */
@Embeddable
class MeasureCount {

    @Column(name = "measure_code", nullable = false)
    private String measureCode;

    @Column(name = "achieved")
    private Long achieved;

    @Column(name = "base")
    private Long base;

    protected MeasureCount() {
    }

    MeasureCount(String measureCode, Long achieved, Long base) {
        this.measureCode = measureCode;
        this.achieved = achieved;
        this.base = base;
    }

    String getMeasureCode() {
        return measureCode;
    }

    Long getAchieved() {
        return achieved;
    }

    Long getBase() {
        return base;
    }

    /** Achieved and a base above zero: the pair enters percentages. */
    boolean hasRatio() {
        return achieved != null && base != null && base > 0;
    }
}
