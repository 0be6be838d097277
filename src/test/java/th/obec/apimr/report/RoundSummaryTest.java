package th.obec.apimr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.report.ReportFixtures.count;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import th.obec.apimr.cycle.Round;
import th.obec.apimr.indicator.IndicatorCatalogue;
import th.obec.apimr.indicator.IndicatorView;
import th.obec.apimr.report.RoundSummary.IndicatorResult;
import th.obec.apimr.report.RoundSummary.MeasureTotal;
import th.obec.apimr.report.RoundSummary.OfficeResult;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TaskStub;
import th.obec.apimr.support.TestOffices.TestOffice;

/** A round's national figures for four offices in known states, against values computed by hand. */
@TaskFormSpringTest
class RoundSummaryTest {

    /** A cycle of the test's own; its 6-month reports are due 30 April 2040 (BE 2583) at 16:30 Bangkok time. */
    private static final int FISCAL_YEAR = 2583;
    private static final Instant DUE = Instant.parse("2040-04-30T09:30:00Z");
    private static final Instant LATE = DUE.plusSeconds(60);

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportService reports;

    @Autowired
    IndicatorCatalogue catalogue;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void roundSummaryOfOfficesOnTimeLateMissingAndAccepted() {
        ReportFixtures fixtures = new ReportFixtures(context);
        List<TestOffice> offices = fixtures.cycle(FISCAL_YEAR, "P4001", "P5001", "P5002", "S1001");
        TestOffice a = offices.get(0);
        TestOffice b = offices.get(1);
        TestOffice c = offices.get(2);
        TestOffice d = offices.get(3);
        // no office has analysed: each owes a report on every indicator of the catalogue
        List<String> codes = catalogue.indicators(2566).stream().map(IndicatorView::code).toList();
        assertThat(codes).hasSize(13).contains("1", "2", "12");

        // A: everything on time (at the due moment itself), all accepted: "2" at 5, the others at 4 -> 53/13 = 4.08 -> 4
        for (String code : codes) {
            TaskStub report = submit(fixtures, a, code, DUE, code.equals("2") ? 150 : null, 200);
            fixtures.review(report, a, Round.MID_YEAR, code, "ACCEPT", code.equals("2") ? 5 : 4, null);
        }
        // B: everything submitted, "12" a minute late; "2" accepted at 3 and "1" at 4 -> 3.5 -> 4
        for (String code : codes) {
            TaskStub report = submit(fixtures, b, code, code.equals("12") ? LATE : DUE,
                    code.equals("2") ? 30 : null, 40);
            if (code.equals("2")) {
                fixtures.review(report, b, Round.MID_YEAR, code, "ACCEPT", 3, null);
            } else if (code.equals("1")) {
                fixtures.review(report, b, Round.MID_YEAR, code, "ACCEPT", 4, null);
            }
        }
        // C: all but "12", on time; "2" accepted at 2, "1" returned -> level 2
        for (String code : codes) {
            if (code.equals("12")) {
                continue;
            }
            TaskStub report = submit(fixtures, c, code, DUE, code.equals("2") ? 0 : null, 10);
            if (code.equals("2")) {
                fixtures.review(report, c, Round.MID_YEAR, code, "ACCEPT", 2, null);
            } else if (code.equals("1")) {
                fixtures.review(report, c, Round.MID_YEAR, code, "RETURN", null, "ไม่ครบ");
            }
        }
        // D: nothing

        RoundSummary summary = reports.roundSummary(a.cycleId(), Round.MID_YEAR);

        assertThat(summary.fiscalYear()).isEqualTo(FISCAL_YEAR);
        assertThat(summary.reportDeadline()).isEqualTo(LocalDate.of(2040, 4, 30));
        assertThat(summary.officesTakingPart()).isEqualTo(4);
        assertThat(summary.officesSubmitted()).isEqualTo(2);
        assertThat(summary.officesOnTime()).isEqualTo(1);
        assertThat(summary.officesAccepted()).isEqualTo(1);
        assertThat(summary.officeLevels()).containsExactly(Map.entry(5, 0), Map.entry(4, 2), Map.entry(3, 0),
                Map.entry(2, 1), Map.entry(1, 0));
        assertThat(summary.offices()).containsExactly(
                new OfficeResult(a.officeCycleId(), "P4001", 13, 13, 13, true, 4),
                new OfficeResult(b.officeCycleId(), "P5001", 13, 13, 2, false, 4),
                new OfficeResult(c.officeCycleId(), "P5002", 13, 12, 1, false, 2),
                new OfficeResult(d.officeCycleId(), "S1001", 13, 0, 0, false, null));
        assertThat(reports.officeRound(b.officeCycleId(), Round.MID_YEAR)).isEqualTo(summary.offices().get(1));

        assertThat(summary.indicators()).extracting(IndicatorResult::code).containsExactlyElementsOf(codes);
        IndicatorResult dropouts = indicator(summary, "2");
        assertThat(dropouts.officesReporting()).isEqualTo(4);
        assertThat(dropouts.reportsSubmitted()).isEqualTo(3);
        assertThat(dropouts.reportsAccepted()).isEqualTo(3);
        assertThat(dropouts.levels()).containsExactly(Map.entry(5, 1), Map.entry(4, 0), Map.entry(3, 1),
                Map.entry(2, 1), Map.entry(1, 0));
        // (150 + 30 + 0) / (200 + 40 + 10) x 100
        assertThat(dropouts.achieved()).isEqualTo(180);
        assertThat(dropouts.base()).isEqualTo(250);
        assertThat(dropouts.percent()).isEqualTo(72.0);
        assertThat(dropouts.measures()).containsExactly(new MeasureTotal("DROPOUTS_HELPED",
                "เด็กออกกลางคันที่ได้รับการช่วยเหลือ", 3, 180, 250L, 72.0));

        IndicatorResult management = indicator(summary, "12");
        assertThat(management.reportsSubmitted()).isEqualTo(2);
        assertThat(management.reportsAccepted()).isEqualTo(1);
        assertThat(management.levels()).containsEntry(4, 1);
        IndicatorResult safety = indicator(summary, "1");
        assertThat(safety.reportsSubmitted()).isEqualTo(3);
        assertThat(safety.reportsAccepted()).isEqualTo(2);
        assertThat(safety.levels()).containsEntry(4, 2);
        // bases without achieved numbers do not count
        assertThat(safety.percent()).isNull();
        assertThat(safety.measures()).extracting(MeasureTotal::reports).containsOnly(0);
        // role models are plain counts: no base, no percentage
        assertThat(indicator(summary, "11").measures()).extracting(MeasureTotal::base).containsOnlyNulls();

        RoundSummary annual = reports.roundSummary(a.cycleId(), Round.ANNUAL);
        assertThat(annual.reportDeadline()).isEqualTo(LocalDate.of(2040, 10, 31));
        assertThat(annual.officesTakingPart()).isEqualTo(4);
        assertThat(annual.officesSubmitted()).isZero();
        assertThat(annual.officeLevels().values()).containsOnly(0);
    }

    private static TaskStub submit(ReportFixtures fixtures, TestOffice office, String code, Instant when,
                                   Integer dropoutsHelped, int dropoutsFound) {
        ClockUtil.setCurrentTime(Date.from(when));
        List<Map<String, Object>> counts = code.equals("2")
                ? List.of(count("DROPOUTS_HELPED", dropoutsHelped, dropoutsFound))
                : code.equals("1") ? List.of(count("NEW_THREATS", null, 100)) : List.of();
        return fixtures.submit(office, Round.MID_YEAR, code, counts);
    }

    private static IndicatorResult indicator(RoundSummary summary, String code) {
        return summary.indicators().stream().filter(result -> result.code().equals(code)).findFirst().orElseThrow();
    }
}
