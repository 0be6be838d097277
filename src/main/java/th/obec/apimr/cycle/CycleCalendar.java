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
    private final ZoneId zone;
    private final LocalTime dueTime;

    CycleCalendar(CycleRepository cycles, @Value("${apimr.calendar.zone:Asia/Bangkok}") String zone,
                  @Value("${apimr.calendar.due-time:16:30}") String dueTime) {
        this.cycles = cycles;
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
