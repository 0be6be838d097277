package th.obec.apimr.office;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An educational service area office as stored. */
@Entity
@Table(name = "office")
class Office extends ImportedRow {

    @Id
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "office_type", nullable = false)
    private OfficeType type;

    @Column(name = "short_name_th", nullable = false)
    private String shortNameTh;

    @Column(name = "full_name_th", nullable = false)
    private String fullNameTh;

    @Column(name = "area_no")
    private Integer areaNo;

    @Column(name = "provinces_th", nullable = false)
    private String provincesTh;

    @Column(name = "seat_province_code", nullable = false)
    private String seatProvinceCode;

    @Column(name = "seat_province_en", nullable = false)
    private String seatProvinceEn;

    @Column(name = "region_code", nullable = false)
    private String regionCode;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Office() {
    }

    Office(String code) {
        this.code = code;
        markNew();
    }

    /** Copies the imported values and makes the office active; true when anything changed. */
    boolean apply(OfficeRecord record, Instant now) {
        boolean changed = isNew() || !active
                || type != record.type()
                || !Objects.equals(shortNameTh, record.shortNameTh())
                || !Objects.equals(fullNameTh, record.fullNameTh())
                || !Objects.equals(areaNo, record.areaNo())
                || !Objects.equals(provincesTh, record.provincesTh())
                || !Objects.equals(seatProvinceCode, record.seatProvinceCode())
                || !Objects.equals(seatProvinceEn, record.seatProvinceEn())
                || !Objects.equals(regionCode, record.regionCode());
        if (changed) {
            type = record.type();
            shortNameTh = record.shortNameTh();
            fullNameTh = record.fullNameTh();
            areaNo = record.areaNo();
            provincesTh = record.provincesTh();
            seatProvinceCode = record.seatProvinceCode();
            seatProvinceEn = record.seatProvinceEn();
            regionCode = record.regionCode();
            active = true;
            updatedAt = now;
        }
        return changed;
    }

    /** Marks the office inactive; true when it was active. */
    boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        updatedAt = now;
        return true;
    }

    OfficeView toView(String regionNameTh) {
        return new OfficeView(code, type, shortNameTh, fullNameTh, ProvinceList.split(provincesTh), regionCode,
                regionNameTh, active);
    }

    @Override
    public String getId() {
        return code;
    }

    String getCode() {
        return code;
    }

    String getRegionCode() {
        return regionCode;
    }

    boolean isActive() {
        return active;
    }
}
