package th.obec.apimr.deadline;

import static th.obec.apimr.deadline.DeadlineVariables.DUE_AT;
import static th.obec.apimr.deadline.DeadlineVariables.DUE_NOTIFIED;
import static th.obec.apimr.deadline.DeadlineVariables.ESCALATION_RAISED;
import static th.obec.apimr.deadline.DeadlineVariables.GRACE_DAYS;
import static th.obec.apimr.deadline.DeadlineVariables.NEXT_STEP;
import static th.obec.apimr.deadline.DeadlineVariables.NEXT_STEP_AT;
import static th.obec.apimr.deadline.DeadlineVariables.NEXT_STEP_DAYS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import th.obec.apimr.calendar.WorkingCalendar;
import th.obec.apimr.notification.NoticeKind;

/**
 * The schedule of one task's notices, from its due moment and the working-day calendar. Process_TaskDeadline asks
 * it for the next step after every step and after every change of the deadline:
 * {@code ${deadlineSchedule.planNext(execution)}}, and marks a step reached on its timer:
 * {@code ${deadlineSchedule.reached(execution)}}.
 * <ul>
 * <li>A reminder {@code n} goes out at the configured hour on the working day {@code n} working days before the due
 * date. A reminder whose moment has passed when the schedule is made (the task was created, or its deadline moved,
 * after it) is skipped, never sent late.</li>
 * <li>The due notice goes out at the due moment (16:30 on the due date), or at the configured hour of the next
 * working day when the due date is a day off; it is sent late, at once, when the task is created after it.</li>
 * <li>The escalation goes out at the configured hour on the grace-th working day after the due date; also sent late,
 * after the due notice, when the task is created after it.</li>
 * </ul>
 * The due notice and the escalation go out at most once per task; after an extension only the steps still ahead
 * are scheduled again.
 */
@Component("deadlineSchedule")
public class DeadlineSchedule {

    /** What the process does next; {@code kind} null means nothing is left to send. */
    record Step(NoticeKind kind, int days, Instant at) {
        static final Step NONE = new Step(null, 0, null);

        String name() {
            return kind == null ? "NONE" : kind.name();
        }
    }

    private final WorkingCalendar calendar;
    private final ReminderSettings settings;

    DeadlineSchedule(WorkingCalendar calendar, ReminderSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** Sets {@code nextStep} (REMINDER, DUE, ESCALATION or NONE), {@code nextStepDays}, {@code nextStepAt}. */
    public void planNext(DelegateExecution execution) {
        Date dueAt = (Date) execution.getVariable(DUE_AT);
        if (dueAt == null) {
            throw new IllegalStateException("Variable " + DUE_AT + " is missing");
        }
        Step step = next(dueAt.toInstant(), ClockUtil.getCurrentTime().toInstant(),
                Boolean.TRUE.equals(execution.getVariable(DUE_NOTIFIED)),
                Boolean.TRUE.equals(execution.getVariable(ESCALATION_RAISED)));
        execution.setVariable(NEXT_STEP, step.name());
        execution.setVariable(NEXT_STEP_DAYS, step.days());
        execution.setVariable(NEXT_STEP_AT, step.at() == null ? null : Date.from(step.at()));
        execution.setVariable(GRACE_DAYS, settings.graceDays());
    }

    /** The timer of the planned step fired: the due notice and the escalation are not planned again. */
    public void reached(DelegateExecution execution) {
        Object step = execution.getVariable(NEXT_STEP);
        if (NoticeKind.DUE.name().equals(step)) {
            execution.setVariable(DUE_NOTIFIED, true);
        } else if (NoticeKind.ESCALATION.name().equals(step)) {
            execution.setVariable(ESCALATION_RAISED, true);
        }
    }

    /** The next step at {@code now} of a task due at {@code dueAt}. */
    Step next(Instant dueAt, Instant now, boolean dueNotified, boolean escalationRaised) {
        for (Step reminder : reminders(dueAt)) {
            if (reminder.at().isAfter(now)) {
                return reminder;
            }
        }
        if (!dueNotified) {
            return atTheEarliest(dueNotice(dueAt), now);
        }
        if (!escalationRaised) {
            return atTheEarliest(escalation(dueAt), now);
        }
        return Step.NONE;
    }

    /** Every step of a task due at {@code dueAt}, in order. */
    List<Step> plan(Instant dueAt) {
        List<Step> steps = new ArrayList<>(reminders(dueAt));
        steps.add(dueNotice(dueAt));
        steps.add(escalation(dueAt));
        return steps;
    }

    private List<Step> reminders(Instant dueAt) {
        LocalDate dueDate = dueAt.atZone(settings.zone()).toLocalDate();
        List<Step> reminders = new ArrayList<>();
        for (int days : settings.leadDays()) {
            Instant at = atHour(calendar.workingDaysBefore(dueDate, days));
            if (at.isBefore(dueAt)) {
                reminders.add(new Step(NoticeKind.REMINDER, days, at));
            }
        }
        return reminders;
    }

    private Step dueNotice(Instant dueAt) {
        LocalDate dueDate = dueAt.atZone(settings.zone()).toLocalDate();
        Instant at = calendar.isWorkingDay(dueDate) ? dueAt : atHour(calendar.onOrAfter(dueDate));
        return new Step(NoticeKind.DUE, 0, at);
    }

    private Step escalation(Instant dueAt) {
        LocalDate day = dueAt.atZone(settings.zone()).toLocalDate();
        for (int counted = 0; counted < settings.graceDays(); counted++) {
            day = calendar.onOrAfter(day.plusDays(1));
        }
        return new Step(NoticeKind.ESCALATION, settings.graceDays(), atHour(day));
    }

    private Instant atHour(LocalDate day) {
        return day.atTime(settings.hour()).atZone(settings.zone()).toInstant();
    }

    private static Step atTheEarliest(Step step, Instant now) {
        return step.at().isBefore(now) ? new Step(step.kind(), step.days(), now) : step;
    }
}
