package th.obec.apimr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily digest: users who chose it get no single emails; Process_DailyDigest's timer sends them one email on
 * each working day listing their queued tasks, once per user and day.
 */
class DailyDigestInEngineTest extends NotificationMailTestBase {

    private static final String DIGEST_USER = "coord.digest";
    private static final String DIGEST_EMAIL = "coord.digest@test.local";

    @Autowired
    HistoryService historyService;

    @Autowired
    DailyDigests digests;

    @Test
    void aDigestUserIsQueuedAndGetsOneDigestOfAllTasksOnTheNextWorkingDayNotOnAHoliday() throws Exception {
        user(DIGEST_USER, DIGEST_EMAIL, "สมชาย", "ใจดี", COORDINATORS);
        user("coord.single", "coord.single@test.local", "สมศรี", "ขยัน", COORDINATORS);
        preferences.save(DIGEST_USER, new NotificationPreference(true, Language.TH), Instant.now());
        clock(LocalDateTime.of(2023, 4, 11, 9, 0));
        String plan = taskOf(startTask("จัดทำแผนงาน/โครงการ", OFFICE_NAME, LocalDate.of(2023, 4, 20), COORDINATORS));
        String report = taskOf(startTask("รายงานผลตัวชี้วัด รอบ 6 เดือน", "สพป.<ทดสอบ> เขต 2",
                LocalDate.of(2023, 4, 24), COORDINATORS));
        ProcessInstance closedLater = startTask("สะท้อนผลการปฏิบัติ", OFFICE_NAME, LocalDate.of(2023, 4, 21),
                COORDINATORS);
        String closed = taskOf(closedLater);

        notifier.notifyTask(plan, NoticeKind.REMINDER, 7, List.of(COORDINATORS));
        notifier.notifyTask(report, NoticeKind.REMINDER, 7, List.of(COORDINATORS));
        notifier.notifyTask(closed, NoticeKind.REMINDER, 7, List.of(COORDINATORS));
        notifier.notifyTask(plan, NoticeKind.REMINDER, 7, List.of(COORDINATORS));

        assertThat(MailCatcher.receivedBy(DIGEST_EMAIL)).isEmpty();
        assertThat(MailCatcher.receivedBy("coord.single@test.local")).hasSize(3);
        assertThat(rows(DIGEST_USER)).hasSize(3)
                .allSatisfy(row -> assertThat(row).containsEntry("STATUS", "QUEUED_FOR_DIGEST"));
        taskService.complete(closed);

        // Songkran (Thursday 13 April 2023) is a holiday: the process ends without a digest.
        clock(LocalDateTime.of(2023, 4, 13, 8, 0));
        String holidayInstance = fireDigestTimer();
        assertThat(managementService.createJobQuery().processInstanceId(holidayInstance).count()).isZero();
        assertThat(endEvent(holidayInstance)).isEqualTo("EndEvent_NonWorkingDay");
        assertThat(MailCatcher.receivedBy(DIGEST_EMAIL)).isEmpty();

        // The next working day after Songkran is Tuesday 18 April 2023.
        clock(LocalDateTime.of(2023, 4, 18, 8, 0));
        String workingDayInstance = fireDigestTimer();
        Job send = managementService.createJobQuery().processInstanceId(workingDayInstance).singleResult();
        managementService.executeJob(send.getId());
        assertThat(endEvent(workingDayInstance)).isEqualTo("EndEvent_DigestsSent");

        List<MimeMessage> received = MailCatcher.receivedBy(DIGEST_EMAIL);
        assertThat(received).hasSize(1);
        MimeMessage digest = received.get(0);
        assertThat(MailCatcher.subject(digest)).contains("สรุปงานประจำวัน 18 เมษายน 2566", "2 งาน");
        String text = MailCatcher.part(digest, "text/plain");
        assertThat(text).contains("เรียน สมชาย ใจดี", "1. จัดทำแผนงาน/โครงการ – " + OFFICE_NAME,
                "ครบกำหนด 20 เมษายน 2566 (เหลืออีก 2 วันทำการ)", "2. รายงานผลตัวชี้วัด รอบ 6 เดือน – สพป.<ทดสอบ> เขต 2",
                "ครบกำหนด 24 เมษายน 2566 (เหลืออีก 4 วันทำการ)",
                "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + plan)
                .doesNotContain("สะท้อนผลการปฏิบัติ");
        assertThat(MailCatcher.part(digest, "text/html")).contains("สพป.&lt;ทดสอบ&gt; เขต 2")
                .doesNotContain("<ทดสอบ>");

        Map<String, Object> digestRow = rows(DIGEST_USER).stream()
                .filter(row -> "DIGEST".equals(row.get("KIND"))).findFirst().orElseThrow();
        assertThat(digestRow).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1);
        assertThat(rows(DIGEST_USER)).filteredOn(row -> !"DIGEST".equals(row.get("KIND")))
                .extracting(row -> row.get("STATUS"), row -> row.get("DIGEST_ID"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("DIGESTED", digestRow.get("ID")),
                        org.assertj.core.groups.Tuple.tuple("DIGESTED", digestRow.get("ID")),
                        org.assertj.core.groups.Tuple.tuple("TASK_CLOSED", null));

        // A second run for the same day (a retried job, a second node) sends nothing more.
        digests.send(LocalDate.of(2023, 4, 18));
        assertThat(MailCatcher.receivedBy(DIGEST_EMAIL)).hasSize(1);
    }

    @Test
    void theDigestTimerFiresDailyAtEightInBangkokWhateverTheServersTimeZone() {
        clock(LocalDateTime.of(2023, 4, 18, 8, 0));
        fireDigestTimer();

        Job next = digestTimer();
        assertThat(next.getDuedate().toInstant())
                .isEqualTo(ZonedDateTime.of(2023, 4, 19, 8, 0, 0, 0, BANGKOK).toInstant());
    }

    @Test
    void aDigestThatFailsOnSmtpIsRetriedAndSentOnce() {
        user(DIGEST_USER, DIGEST_EMAIL, "สมชาย", "ใจดี", COORDINATORS);
        preferences.save(DIGEST_USER, new NotificationPreference(true, Language.EN), Instant.now());
        clock(LocalDateTime.of(2023, 4, 18, 7, 0));
        String plan = taskOf(startTask("จัดทำแผนงาน/โครงการ", OFFICE_NAME, LocalDate.of(2023, 4, 17), COORDINATORS));
        notifier.notifyTask(plan, NoticeKind.ESCALATION, 1, List.of(COORDINATORS));
        MailCatcher.stop();

        clock(LocalDateTime.of(2023, 4, 18, 8, 0));
        String instance = fireDigestTimer();
        Job send = managementService.createJobQuery().processInstanceId(instance).singleResult();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(send.getId()))
                .isInstanceOf(NotificationDeliveryException.class);
        assertThat(rows(DIGEST_USER)).extracting(row -> row.get("STATUS"))
                .containsExactlyInAnyOrder("QUEUED_FOR_DIGEST", "FAILED");

        MailCatcher.start();
        managementService.executeJob(send.getId());
        managementService.createJobQuery().processInstanceId(instance).list()
                .forEach(job -> managementService.executeJob(job.getId()));

        List<MimeMessage> received = MailCatcher.receivedBy(DIGEST_EMAIL);
        assertThat(received).hasSize(1);
        assertThat(MailCatcher.subject(received.get(0))).isEqualTo(
                "[APIMR] Daily digest 18 April 2023: 1 task(s) due soon or overdue");
        assertThat(MailCatcher.part(received.get(0), "text/plain")).contains("due 17 April 2023",
                "1 working day(s) overdue");
        assertThat(rows(DIGEST_USER)).extracting(row -> row.get("STATUS"))
                .containsExactlyInAnyOrder("DIGESTED", "SENT");
    }

    /** Runs the digest timer at the engine clock's time; returns the process instance it started. */
    private String fireDigestTimer() {
        java.util.Set<String> before = historicDigestInstances();
        managementService.executeJob(digestTimer().getId());
        java.util.Set<String> started = historicDigestInstances();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        return started.iterator().next();
    }

    private java.util.Set<String> historicDigestInstances() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("Process_DailyDigest").list()
                .stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    private Job digestTimer() {
        return managementService.createJobQuery().processDefinitionKey("Process_DailyDigest").timers()
                .singleResult();
    }

    private String endEvent(String processInstanceId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityType("noneEndEvent").list().stream().map(HistoricActivityInstance::getActivityId)
                .findFirst().orElse(null);
    }
}
