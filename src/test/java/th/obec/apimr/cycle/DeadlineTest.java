package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void fiscalYear2566DefaultsFallBetweenOctober2022AndJanuary2024() {
        assertThat(Deadline.NATIONAL_ANALYSIS.defaultFor(2566)).isEqualTo(LocalDate.of(2022, 10, 31));
        assertThat(Deadline.PLAN_APPROVAL.defaultFor(2566)).isEqualTo(LocalDate.of(2023, 1, 15));
        assertThat(Deadline.ANNUAL_REPORT.defaultFor(2566)).isEqualTo(LocalDate.of(2023, 10, 31));
        assertThat(Deadline.NATIONAL_REFLECTION.defaultFor(2566)).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void defaultsFollowTheOrderOfTheCycle() {
        Deadline[] all = Deadline.values();
        for (int i = 1; i < all.length; i++) {
            assertThat(all[i].defaultFor(2567)).as(all[i].name()).isAfterOrEqualTo(all[i - 1].defaultFor(2567));
        }
    }

    @Test
    void formFieldNamesMatchTheLaunchForm() {
        assertThat(Deadline.MID_YEAR_REPORT.formField()).isEqualTo("midYearReportDue");
        assertThat(Deadline.NATIONAL_ANALYSIS.formField()).isEqualTo("nationalAnalysisDue");
    }
}
