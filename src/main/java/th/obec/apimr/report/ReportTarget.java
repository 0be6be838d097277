package th.obec.apimr.report;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.indicator.MeasureView;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeType;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.system.TaskContext;

/**
 * What a report task is about: the office's cycle, the round and the indicator with the measures this office
 * reports (those of its level: สพป. or สพม.).
 */
record ReportTarget(OfficeCycleView officeCycle, Round round, IndicatorView indicator, List<MeasureView> measures) {

    static ReportTarget of(DelegateTask task, CycleService cycles, IndicatorCatalogue catalogue,
                           OfficeService offices) {
        OfficeCycleView officeCycle = cycles.officeCycle(TaskContext.requiredId(task, TaskContext.OFFICE_CYCLE_ID));
        Round round = ReportVariables.round(task);
        String code = ReportVariables.indicatorCode(task);
        IndicatorView indicator = catalogue.indicator(officeCycle.catalogueYear(), code)
                .orElseThrow(() -> new IllegalStateException(
                        "No indicator " + code + " in the catalogue " + officeCycle.catalogueYear()));
        OfficeType type = offices.find(officeCycle.officeCode()).map(OfficeView::type)
                .orElseGet(() -> typeOfCode(officeCycle.officeCode()));
        return new ReportTarget(officeCycle, round, indicator,
                type == null ? indicator.measures() : indicator.measuresFor(type));
    }

    /** The office code tells the type by its first letter (P or S). */
    private static OfficeType typeOfCode(String officeCode) {
        for (OfficeType type : OfficeType.values()) {
            if (officeCode != null && !officeCode.isEmpty() && officeCode.charAt(0) == type.codePrefix()) {
                return type;
            }
        }
        return null;
    }

    Long officeCycleId() {
        return officeCycle.id();
    }

    String indicatorCode() {
        return indicator.code();
    }
}
