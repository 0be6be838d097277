package th.obec.apimr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;

import th.obec.apimr.analysis.AnalysisService;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.cycle.Phase;
import th.obec.apimr.indicator.Dimension;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;

/** Which indicators an office reports on: its choice, or the whole catalogue when it chose none. */
class ReportPlanTest {

    private final AnalysisService analyses = mock(AnalysisService.class);
    private final CycleService cycles = mock(CycleService.class);
    private final IndicatorCatalogue catalogue = mock(IndicatorCatalogue.class);
    private final ReportPlan plan = new ReportPlan(analyses, cycles, catalogue);

    ReportPlanTest() {
        when(cycles.officeCycle(7L)).thenReturn(new OfficeCycleView(7L, 1L, 2567, 2566, "P5002", "FY2567-P5002",
                null, Phase.MONITORING_MID_YEAR, null, null, null, null));
        when(catalogue.indicators(2566)).thenReturn(List.of(indicator("1"), indicator("2"), indicator("6a")));
    }

    @Test
    void theIndicatorsTheOfficeChose() {
        when(analyses.chosenIndicatorCodes(7L)).thenReturn(List.of("2", "6a"));

        assertThat(plan.indicatorCodes(7L)).containsExactly("2", "6a");
        assertThat(plan.indicatorCodes("7")).containsExactly("2", "6a");
    }

    @Test
    void theWholeCatalogueOfTheCycleWhenNoneWasChosen() {
        when(analyses.chosenIndicatorCodes(7L)).thenReturn(List.of());

        assertThat(plan.indicatorCodes(7)).containsExactly("1", "2", "6a");
    }

    private static IndicatorView indicator(String code) {
        return new IndicatorView(code, "ตัวชี้วัด " + code, "Indicator " + code, Dimension.QUALITY, List.of());
    }
}
