package th.obec.apimr.report;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.analysis.AnalysisService;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;

/**
 * Which indicators an office reports on in each round: those it chose in its policy analysis, or the whole
 * catalogue of the cycle when it chose none. The monitoring sub-processes run one report per code:
 * {@code ${reportPlan.indicatorCodes(officeCycleId)}}.
 */
@Component("reportPlan")
public class ReportPlan {

    private final AnalysisService analyses;
    private final CycleService cycles;
    private final IndicatorCatalogue catalogue;

    ReportPlan(AnalysisService analyses, CycleService cycles, IndicatorCatalogue catalogue) {
        this.analyses = analyses;
        this.cycles = cycles;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public List<String> indicatorCodes(Object officeCycleId) {
        OfficeCycleView officeCycle = cycles.officeCycle(toId(officeCycleId));
        return indicatorCodes(officeCycle, catalogue.indicators(officeCycle.catalogueYear()));
    }

    /** Same, with the cycle's catalogue already at hand (for many offices at once). */
    List<String> indicatorCodes(OfficeCycleView officeCycle, List<IndicatorView> cycleCatalogue) {
        List<String> chosen = analyses.chosenIndicatorCodes(officeCycle.id());
        if (chosen != null && !chosen.isEmpty()) {
            return List.copyOf(chosen);
        }
        return cycleCatalogue.stream().map(IndicatorView::code).toList();
    }

    static Long toId(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.valueOf(text.trim());
        }
        throw new IllegalArgumentException("Not an office cycle id: " + value);
    }
}
