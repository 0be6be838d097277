package th.obec.apimr.deadline;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When reminders and escalations go out: {@code apimr.reminders.hour} (local time of {@code apimr.calendar.zone}),
 * {@code apimr.reminders.lead-days} (working days before the due date) and
 * {@code apimr.reminders.escalation-grace-days} (working days after it).
 */
@Component("reminderSettings")
class ReminderSettings {

    private final LocalTime hour;
    private final List<Integer> leadDays;
    private final int graceDays;
    private final ZoneId zone;

    ReminderSettings(@Value("${apimr.reminders.hour:09:00}") String hour,
                     @Value("${apimr.reminders.lead-days:7,3,1}") String leadDays,
                     @Value("${apimr.reminders.escalation-grace-days:7}") int graceDays,
                     @Value("${apimr.calendar.zone:Asia/Bangkok}") String zone) {
        this.hour = LocalTime.parse(hour.trim().length() == 4 ? "0" + hour.trim() : hour.trim());
        this.leadDays = Arrays.stream(leadDays.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .distinct().sorted(Comparator.reverseOrder()).toList();
        if (this.leadDays.stream().anyMatch(days -> days < 1)) {
            throw new IllegalArgumentException("apimr.reminders.lead-days must be working days of 1 or more: " + leadDays);
        }
        if (graceDays < 1) {
            throw new IllegalArgumentException("apimr.reminders.escalation-grace-days must be 1 or more: " + graceDays);
        }
        this.graceDays = graceDays;
        this.zone = ZoneId.of(zone);
    }

    LocalTime hour() {
        return hour;
    }

    /** The lead times, longest first. */
    List<Integer> leadDays() {
        return leadDays;
    }

    int graceDays() {
        return graceDays;
    }

    ZoneId zone() {
        return zone;
    }
}
