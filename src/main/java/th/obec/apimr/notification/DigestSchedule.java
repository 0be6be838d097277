package th.obec.apimr.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import th.obec.apimr.system.TaskContext;

/**
 * When the daily digest process starts, for {@code processes/DailyDigest.bpmn} ({@code ${digestSchedule...}}).
 * <p>
 * The engine evaluates a cron {@code timeCycle} in the JVM's default time zone, which differs between a
 * developer's machine and a server. The timer therefore uses an ISO 8601 repeating interval whose start carries the
 * explicit UTC offset of {@code apimr.calendar.zone}: {@code R/2020-01-01T08:00+07:00/P1D} fires every day at
 * {@code apimr.notifications.digest-hour} local time, whatever the JVM's zone. (A fixed offset: right for
 * Asia/Bangkok, which has no daylight saving time; a zone with DST would shift by an hour half the year.)
 */
@Component("digestSchedule")
public class DigestSchedule {

    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private final LocalTime hour;
    private final ZoneId zone;

    DigestSchedule(@Value("${apimr.notifications.digest-hour:08:00}") LocalTime hour,
                   @Value("${apimr.calendar.zone:Asia/Bangkok}") ZoneId zone) {
        this.hour = hour;
        this.zone = zone;
    }

    /** The timer's cycle: every day at the digest hour in the calendar's zone. */
    public String cycle() {
        LocalDateTime first = FIRST_DAY.atTime(hour);
        ZoneOffset offset = zone.getRules().getOffset(first);
        return "R/" + first.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
    }

    /** Whether a timer due at this moment fires at the digest hour (to the minute) in the calendar's zone. */
    public boolean firesAtDigestHour(java.util.Date due) {
        LocalTime local = due.toInstant().atZone(zone).toLocalTime().withSecond(0).withNano(0);
        return local.equals(hour.withSecond(0).withNano(0));
    }

    /** Today in the calendar's zone by the engine's clock, as {@code yyyy-mm-dd}: the digest's day. */
    public String today() {
        return LocalDate.ofInstant(TaskContext.now(), zone).toString();
    }

    /** A day written by {@link #today()}. */
    public LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
