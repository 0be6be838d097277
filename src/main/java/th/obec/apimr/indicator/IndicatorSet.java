package th.obec.apimr.indicator;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** One fiscal year's indicator catalogue: its name and where it comes from. */
@Entity
@Table(name = "indicator_set")
class IndicatorSet implements Persistable<Integer> {

    @Id
    @Column(name = "fiscal_year")
    private Integer fiscalYear;

    @Column(name = "name_th", nullable = false)
    private String nameTh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "source")
    private String source;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private boolean isNew;

    protected IndicatorSet() {
    }

    IndicatorSet(int fiscalYear) {
        this.fiscalYear = fiscalYear;
        this.isNew = true;
    }

    boolean apply(String nameTh, String nameEn, String source, Instant now) {
        boolean changed = isNew || !Objects.equals(this.nameTh, nameTh) || !Objects.equals(this.nameEn, nameEn)
                || !Objects.equals(this.source, source);
        if (changed) {
            this.nameTh = nameTh;
            this.nameEn = nameEn;
            this.source = source;
            this.updatedAt = now;
        }
        return changed;
    }

    @Override
    public Integer getId() {
        return fiscalYear;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        isNew = false;
    }
}
