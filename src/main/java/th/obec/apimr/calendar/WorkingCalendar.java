package th.obec.apimr.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The offices' working days: Monday to Friday except the days off in the holiday file. The file is CSV with the
 * header {@code date_ce,year_be,fiscal_year_be,weekday,category,name_th,name_en}; only the categories listed in
 * {@code apimr.calendar.days-off} are days off (by default public and government holidays and Teachers' Day), so
 * observances that are working days stay working days. Replace the file with {@code apimr.calendar.holidays}.
 */
@Component("workingCalendar")
public class WorkingCalendar {

    private static final int MAX_STEPS = 366 * 2;

    private final Map<LocalDate, Holiday> daysOff;
    private final LocalDate firstListed;
    private final LocalDate lastListed;

    @Autowired
    WorkingCalendar(@Value("${apimr.calendar.holidays:classpath:data/holidays/thai_holidays_2023_2027.csv}")
                    Resource holidays,
                    @Value("${apimr.calendar.days-off:public,government,school}") String daysOffCategories) {
        this(read(holidays), Arrays.stream(daysOffCategories.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    /** A calendar of the given holidays, of which those in the given categories are days off. */
    public WorkingCalendar(Iterable<Holiday> holidays, Set<String> daysOffCategories) {
        Map<LocalDate, Holiday> off = new HashMap<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Holiday holiday : holidays) {
            first = first == null || holiday.date().isBefore(first) ? holiday.date() : first;
            last = last == null || holiday.date().isAfter(last) ? holiday.date() : last;
            if (daysOffCategories.contains(holiday.category())) {
                off.putIfAbsent(holiday.date(), holiday);
            }
        }
        this.daysOff = Collections.unmodifiableMap(off);
        this.firstListed = first;
        this.lastListed = last;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.containsKey(date);
    }

    /** The holiday that makes a weekday a day off, if any. */
    public Optional<Holiday> dayOff(LocalDate date) {
        return Optional.ofNullable(daysOff.get(date));
    }

    /** The working day that lies {@code days} working days before {@code date} (the date itself not counted). */
    public LocalDate workingDaysBefore(LocalDate date, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be 1 or more, was " + days);
        }
        LocalDate day = date;
        int counted = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            day = day.minusDays(1);
            if (isWorkingDay(day) && ++counted == days) {
                return day;
            }
        }
        throw new IllegalStateException("No " + days + " working days before " + date);
    }

    /** The date itself if it is a working day, else the next working day after it. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (isWorkingDay(day)) {
                return day;
            }
            day = day.plusDays(1);
        }
        throw new IllegalStateException("No working day after " + date);
    }

    /** Whether the holiday file covers the year of the date; outside it only weekends are days off. */
    public boolean covers(LocalDate date) {
        return firstListed != null && date.getYear() >= firstListed.getYear()
                && date.getYear() <= lastListed.getYear();
    }

    static java.util.List<Holiday> read(Resource resource) {
        java.util.List<Holiday> holidays = new java.util.ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").startsWith("date_ce,")) {
                throw new IllegalStateException(resource.getDescription()
                        + ": line 1 must be the header date_ce,year_be,fiscal_year_be,weekday,category,name_th,name_en");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < 7) {
                    throw new IllegalStateException(resource.getDescription() + ": line " + number
                            + " has " + cells.length + " columns, expected 7");
                }
                try {
                    holidays.add(new Holiday(LocalDate.parse(cells[0].trim()), cells[4].trim(), cells[5].trim(),
                            cells[6].trim()));
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(resource.getDescription() + ": line " + number
                            + ", column date_ce: not a date yyyy-mm-dd: " + cells[0], e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the holiday file " + resource.getDescription(), e);
        }
        return holidays;
    }
}
