package th.obec.apimr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import th.obec.apimr.calendar.Holiday;
import th.obec.apimr.calendar.WorkingCalendar;
import th.obec.apimr.notification.NoticeKind;
import th.obec.apimr.notification.TaskNotifier;
import th.obec.apimr.support.DueJobs;

/**
 * Process_TaskDeadline on its own, with the real schedule and the shipped Thai holidays, moving the engine clock:
 * which notice goes to whom and when. The notifier records what it is asked to send.
 */
@Deployment(resources = "processes/TaskDeadline.bpmn")
class TaskDeadlineProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9).build();

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String TASK_ID = "task-1";
    private static final String COORDINATORS = "office-P5002-coordinators";
    private static final String DIRECTORS = "office-P5002-directors";
    private static final String REVIEWERS = "region-15-reviewers";

    private RuntimeService runtimeService;
    private ManagementService managementService;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<Map<String, Object>> marked = new CopyOnWriteArrayList<>();

    /** A notice as the notifier was asked for it, with the engine's time. */
    record Notice(NoticeKind kind, int step, List<String> groups, LocalDateTime at) {
    }

    static final class RecordingNotifier implements TaskNotifier {
        final List<Notice> notices = new CopyOnWriteArrayList<>();
        volatile int failuresLeft;

        @Override
        public void notifyTask(String taskId, NoticeKind kind, int step, Collection<String> groupIds) {
            assertThat(taskId).isEqualTo(TASK_ID);
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("SMTP server not reachable");
            }
            notices.add(new Notice(kind, step, List.copyOf(groupIds),
                    LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BANGKOK)));
        }
    }

    @BeforeEach
    void registerBeans() {
        runtimeService = extension.getRuntimeService();
        managementService = extension.getManagementService();
        WorkingCalendar calendar = new WorkingCalendar(shippedHolidays(), Set.of("public", "government", "school"));
        ReminderSettings settings = new ReminderSettings("09:00", "7,3,1", 7, "Asia/Bangkok");
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("taskNotifier", notifier));
        Mocks.register("deadlineSchedule", new DeadlineSchedule(calendar, settings));
        Mocks.register("taskNoticeDelegate", new TaskNoticeDelegate(beans.getBeanProvider(TaskNotifier.class)));
        Mocks.register("deadlineGroups", new DeadlineGroups());
        Mocks.register("markTaskEscalatedDelegate", (JavaDelegate) (DelegateExecution execution) -> {
            Map<String, Object> seen = new HashMap<>(execution.getVariables());
            seen.put("watchedTaskId", DeadlineVariables.taskId(execution));
            marked.add(seen);
        });
    }

    @AfterEach
    void resetClockAndBeans() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void remindsSevenThreeAndOneWorkingDaysBeforeDueAtNineSkippingSongkran() {
        // Due Thursday 20 April 2023; Songkran 13, 14, (15) and 17 April and Chakri Day 6 April are days off
        at(2023, 3, 20, 10, 0);
        start(due(2023, 4, 20));

        assertThat(nextTimer()).isEqualTo(local(2023, 4, 5, 9, 0));
        runJobsAt(2023, 4, 5, 8, 59);
        assertThat(notifier.notices).as("nothing before the first lead time").isEmpty();

        runJobsAt(2023, 4, 5, 9, 0);
        assertThat(notifier.notices).containsExactly(
                new Notice(NoticeKind.REMINDER, 7, List.of(COORDINATORS), local(2023, 4, 5, 9, 0)));

        assertThat(nextTimer()).as("3 working days before, Songkran not counted").isEqualTo(local(2023, 4, 12, 9, 0));
        runJobsAt(2023, 4, 12, 9, 0);
        assertThat(nextTimer()).isEqualTo(local(2023, 4, 19, 9, 0));
        runJobsAt(2023, 4, 19, 9, 0);

        assertThat(notifier.notices).extracting(Notice::kind, Notice::step, Notice::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 7, local(2023, 4, 5, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 3, local(2023, 4, 12, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 1, local(2023, 4, 19, 9, 0)));
    }

    @Test
    void coronationDayAndTheBridgeHolidayMoveTheRemindersEarlier() {
        // Due Monday 8 May 2023: 4 May (Coronation Day), 5 May (bridge holiday) and 1 May (Labour Day) are off
        at(2023, 4, 1, 10, 0);
        start(due(2023, 5, 8));

        runJobsAt(2023, 5, 3, 9, 0);

        assertThat(notifier.notices).extracting(Notice::step, Notice::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, local(2023, 4, 24, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(3, local(2023, 4, 28, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(1, local(2023, 5, 3, 9, 0)));
    }

    @Test
    void dueNoticeAtDueTimeThenEscalationToReviewersAndMonitorsAfterSevenWorkingDays() {
        at(2023, 4, 19, 10, 0);
        ProcessInstance deadline = start(due(2023, 4, 20));

        runJobsAt(2023, 4, 20, 16, 29);
        assertThat(notifier.notices).as("not due yet").isEmpty();
        runJobsAt(2023, 4, 20, 16, 30);
        assertThat(notifier.notices).containsExactly(
                new Notice(NoticeKind.DUE, 0, List.of(COORDINATORS, DIRECTORS), local(2023, 4, 20, 16, 30)));

        // 7 working days after Thursday 20 April: 21, 24-28 April, and 2 May (1 May is Labour Day)
        assertThat(nextTimer()).isEqualTo(local(2023, 5, 2, 9, 0));
        runJobsAt(2023, 5, 1, 9, 0);
        assertThat(marked).isEmpty();
        runJobsAt(2023, 5, 2, 9, 0);

        assertThat(notifier.notices).last().isEqualTo(
                new Notice(NoticeKind.ESCALATION, 7, List.of(REVIEWERS, "obec-monitor"), local(2023, 5, 2, 9, 0)));
        assertThat(marked).singleElement().satisfies(variables ->
                assertThat(variables).containsEntry("watchedTaskId", TASK_ID).containsEntry("graceDays", 7));
        assertThat(ended(deadline)).as("nothing left to send").isTrue();
    }

    @Test
    void aWatchStartedByAnEarlierReleaseTellsTheGroupsItWasStartedWith() {
        at(2023, 4, 19, 10, 0);
        Map<String, Object> variables = variables(due(2023, 4, 20));
        variables.put("taskId", TASK_ID);
        variables.put("taskName", "จัดทำแผนงาน/โครงการ");
        variables.put("cycleId", 42L);
        variables.put("deadlineKey", "PLAN");
        variables.put("dueNoticeGroups", DIRECTORS);
        variables.put("escalationGroups", "obec-monitor");
        runtimeService.startProcessInstanceByKey("Process_TaskDeadline", TASK_ID, variables);

        runJobsAt(2023, 5, 2, 9, 0);

        assertThat(notifier.notices).extracting(Notice::kind, Notice::groups).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeKind.DUE, List.of(DIRECTORS)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.ESCALATION, List.of("obec-monitor")));
    }

    @Test
    void aNationalTaskIsEscalatedToMonitorsAndAdministrators() {
        at(2023, 4, 19, 10, 0);
        Map<String, Object> variables = variables(due(2023, 4, 20));
        variables.put("officeCode", null);
        variables.put("regionCode", null);
        variables.put("candidateGroups", "obec-monitor");
        runtimeService.startProcessInstanceByKey("Process_TaskDeadline", TASK_ID, variables);

        runJobsAt(2023, 5, 2, 9, 0);

        assertThat(notifier.notices).extracting(Notice::kind, Notice::groups).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeKind.DUE, List.of("obec-monitor")),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.ESCALATION, List.of("obec-monitor", "obec-admin")));
    }

    @Test
    void taskCreatedAfterALeadTimeSkipsThatReminderInsteadOfSendingItLate() {
        at(2023, 4, 10, 10, 0);
        start(due(2023, 4, 20));

        runJobsAt(2023, 4, 10, 10, 0);
        assertThat(notifier.notices).isEmpty();
        assertThat(nextTimer()).isEqualTo(local(2023, 4, 12, 9, 0));
    }

    @Test
    void taskCreatedAfterItsDueDateGetsTheDueNoticeAtOnceButNoReminders() {
        at(2023, 4, 24, 10, 0);
        start(due(2023, 4, 20));

        runJobsAt(2023, 4, 24, 10, 0);

        assertThat(notifier.notices).extracting(Notice::kind, Notice::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NoticeKind.DUE, local(2023, 4, 24, 10, 0)));
        assertThat(nextTimer()).isEqualTo(local(2023, 5, 2, 9, 0));
    }

    @Test
    void completingTheTaskCancelsItsPendingReminders() {
        at(2023, 3, 20, 10, 0);
        ProcessInstance deadline = start(due(2023, 4, 20));
        runJobsAt(2023, 4, 5, 9, 0);

        runtimeService.createMessageCorrelation("TaskClosed").processInstanceBusinessKey(TASK_ID).correlateAll();

        assertThat(ended(deadline)).isTrue();
        assertThat(managementService.createJobQuery().count()).isZero();
        runJobsAt(2023, 5, 31, 9, 0);
        assertThat(notifier.notices).hasSize(1);
    }

    @Test
    void deadlineChangedMovesThePendingNotices() {
        at(2023, 3, 20, 10, 0);
        ProcessInstance deadline = start(due(2023, 4, 20));
        runJobsAt(2023, 4, 5, 9, 0);

        runtimeService.setVariable(deadline.getId(), "dueAt", due(2023, 5, 8));
        runtimeService.createMessageCorrelation("DeadlineChanged").processInstanceBusinessKey(TASK_ID).correlateAll();

        assertThat(nextTimer()).as("7 working days before the new date").isEqualTo(local(2023, 4, 24, 9, 0));
        runJobsAt(2023, 4, 21, 9, 0);
        assertThat(notifier.notices).as("nothing on the old dates").hasSize(1);
        runJobsAt(2023, 5, 8, 16, 30);
        assertThat(notifier.notices).extracting(Notice::kind, Notice::step, Notice::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 7, local(2023, 4, 5, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 7, local(2023, 4, 24, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 3, local(2023, 4, 28, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.REMINDER, 1, local(2023, 5, 3, 9, 0)),
                org.assertj.core.groups.Tuple.tuple(NoticeKind.DUE, 0, local(2023, 5, 8, 16, 30)));
    }

    @Test
    void aNoticeThatCannotBeDeliveredIsRetriedTenMinutesLater() {
        at(2023, 3, 20, 10, 0);
        start(due(2023, 4, 20));
        notifier.failuresLeft = 1;
        at(2023, 4, 5, 9, 0);
        managementService.executeJob(managementService.createJobQuery().timers().singleResult().getId());
        Job send = managementService.createJobQuery().executable().singleResult();

        assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("SMTP");

        Job failed = managementService.createJobQuery().jobId(send.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(LocalDateTime.ofInstant(failed.getDuedate().toInstant(), BANGKOK)).isEqualTo(local(2023, 4, 5, 9, 10));
        runJobsAt(2023, 4, 5, 9, 10);
        assertThat(notifier.notices).extracting(Notice::step, Notice::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7, local(2023, 4, 5, 9, 10)));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A watch as the task listener starts it. */
    private ProcessInstance start(Date dueAt) {
        return runtimeService.startProcessInstanceByKey("Process_TaskDeadline", TASK_ID, variables(dueAt));
    }

    private Map<String, Object> variables(Date dueAt) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("officeCode", "P5002");
        variables.put("regionCode", "15");
        variables.put("dueAt", dueAt);
        variables.put("candidateGroups", COORDINATORS);
        return variables;
    }

    /**
     * Moves the engine clock to the given time as the job executor would live through it: to each timer's due time
     * in turn, running every job due then.
     */
    private void runJobsAt(int year, int month, int day, int hour, int minute) {
        Date target = Date.from(local(year, month, day, hour, minute).atZone(BANGKOK).toInstant());
        for (int round = 0; round < 100; round++) {
            Job timer = managementService.createJobQuery().timers().orderByJobDuedate().asc().list().stream()
                    .findFirst().orElse(null);
            if (timer == null || timer.getDuedate().after(target)) {
                break;
            }
            if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(timer.getDuedate());
            }
            runDueJobs();
        }
        ClockUtil.setCurrentTime(target);
        runDueJobs();
    }

    private void runDueJobs() {

        DueJobs.run(managementService, 50);
    }

    private LocalDateTime nextTimer() {
        Job timer = managementService.createJobQuery().timers().singleResult();
        assertThat(timer).as("a pending timer").isNotNull();
        return LocalDateTime.ofInstant(timer.getDuedate().toInstant(), BANGKOK);
    }

    private boolean ended(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(local(year, month, day, hour, minute).atZone(BANGKOK).toInstant()));
    }

    private static Date due(int year, int month, int day) {
        return Date.from(local(year, month, day, 16, 30).atZone(BANGKOK).toInstant());
    }

    private static LocalDateTime local(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    /** The holiday file the application ships (data/holidays/thai_holidays_2023_2027.csv). */
    static List<Holiday> shippedHolidays() {
        List<Holiday> holidays = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TaskDeadlineProcessTest.class.getResourceAsStream("/data/holidays/thai_holidays_2023_2027.csv"),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                if (cells.length >= 7) {
                    holidays.add(new Holiday(LocalDate.parse(cells[0].trim()), cells[4].trim(), cells[5].trim(),
                            cells[6].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return holidays;
    }
}
