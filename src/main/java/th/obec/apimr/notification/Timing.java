package th.obec.apimr.notification;

import java.time.LocalDate;

import th.obec.apimr.calendar.WorkingCalendar;

/**
 * How a due date stands on a given day, in working days: {@code daysLeft} working days after today up to and
 * including the due date (0 when due today), or {@code daysLate} working days after the due date up to and
 * including today. Null where unknown (no due date) or not applicable.
 */
record Timing(Integer daysLeft, Integer daysLate) {

    private static final int MAX_DAYS = 3 * 366;

    static Timing of(LocalDate due, LocalDate today, WorkingCalendar calendar) {
        if (due == null) {
            return new Timing(null, null);
        }
        if (!due.isBefore(today)) {
            return new Timing(workingDaysAfterUpTo(today, due, calendar), null);
        }
        return new Timing(null, Math.max(1, workingDaysAfterUpTo(due, today, calendar)));
    }

    boolean dueToday() {
        return daysLeft != null && daysLeft == 0;
    }

    boolean overdue() {
        return daysLate != null;
    }

    private static int workingDaysAfterUpTo(LocalDate from, LocalDate to, WorkingCalendar calendar) {
        int count = 0;
        LocalDate day = from.plusDays(1);
        for (int step = 0; !day.isAfter(to) && step < MAX_DAYS; step++, day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
