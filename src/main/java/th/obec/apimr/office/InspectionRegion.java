package th.obec.apimr.office;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inspection region as stored. */
@Entity
@Table(name = "inspection_region")
class InspectionRegion extends ImportedRow {

    @Id
    private String code;

    @Column(name = "name_th", nullable = false)
    private String nameTh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Column(name = "provinces_th", nullable = false)
    private String provincesTh;

    @Column(name = "provinces_en")
    private String provincesEn;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected InspectionRegion() {
    }

    InspectionRegion(String code) {
        this.code = code;
        markNew();
    }

    /** Copies the imported values; true when anything changed. */
    boolean apply(RegionRecord record, Instant now) {
        boolean changed = isNew()
                || !Objects.equals(nameTh, record.nameTh())
                || !Objects.equals(nameEn, record.nameEn())
                || !Objects.equals(provincesTh, record.provincesTh())
                || !Objects.equals(provincesEn, record.provincesEn());
        if (changed) {
            nameTh = record.nameTh();
            nameEn = record.nameEn();
            provincesTh = record.provincesTh();
            provincesEn = record.provincesEn();
            updatedAt = now;
        }
        return changed;
    }

    RegionView toView() {
        return new RegionView(code, nameTh, nameEn, ProvinceList.split(provincesTh));
    }

    @Override
    public String getId() {
        return code;
    }

    String getCode() {
        return code;
    }

    String getNameTh() {
        return nameTh;
    }
}
