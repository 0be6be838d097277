package th.obec.apimr.cycle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cycle's calendar as the models read it: {@code camunda:dueDate="${cycleCalendar.dueDate(cycleId, 'PLAN')}"}
 * and the round timers. A deadline is a date; the task is due at the configured local time on that date.
 */
@Component("cycleCalendar")
public class CycleCalendar {

    private final CycleRepository cycles;
    private final OfficeDeadlineRepository officeDeadlines;
    private final ZoneId zone;
    private final LocalTime dueTime;

    CycleCalendar(CycleRepository cycles, OfficeDeadlineRepository officeDeadlines, @Value("${apimr.calendar.zone:Asia/Bangkok}") String zone,
                  @Value("${apimr.calendar.due-time:16:30}") String dueTime) {
        this.cycles = cycles;
        this.officeDeadlines = officeDeadlines;
        this.zone = ZoneId.of(zone);
        this.dueTime = LocalTime.parse(dueTime);
    }

    /** The moment a deadline falls due, for a task's due date or a timer. */
    @Transactional(readOnly = true)
    public Date dueDate(Object cycleId, String deadlineKey) {
        return Date.from(dueMoment(date(toId(cycleId), Deadline.valueOf(deadlineKey))));
    }

    @Transactional(readOnly = true)
    public LocalDate date(Long cycleId, Deadline deadline) {
        Cycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleId));
        LocalDate date = cycle.deadline(deadline);
        return date != null ? date : deadline.defaultFor(cycle.getFiscalYear());
    }

    /**
     * The moment one office's deadline falls due: the office's own date after an extension for it, else the
     * cycle's. {@code camunda:dueDate="${cycleCalendar.dueDate(cycleId, officeCode, deadlineKey)}"}; a null office
     * (a national task) reads the cycle's date.
     */
    @Transactional(readOnly = true)
    public Date dueDate(Object cycleId, String officeCode, String deadlineKey) {
        return Date.from(dueMoment(date(toId(cycleId), officeCode, Deadline.valueOf(deadlineKey))));
    }

    /** The office's effective date of a deadline (the cycle's when the office has none of its own or is null). */
    @Transactional(readOnly = true)
    public LocalDate date(Long cycleId, String officeCode, Deadline deadline) {
        if (officeCode != null) {
            var own = officeDeadlines.findById(new OfficeDeadline.Key(cycleId, officeCode, deadline));
            if (own.isPresent()) {
                return own.get().getDueDate();
            }
        }
        return date(cycleId, deadline);
    }

    /**
     * The moment the last office's deadline falls due: the cycle's date or the latest date of an office it was
     * extended for. The national round timers wait for it: {@code ${cycleCalendar.latestDueDate(cycleId, 'MID_YEAR_REVIEW')}}.
     */
    @Transactional(readOnly = true)
    public Date latestDueDate(Object cycleId, String deadlineKey) {
        Long id = toId(cycleId);
        Deadline deadline = Deadline.valueOf(deadlineKey);
        LocalDate latest = date(id, deadline);
        for (OfficeDeadline own : officeDeadlines.findByCycleIdAndDeadline(id, deadline)) {
            latest = own.getDueDate().isAfter(latest) ? own.getDueDate() : latest;
        }
        return Date.from(dueMoment(latest));
    }

    /**
     * Moves a deadline of a running cycle for one office, or for every office when {@code officeCode} is null.
     * Moving it for every office makes the cycle's date the new one and drops the offices' own dates that it
     * reaches; an office extended beyond it keeps its later date. Checks belong to the caller.
     */
    @Transactional
    public void move(Long cycleId, String officeCode, Deadline deadline, LocalDate date) {
        Cycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No cycle " + cycleId));
        if (officeCode == null) {
            cycle.moveDeadline(deadline, date);
            for (OfficeDeadline own : officeDeadlines.findByCycleIdAndDeadline(cycleId, deadline)) {
                if (!own.getDueDate().isAfter(date)) {
                    officeDeadlines.delete(own);
                }
            }
            return;
        }
        officeDeadlines.findById(new OfficeDeadline.Key(cycleId, officeCode, deadline)).ifPresentOrElse(
                own -> own.move(date),
                () -> officeDeadlines.save(new OfficeDeadline(cycleId, officeCode, deadline, date)));
    }

    /** The first date a deadline of the fiscal year (BE) may have: three months before the year starts. */
    public static LocalDate earliestDate(int fiscalYear) {
        return LocalDate.of(fiscalYear - 544, 10, 1).minusMonths(3);
    }

    /** The last date a deadline of the fiscal year (BE) may have: six months after the year ends. */
    public static LocalDate latestDate(int fiscalYear) {
        return LocalDate.of(fiscalYear - 544, 10, 1).plusYears(1).plusMonths(6);
    }

    public java.time.Instant dueMoment(LocalDate date) {
        return date.atTime(dueTime).atZone(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every deadline of a fiscal year at its default, overridden by the given dates. */
    public static Map<Deadline, LocalDate> calendar(int fiscalYear, Map<Deadline, LocalDate> overrides) {
        Map<Deadline, LocalDate> calendar = new EnumMap<>(Deadline.class);
        for (Deadline deadline : Deadline.values()) {
            calendar.put(deadline, overrides.getOrDefault(deadline, deadline.defaultFor(fiscalYear)));
        }
        return calendar;
    }

    static Long toId(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.valueOf(text.trim());
        }
        throw new IllegalArgumentException("Not a cycle id: " + value);
    }
}
