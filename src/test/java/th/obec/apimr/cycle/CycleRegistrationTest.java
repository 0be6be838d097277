package th.obec.apimr.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import th.obec.apimr.task.FormValidationException;

@SpringBootTest
@ActiveProfiles("test")
@Transactional
class CycleRegistrationTest {

    @Autowired
    CycleService cycles;
    @Autowired
    CycleCalendar calendar;

    @Test
    void launchWithoutOfficesTakesEveryActiveOfficeAndTheDefaultCalendar() {
        CycleView cycle = cycles.register(new LaunchRequest(2566, 2566, Set.of(), Map.of()), "admin", "pi-1");

        assertThat(cycle.offices()).isEqualTo(245);
        assertThat(cycle.deadlines()).containsEntry(Deadline.MID_YEAR_REPORT, LocalDate.of(2023, 4, 30))
                .containsEntry(Deadline.ANALYSIS, LocalDate.of(2022, 11, 30))
                .containsEntry(Deadline.NATIONAL_REFLECTION, LocalDate.of(2024, 1, 31));
        assertThat(cycles.officeCodes(cycle.id())).hasSize(245).contains("P5002", "S1001");
        assertThat(cycles.businessKey(cycle.id(), "P5002")).isEqualTo("FY2566-P5002");
    }

    @Test
    void taskIsDueAtHalfPastFourBangkokTimeOnTheDeadline() {
        CycleView cycle = cycles.register(new LaunchRequest(2566, 2566, Set.of("P5002"),
                Map.of(Deadline.PLAN, LocalDate.of(2023, 1, 6))), "admin", null);

        ZonedDateTime due = calendar.dueDate(cycle.id(), "PLAN").toInstant().atZone(ZoneId.of("Asia/Bangkok"));
        assertThat(due.toLocalDate()).isEqualTo(LocalDate.of(2023, 1, 6));
        assertThat(due.toLocalTime().toString()).isEqualTo("16:30");
    }

    @Test
    void refusesASecondCycleForTheSameFiscalYear() {
        cycles.register(new LaunchRequest(2566, 2566, Set.of("P5002"), Map.of()), "admin", null);

        assertThatThrownBy(() -> cycles.register(new LaunchRequest(2566, 2566, Set.of("P5001"), Map.of()), "admin", null))
                .isInstanceOf(FormValidationException.class)
                .hasFieldOrPropertyWithValue("field", "fiscalYear");
    }

    @Test
    void refusesUnknownOfficeNamingIt() {
        Set<String> offices = new LinkedHashSet<>(List.of("P5002", "X9999"));
        assertThatThrownBy(() -> cycles.register(new LaunchRequest(2566, 2566, offices, Map.of()), "admin", null))
                .isInstanceOf(FormValidationException.class)
                .hasMessageContaining("officeCodes").hasMessageContaining("X9999");
        assertThat(cycles.cycles()).isEmpty();
    }

    @Test
    void refusesAFiscalYearWithoutIndicatorCatalogue() {
        assertThatThrownBy(() -> cycles.register(new LaunchRequest(2590, 2590, Set.of("P5002"), Map.of()), "admin", null))
                .isInstanceOf(FormValidationException.class)
                .hasFieldOrPropertyWithValue("field", "catalogueYear");
    }

    @Test
    void refusesDeadlinesOutOfOrderOrOutsideTheFiscalYear() {
        assertThatThrownBy(() -> cycles.register(new LaunchRequest(2566, 2566, Set.of("P5002"),
                Map.of(Deadline.PLAN_APPROVAL, LocalDate.of(2022, 12, 1))), "admin", null))
                .isInstanceOf(FormValidationException.class)
                .hasFieldOrPropertyWithValue("field", "planApprovalDue");
        assertThatThrownBy(() -> cycles.register(new LaunchRequest(2566, 2566, Set.of("P5002"),
                Map.of(Deadline.ANNUAL_REPORT, LocalDate.of(2026, 10, 31))), "admin", null))
                .isInstanceOf(FormValidationException.class)
                .hasFieldOrPropertyWithValue("field", "annualReportDue");
        assertThat(cycles.cycles()).isEmpty();
    }
}
