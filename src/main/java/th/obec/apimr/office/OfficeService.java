package th.obec.apimr.office;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the area offices and inspection regions. Lists are ordered by code. */
@Service
@Transactional(readOnly = true)
public class OfficeService {

    private final OfficeRepository offices;
    private final InspectionRegionRepository regions;

    OfficeService(OfficeRepository offices, InspectionRegionRepository regions) {
        this.offices = offices;
        this.regions = regions;
    }

    /** The office with this code (any case), active or not. */
    public Optional<OfficeView> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return offices.findById(code.trim().toUpperCase(Locale.ROOT))
                .map(office -> office.toView(regionName(office.getRegionCode())));
    }

    /** The offices that take part in cycles. */
    public List<OfficeView> activeOffices() {
        return toViews(offices.findByActiveTrueOrderByCode());
    }

    /** Every office, inactive ones included. */
    public List<OfficeView> all() {
        return toViews(offices.findAllByOrderByCode());
    }

    /**
     * The inspection region with this code.
     *
     * @throws IllegalArgumentException when no such region exists
     */
    public RegionView region(String regionCode) {
        return regions.findById(regionCode == null ? "" : regionCode.trim())
                .map(InspectionRegion::toView)
                .orElseThrow(() -> new IllegalArgumentException(
                        "ไม่พบเขตตรวจราชการ " + regionCode + " (unknown inspection region " + regionCode + ")"));
    }

    /** Every inspection region, {@code 00} first. */
    public List<RegionView> regions() {
        return regions.findAllByOrderByCode().stream().map(InspectionRegion::toView).toList();
    }

    private List<OfficeView> toViews(List<Office> list) {
        Map<String, String> regionNames = regions.findAll().stream()
                .collect(Collectors.toMap(InspectionRegion::getCode, InspectionRegion::getNameTh));
        Function<Office, OfficeView> toView = office -> office.toView(regionNames.get(office.getRegionCode()));
        return list.stream().map(toView).toList();
    }

    private String regionName(String regionCode) {
        return regions.findById(regionCode).map(InspectionRegion::getNameTh).orElse(null);
    }
}
