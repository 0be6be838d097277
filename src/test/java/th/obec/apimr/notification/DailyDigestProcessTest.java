package th.obec.apimr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import th.obec.apimr.calendar.Holiday;
import th.obec.apimr.calendar.WorkingCalendar;

/**
 * Process_DailyDigest on the fast in-memory engine: the timer fires daily at 08:00 Bangkok time, a holiday ends the
 * process, a working day sends the digests in a job of its own that retries five times five minutes apart.
 */
class DailyDigestProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .reportDirectory(buildDirectory().resolve("process-test-coverage").toString())
            .build();

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    private final List<String> digestDays = new CopyOnWriteArrayList<>();
    private RuntimeService runtimeService;
    private ManagementService managementService;
    private HistoryService historyService;
    private RepositoryService repositoryService;
    private String deploymentId;
    private boolean smtpDown;

    @BeforeEach
    void deployWithBeans() {
        runtimeService = extension.getRuntimeService();
        managementService = extension.getManagementService();
        historyService = extension.getHistoryService();
        repositoryService = extension.getRepositoryService();
        Mocks.register("digestSchedule", new DigestSchedule(LocalTime.of(8, 0), BANGKOK));
        Mocks.register("workingCalendar", new WorkingCalendar(
                List.of(new Holiday(LocalDate.of(2023, 4, 13), "public", "วันสงกรานต์", "Songkran Festival")),
                Set.of("public")));
        Mocks.register("sendDailyDigestsDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            if (smtpDown) {
                throw new IllegalStateException("SMTP server down");
            }
            digestDays.add(execution.getVariable("digestDay").toString());
        });
        at(2023, 4, 12, 10, 0);
        deploymentId = repositoryService.createDeployment().name("model-test")
                .addClasspathResource("processes/DailyDigest.bpmn").deploy().getId();
    }

    @AfterEach
    void cleanUp() {
        repositoryService.createDeploymentQuery().deploymentName("daily-digest-hour").list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
        repositoryService.deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theTimerFiresEveryDayAtEightInTheMorningBangkokTime() {
        assertThat(timer().getDuedate()).isEqualTo(bangkok(2023, 4, 13, 8, 0));

        at(2023, 4, 13, 8, 0);
        managementService.executeJob(timer().getId());

        assertThat(timer().getDuedate()).isEqualTo(bangkok(2023, 4, 14, 8, 0));
    }

    @Test
    void aChangedDigestHourMovesTheWaitingTimerAtTheNextStart() {
        DigestSchedule sevenOClock = new DigestSchedule(LocalTime.of(7, 0), BANGKOK);
        Mocks.register("digestSchedule", sevenOClock);

        DigestTimerAlignment alignment = new DigestTimerAlignment(managementService, repositoryService, sevenOClock);
        assertThat(alignment.align()).isTrue();
        assertThat(timer().getDuedate()).isEqualTo(bangkok(2023, 4, 13, 7, 0));
        assertThat(alignment.align()).isFalse();

        at(2023, 4, 13, 7, 0);
        managementService.executeJob(timer().getId());
        assertThat(timer().getDuedate()).isEqualTo(bangkok(2023, 4, 14, 7, 0));
    }

    @Test
    void onAHolidayTheProcessEndsWithoutSendingDigests() {
        at(2023, 4, 13, 8, 0);
        managementService.executeJob(timer().getId());

        assertThat(managementService.createJobQuery().messages().count()).isZero();
        assertThat(digestDays).isEmpty();
        assertThat(endEvents()).containsExactly("EndEvent_NonWorkingDay");
    }

    @Test
    void onAWorkingDayTheDigestsOfThatDayAreSentInAJobOfTheirOwn() {
        at(2023, 4, 18, 8, 0);
        managementService.executeJob(timer().getId());
        Job send = managementService.createJobQuery().messages().singleResult();
        assertThat(digestDays).isEmpty();

        at(2023, 4, 19, 0, 30); // the job runs late, after midnight: still the digest of the day it started
        managementService.executeJob(send.getId());

        assertThat(digestDays).containsExactly("2023-04-18");
        assertThat(endEvents()).containsExactly("EndEvent_DigestsSent");
    }

    @Test
    void aFailingDigestJobIsTriedFiveTimesFiveMinutesApartThenRaisesAnIncident() {
        smtpDown = true;
        at(2023, 4, 18, 8, 0);
        managementService.executeJob(timer().getId());
        Job send = managementService.createJobQuery().messages().singleResult();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("SMTP");
            Job failed = managementService.createJobQuery().jobId(send.getId()).singleResult();
            assertThat(failed.getRetries()).isEqualTo(5 - attempt);
            if (attempt < 5) {
                assertThat(failed.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000));
            }
        }
        assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(1);

        smtpDown = false;
        managementService.setJobRetries(send.getId(), 1);
        managementService.executeJob(send.getId());
        assertThat(digestDays).containsExactly("2023-04-18");
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    private Job timer() {
        return managementService.createJobQuery().processDefinitionKey("Process_DailyDigest").timers()
                .singleResult();
    }

    private List<String> endEvents() {
        return historyService.createHistoricActivityInstanceQuery().activityType("noneEndEvent").list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(bangkok(year, month, day, hour, minute));
    }

    private static Date bangkok(int year, int month, int day, int hour, int minute) {
        return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BANGKOK).toInstant());
    }

    private static Path buildDirectory() {
        try {
            return Path.of(DailyDigestProcessTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
