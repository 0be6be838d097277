package th.obec.apimr.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Quick Policy indicators of each fiscal year, as loaded at start-up from every
 * {@code classpath*:data/indicators/*.json} file (one file per fiscal year, see data/README.md). A new fiscal
 * year's catalogue is only a new file. The catalogue changes only at start-up, so views are cached.
 */
@Service
public class IndicatorCatalogue {

    /** The order of the start-up runner that loads the catalogue files; later runners can rely on them. */
    public static final int LOAD_ORDER = 110;

    private final IndicatorRepository indicators;
    private final IndicatorSetRepository sets;
    private final TransactionTemplate readOnly;
    private final Map<Integer, List<IndicatorView>> cache = new ConcurrentHashMap<>();

    IndicatorCatalogue(IndicatorRepository indicators, IndicatorSetRepository sets,
                       PlatformTransactionManager transactions) {
        this.indicators = indicators;
        this.sets = sets;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The indicators of a fiscal year (BE, e.g. 2566) in catalogue order; empty when there is no catalogue. */
    public List<IndicatorView> indicators(int fiscalYear) {
        return cache.computeIfAbsent(fiscalYear, this::load);
    }

    /** One indicator by its code (e.g. {@code 6a}). */
    public Optional<IndicatorView> indicator(int fiscalYear, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return indicators(fiscalYear).stream().filter(i -> i.code().equalsIgnoreCase(wanted)).findFirst();
    }

    public boolean hasCatalogue(int fiscalYear) {
        return !indicators(fiscalYear).isEmpty();
    }

    /** The fiscal years that have a catalogue, ascending. */
    public List<Integer> fiscalYears() {
        return readOnly.execute(status -> sets.fiscalYears());
    }

    /** Forgets cached views after the catalogue tables changed. */
    void evict() {
        cache.clear();
    }

    private List<IndicatorView> load(int fiscalYear) {
        return readOnly.execute(status -> indicators.findByFiscalYearOrderBySortOrder(fiscalYear).stream()
                .map(Indicator::toView)
                .toList());
    }
}
