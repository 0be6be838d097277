package th.obec.apimr.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline extension as the API shows it. {@code officeCode} is absent for an extension of every office;
 * {@code tasksMoved} counts the open tasks whose due date (and pending reminders) moved with it.
 */
record ExtensionView(Long id, Long cycleId, String deadlineKey, String officeCode, LocalDate oldDate,
                     LocalDate newDate, String reason, String extendedBy, Instant extendedAt, int tasksMoved) {
}
