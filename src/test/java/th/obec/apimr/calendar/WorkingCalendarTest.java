package th.obec.apimr.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = new WorkingCalendar(
            new ClassPathResource("data/holidays/thai_holidays_2023_2027.csv"), "public,government,school");

    @Test
    void weekendsAndPublicHolidaysAreDaysOff() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 4, 12))).isTrue();   // Wednesday
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 4, 13))).isFalse();  // Songkran
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 4, 17))).isFalse();  // Songkran in lieu
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 4, 22))).isFalse();  // Saturday
        assertThat(calendar.dayOff(LocalDate.of(2023, 5, 4))).get()
                .extracting(Holiday::nameTh).isEqualTo("วันฉัตรมงคล");
    }

    @Test
    void observancesThatAreWorkingDaysStayWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 1, 13))).isTrue();   // National Aviation Day
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 17))).isFalse();  // Royal Ploughing Ceremony
    }

    @Test
    void countsWorkingDaysBackOverHolidaysAndWeekends() {
        // Due Friday 21 April 2023: 20th, 19th and 18th are the 1st to 3rd working days before it; the 4th skips
        // Songkran in lieu (Monday 17th), the weekend and Songkran (13th, 14th) back to Wednesday 12th.
        LocalDate due = LocalDate.of(2023, 4, 21);
        assertThat(calendar.workingDaysBefore(due, 1)).isEqualTo(LocalDate.of(2023, 4, 20));
        assertThat(calendar.workingDaysBefore(due, 3)).isEqualTo(LocalDate.of(2023, 4, 18));
        assertThat(calendar.workingDaysBefore(due, 4)).isEqualTo(LocalDate.of(2023, 4, 12));
    }

    @Test
    void movesADayOffToTheNextWorkingDay() {
        assertThat(calendar.onOrAfter(LocalDate.of(2023, 4, 13))).isEqualTo(LocalDate.of(2023, 4, 18));
        assertThat(calendar.onOrAfter(LocalDate.of(2023, 4, 18))).isEqualTo(LocalDate.of(2023, 4, 18));
    }

    @Test
    void refusesAFileWithoutItsHeaderNamingTheLine() {
        ByteArrayResource bad = new ByteArrayResource("2023-01-01,x\n".getBytes(StandardCharsets.UTF_8), "bad.csv");
        assertThatThrownBy(() -> new WorkingCalendar(bad, "public"))
                .hasMessageContaining("line 1");
    }

    @Test
    void refusesABadDateNamingLineAndColumn() {
        ByteArrayResource bad = new ByteArrayResource(
                "date_ce,year_be,fiscal_year_be,weekday,category,name_th,name_en\n31/12/2023,2566,2567,Sun,public,a,b\n"
                        .getBytes(StandardCharsets.UTF_8), "bad.csv");
        assertThatThrownBy(() -> new WorkingCalendar(bad, "public"))
                .hasMessageContaining("line 2").hasMessageContaining("date_ce");
    }
}
