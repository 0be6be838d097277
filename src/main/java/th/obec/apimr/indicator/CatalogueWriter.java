package th.obec.apimr.indicator;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores a catalogue file: an upsert by fiscal year, indicator code and measure code. */
@Component
class CatalogueWriter {

    private final IndicatorSetRepository sets;
    private final IndicatorRepository indicators;
    private final Clock clock = Clock.systemUTC();

    CatalogueWriter(IndicatorSetRepository sets, IndicatorRepository indicators) {
        this.sets = sets;
        this.indicators = indicators;
    }

    /**
     * Makes the stored catalogue of the file's fiscal year equal to the file. Indicators and measures missing
     * from the file are removed. Returns how many rows changed (0 when the file was loaded before).
     */
    @Transactional
    public int save(CatalogueFile file) {
        int changes = 0;
        IndicatorSet set = sets.findById(file.fiscalYear()).orElseGet(() -> new IndicatorSet(file.fiscalYear()));
        if (set.apply(file.nameTh(), file.nameEn(), file.source(), clock.instant())) {
            sets.save(set);
            changes++;
        }
        Map<String, Indicator> existing = new HashMap<>();
        indicators.findByFiscalYearOrderBySortOrder(file.fiscalYear())
                .forEach(indicator -> existing.put(indicator.getCode(), indicator));
        for (CatalogueFile.Entry entry : file.indicators()) {
            Indicator indicator = existing.remove(entry.code());
            if (indicator == null) {
                indicator = new Indicator(file.fiscalYear(), entry.code());
            }
            if (indicator.apply(entry, entry.sortOrder())) {
                indicators.save(indicator);
                changes++;
            }
        }
        List<Indicator> removed = List.copyOf(existing.values());
        indicators.deleteAll(removed);
        changes += removed.size();
        indicators.flush();
        return changes;
    }
}
