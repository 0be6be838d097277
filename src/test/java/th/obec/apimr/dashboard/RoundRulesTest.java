package th.obec.apimr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import th.obec.apimr.cycle.Phase;
import th.obec.apimr.cycle.Round;
import th.obec.apimr.dashboard.DashboardViews.OfficeRound;
import th.obec.apimr.dashboard.DashboardViews.RoundFigures;
import th.obec.apimr.dashboard.RoundRules.ReportRow;
import th.obec.apimr.report.ReportStatus;

/** The status precedence and the rounding of the dashboard's rules, on rows made by hand. */
class RoundRulesTest {

    private static final Instant DUE = Instant.parse("2023-04-30T09:30:00Z");
    private static final Instant BEFORE = DUE.minusSeconds(86_400);
    private static final Instant AFTER = DUE.plusSeconds(86_400);
    private static final List<String> OWES = List.of("1", "2");

    @Test
    void anOfficeThatHasNotReachedTheRoundHasNotStartedUntilTheDeadlinePasses() {
        assertThat(status(List.of(), BEFORE, Phase.IMPLEMENTATION)).isEqualTo(RoundStatus.NOT_STARTED);
        assertThat(status(List.of(), BEFORE, Phase.MONITORING_MID_YEAR)).isEqualTo(RoundStatus.IN_PROGRESS);
        assertThat(status(List.of(), AFTER, Phase.IMPLEMENTATION)).isEqualTo(RoundStatus.MISSING);
        assertThat(status(List.of(report("1", ReportStatus.SUBMITTED, null, BEFORE)), BEFORE, Phase.IMPLEMENTATION))
                .isEqualTo(RoundStatus.IN_PROGRESS);
    }

    @Test
    void aReturnedReportShowsUntilTheDeadlineLeavesOneMissing() {
        List<ReportRow> oneReturned = List.of(report("1", ReportStatus.RETURNED, null, BEFORE));
        assertThat(status(oneReturned, BEFORE, Phase.MONITORING_MID_YEAR)).isEqualTo(RoundStatus.RETURNED);
        assertThat(status(oneReturned, AFTER, Phase.MONITORING_MID_YEAR)).isEqualTo(RoundStatus.MISSING);
        List<ReportRow> bothOneReturned = List.of(report("1", ReportStatus.RETURNED, null, BEFORE),
                report("2", ReportStatus.ACCEPTED, 4, BEFORE));
        assertThat(status(bothOneReturned, AFTER, Phase.MONITORING_MID_YEAR)).isEqualTo(RoundStatus.RETURNED);
    }

    @Test
    void lateIsJudgedByTheFirstSubmissionAndTheDueMomentItselfIsOnTime() {
        List<ReportRow> atDue = List.of(report("1", ReportStatus.SUBMITTED, null, DUE),
                report("2", ReportStatus.SUBMITTED, null, BEFORE));
        assertThat(status(atDue, AFTER, Phase.MONITORING_MID_YEAR)).isEqualTo(RoundStatus.SUBMITTED_ON_TIME);
        List<ReportRow> oneLate = List.of(report("1", ReportStatus.SUBMITTED, null, DUE.plusSeconds(1)),
                report("2", ReportStatus.SUBMITTED, null, BEFORE));
        assertThat(status(oneLate, AFTER, Phase.MONITORING_MID_YEAR)).isEqualTo(RoundStatus.SUBMITTED_LATE);
    }

    @Test
    void levelIsTheMeanOfAcceptedLevelsRoundedHalfUpAndFiguresHaveOneDecimal() {
        OfficeRound accepted = RoundRules.officeRound(Round.MID_YEAR, OWES, List.of(
                report("1", ReportStatus.ACCEPTED, 4, BEFORE), report("2", ReportStatus.ACCEPTED, 3, AFTER)),
                DUE, AFTER, Phase.MONITORING_ANNUAL);
        assertThat(accepted.status()).isEqualTo(RoundStatus.ACCEPTED);
        assertThat(accepted.qualityLevel()).isEqualTo(4);
        assertThat(accepted.onTime()).isFalse();

        OfficeRound missing = RoundRules.officeRound(Round.MID_YEAR, OWES, List.of(), DUE, AFTER, Phase.PLANNING);
        OfficeRound inProgress = RoundRules.officeRound(Round.MID_YEAR, OWES, List.of(), DUE, BEFORE,
                Phase.MONITORING_MID_YEAR);
        RoundFigures figures = RoundRules.figures(Round.MID_YEAR, List.of(accepted, missing, inProgress));
        assertThat(figures.completeness()).isEqualTo(33.3);   // 1 / 3
        assertThat(figures.timeliness()).isEqualTo(0.0);
        assertThat(figures.late()).isEqualTo(1);
        assertThat(figures.levels()).containsEntry(4, 1);
        assertThat(figures.noLevel()).isEqualTo(2);
        assertThat(RoundRules.figures(Round.ANNUAL, List.of()).completeness()).isNull();
        assertThat(RoundRules.percent(2, 3)).isEqualTo(66.7);
    }

    private static RoundStatus status(List<ReportRow> reports, Instant now, Phase phase) {
        return RoundRules.officeRound(Round.MID_YEAR, OWES, reports, DUE, now, phase).status();
    }

    private static ReportRow report(String code, ReportStatus status, Integer level, Instant firstSubmitted) {
        return new ReportRow(1L, Round.MID_YEAR, code, status, level, firstSubmitted);
    }
}
