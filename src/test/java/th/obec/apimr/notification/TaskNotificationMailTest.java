package th.obec.apimr.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single emails about a task: content, escaping, language, and each email exactly once. */
class TaskNotificationMailTest extends NotificationMailTestBase {

    private static final LocalDate DUE = LocalDate.of(2023, 4, 28);
    private static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";

    @BeforeEach
    void tuesdayMorningThreeWorkingDaysBeforeTheDueDate() {
        clock(LocalDateTime.of(2023, 4, 25, 9, 0));
    }

    @Test
    void emailsEachMemberOfTheGroupsOnceInThaiWithTheBuddhistEraDueDateAndTheTasklistLink() throws Exception {
        user("coord.one", "coord.one@test.local", "สมชาย", "ใจดี", COORDINATORS);
        user("both.groups", "both@test.local", "สมหญิง", "รักงาน", COORDINATORS, DIRECTORS);
        user("director.one", "director.one@test.local", "ประเสริฐ", "ผอ.", DIRECTORS);
        user("no.email", null, "ไม่มี", "อีเมล", COORDINATORS);
        ProcessInstance instance = startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS);
        String taskId = taskOf(instance);

        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS, DIRECTORS));

        assertThat(MailCatcher.received()).hasSize(3);
        for (String email : List.of("coord.one@test.local", "both@test.local", "director.one@test.local")) {
            assertThat(MailCatcher.receivedBy(email)).hasSize(1);
        }
        MimeMessage mail = MailCatcher.receivedBy("coord.one@test.local").get(0);
        assertThat(MailCatcher.subject(mail)).contains("แจ้งเตือน", TASK_NAME, OFFICE_NAME, "28 เมษายน 2566");
        String text = MailCatcher.part(mail, "text/plain");
        assertThat(text).contains("เรียน สมชาย ใจดี", "หน่วยงาน: " + OFFICE_NAME, "งาน: " + TASK_NAME,
                "วันครบกำหนด: 28 เมษายน 2566", "เหลืออีก 3 วันทำการ", LINK + taskId);
        String html = MailCatcher.part(mail, "text/html");
        assertThat(html).contains("href=\"" + LINK + taskId + "\"", "28 เมษายน 2566", "เหลืออีก 3 วันทำการ");

        Map<String, Object> sent = rows("coord.one").get(0);
        assertThat(sent).containsEntry("STATUS", "SENT").containsEntry("KIND", "REMINDER").containsEntry("STEP", 3)
                .containsEntry("TASK_ID", taskId).containsEntry("PROCESS_INSTANCE_ID", instance.getId())
                .containsEntry("OFFICE_CODE", OFFICE_CODE).containsEntry("ATTEMPTS", 1);
        assertThat(sent.get("SENT_AT")).isNotNull();
        assertThat(rows("both.groups")).hasSize(1);
        assertThat(rows("no.email")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("STATUS", "SKIPPED_NO_EMAIL"));
    }

    @Test
    void officeAndTaskNamesWithMarkupArriveAsTextInTheHtml() {
        user("coord.one", "coord.one@test.local", "สมชาย", "<i>ใจดี</i>", COORDINATORS);
        String office = "สพป.<script>alert('x')</script> เขต 1";
        String task = "แผน <b>ด่วน</b> & งบ";
        String taskId = taskOf(startTask(task, office, DUE, COORDINATORS));

        notifier.notifyTask(taskId, NoticeKind.DUE, 0, List.of(COORDINATORS));

        MimeMessage mail = MailCatcher.receivedBy("coord.one@test.local").get(0);
        String html = MailCatcher.part(mail, "text/html");
        assertThat(html).doesNotContain("<script>", "<b>ด่วน", "<i>ใจดี")
                .contains("สพป.&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; เขต 1", "แผน &lt;b&gt;ด่วน&lt;/b&gt; &amp; งบ",
                        "&lt;i&gt;ใจดี&lt;/i&gt;");
        assertThat(MailCatcher.part(mail, "text/plain")).contains("หน่วยงาน: " + office, "งาน: " + task);
        assertThat(MailCatcher.subject(mail)).contains("ครบกำหนดวันนี้", task);
    }

    @Test
    void aRetriedReminderSendsNothingTwiceButTheNextStepIsANewEmail() {
        user("coord.one", "coord.one@test.local", "สมชาย", "ใจดี", COORDINATORS);
        user("coord.two", "coord.two@test.local", "สมศรี", "ขยัน", COORDINATORS);
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));

        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        assertThat(MailCatcher.received()).hasSize(2);

        clock(LocalDateTime.of(2023, 4, 27, 9, 0));
        notifier.notifyTask(taskId, NoticeKind.REMINDER, 1, List.of(COORDINATORS));
        assertThat(MailCatcher.receivedBy("coord.one@test.local")).hasSize(2);
        assertThat(MailCatcher.part(MailCatcher.receivedBy("coord.one@test.local").get(1), "text/plain"))
                .contains("เหลืออีก 1 วันทำการ");
        assertThat(rows("coord.one")).extracting(row -> row.get("STATUS")).containsExactly("SENT", "SENT");
    }

    @Test
    void aTaskCompletedBeforeItsReminderIsSentGetsNoEmail() {
        user("coord.one", "coord.one@test.local", "สมชาย", "ใจดี", COORDINATORS);
        String done = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));
        String open = taskOf(startTask("งานที่ยังเปิดอยู่", OFFICE_NAME, DUE, COORDINATORS));
        taskService.complete(done);

        notifier.notifyTask(done, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        notifier.notifyTask("no-such-task", NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        notifier.notifyTask(open, NoticeKind.REMINDER, 3, List.of(COORDINATORS));

        assertThat(MailCatcher.received()).singleElement()
                .satisfies(mail -> assertThat(MailCatcher.subject(mail)).contains("งานที่ยังเปิดอยู่"));
        assertThat(rows("coord.one")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("TASK_ID", open));
    }

    @Test
    void oneJobSendsAllItsEmailsOverOneSmtpConnectionAndItsRetryOpensNone() {
        for (int i = 1; i <= 4; i++) {
            user("coord." + i, "coord." + i + "@test.local", "ผู้ประสานงาน", String.valueOf(i), COORDINATORS);
        }
        user("director.one", "director.one@test.local", "ประเสริฐ", "ผอ.", DIRECTORS);
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));

        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS, DIRECTORS));

        assertThat(MailCatcher.received()).hasSize(5);
        assertThat(MailCatcher.connections()).isEqualTo(1);
        for (String user : List.of("coord.1", "coord.2", "coord.3", "coord.4", "director.one")) {
            assertThat(rows(user)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1));
        }

        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS, DIRECTORS));
        assertThat(MailCatcher.received()).hasSize(5);
        assertThat(MailCatcher.connections()).isEqualTo(1);
    }

    @Test
    void aRecipientTheServerRefusesFailsOnlyItsNoticeAndTheRetrySendsOnlyThatEmail() {
        for (int i = 1; i <= 3; i++) {
            user("coord." + i, "coord." + i + "@test.local", "ผู้ประสานงาน", String.valueOf(i), COORDINATORS);
        }
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));
        MailCatcher.refuse("coord.2@test.local");

        assertThatThrownBy(() -> notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS)))
                .isInstanceOf(NotificationDeliveryException.class)
                .hasMessageEndingWith("not delivered to coord.2 (FAILED)");
        assertThat(MailCatcher.connections()).isEqualTo(1);
        assertThat(MailCatcher.receivedBy("coord.1@test.local")).hasSize(1);
        assertThat(MailCatcher.receivedBy("coord.3@test.local")).hasSize(1);
        assertThat(MailCatcher.receivedBy("coord.2@test.local")).isEmpty();
        assertThat(rows("coord.2")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", 1));
        assertThat(rows("coord.2").get(0).get("LAST_ERROR").toString()).contains("550");
        assertThat(rows("coord.1")).singleElement().satisfies(row -> assertThat(row).containsEntry("STATUS", "SENT"));

        MailCatcher.acceptAll();
        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));

        assertThat(MailCatcher.received()).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(MailCatcher.receivedBy("coord." + i + "@test.local")).as("coord." + i).hasSize(1);
        }
        assertThat(rows("coord.2")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2).containsEntry("LAST_ERROR", null));
        assertThat(rows("coord.1")).singleElement().satisfies(row -> assertThat(row).containsEntry("ATTEMPTS", 1));
    }

    @Test
    void everySendOfOneNotificationCarriesTheSameMessageIdAndEachNotificationItsOwn() throws Exception {
        user("coord.one", "coord.one@test.local", "สมชาย", "ใจดี", COORDINATORS);
        user("coord.two", "coord.two@test.local", "สมศรี", "ขยัน", COORDINATORS);
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));
        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        // As a retry finds a notice whose SENT mark was lost after the server had accepted it, once taken over.
        jdbc.update("UPDATE notification SET status = 'FAILED' WHERE recipient = 'coord.one'", Map.of());

        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));

        List<MimeMessage> toOne = MailCatcher.receivedBy("coord.one@test.local");
        assertThat(toOne).hasSize(2);
        assertThat(toOne.get(1).getMessageID()).isEqualTo(toOne.get(0).getMessageID()).endsWith("@apimr.local>");
        assertThat(MailCatcher.receivedBy("coord.two@test.local")).singleElement()
                .satisfies(toTwo -> assertThat(toTwo.getMessageID()).isNotEqualTo(toOne.get(0).getMessageID()));
    }

    @Test
    void fourRunsAtOnceSendEachEmailOnce() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            user("coord." + i, "coord." + i + "@test.local", "ผู้ประสานงาน", String.valueOf(i), COORDINATORS);
            emails.add("coord." + i + "@test.local");
        }
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));
        Instant now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                runs.add(nodes.submit(() -> {
                    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(now));
                    start.await();
                    try {
                        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
                        return "completed";
                    } catch (NotificationDeliveryException stillBeingSentByTheOtherRun) {
                        return stillBeingSentByTheOtherRun.getMessage();
                    }
                }));
            }
            start.countDown();
            for (Future<String> run : runs) {
                // A run either served everyone or failed only because another run was sending some notices.
                assertThat(run.get(60, TimeUnit.SECONDS)).satisfiesAnyOf(
                        outcome -> assertThat(outcome).isEqualTo("completed"),
                        outcome -> assertThat(outcome).contains("(IN_PROGRESS)").doesNotContain("(FAILED)"));
            }
        } finally {
            nodes.shutdownNow();
        }

        for (String email : emails) {
            assertThat(MailCatcher.receivedBy(email)).as(email).hasSize(1);
        }
        assertThat(MailCatcher.connections()).as("SMTP connections, at most one per run").isBetween(1, 4);
        // A run that found notices still being sent fails; its job's retry then finds them sent.
        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        assertThat(MailCatcher.received()).hasSize(6);
        for (int i = 1; i <= 6; i++) {
            assertThat(rows("coord." + i)).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1));
        }
    }

    @Test
    void aNoticeClaimedByARunThatDiedIsSentByTheRetryOnceTheClaimIsStaleNotBefore() {
        user("coord.one", "coord.one@test.local", "สมชาย", "ใจดี", COORDINATORS);
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));
        String key = "task:" + taskId + ":REMINDER:3:" + DUE + ":coord.one";
        // Another run claimed the notice at 09:00 and died before marking it sent.
        jdbc.update("INSERT INTO notification (notice_key, recipient, email, kind, step, task_id, language, status, "
                + "attempts, created_at, claimed_at, claim_token) VALUES (:key, 'coord.one', 'coord.one@test.local', "
                + "'REMINDER', 3, :taskId, 'th', 'SENDING', 1, :at, :at, 'dead-run')", Map.of("key", key,
                "taskId", taskId, "at", java.time.OffsetDateTime.of(2023, 4, 25, 2, 0, 0, 0, java.time.ZoneOffset.UTC)));

        clock(LocalDateTime.of(2023, 4, 25, 9, 4));
        assertThatThrownBy(() -> notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS)))
                .isInstanceOf(NotificationDeliveryException.class).hasMessageContaining("coord.one (IN_PROGRESS)");
        assertThat(MailCatcher.received()).isEmpty();

        clock(LocalDateTime.of(2023, 4, 25, 9, 6));
        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));
        assertThat(MailCatcher.receivedBy("coord.one@test.local")).hasSize(1);
        assertThat(rows("coord.one")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2));
    }

    @Test
    void theSmtpConnectionReadAndWriteTimeoutsAreBounded(
            @org.springframework.beans.factory.annotation.Autowired
            org.springframework.mail.javamail.JavaMailSenderImpl sender) {
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "10000")
                .containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtp.writetimeout", "30000");
    }

    @Test
    void aUserWhoPrefersEnglishGetsTheEnglishEmail() {
        user("coord.th", "coord.th@test.local", "สมชาย", "ใจดี", COORDINATORS);
        user("coord.en", "coord.en@test.local", "John", "Smith", COORDINATORS);
        preferences.save("coord.en", new NotificationPreference(false, Language.EN), Instant.now());
        String taskId = taskOf(startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS));

        notifier.notifyTask(taskId, NoticeKind.REMINDER, 3, List.of(COORDINATORS));

        MimeMessage english = MailCatcher.receivedBy("coord.en@test.local").get(0);
        assertThat(MailCatcher.subject(english)).startsWith("[APIMR] Reminder: ").contains("due 28 April 2023");
        assertThat(MailCatcher.part(english, "text/plain")).contains("Dear John Smith,", "Due date: 28 April 2023",
                "3 working day(s) left", LINK + taskId).doesNotContain("เรียน");
        assertThat(MailCatcher.part(english, "text/html")).contains("Open the task in Tasklist");
        MimeMessage thai = MailCatcher.receivedBy("coord.th@test.local").get(0);
        assertThat(MailCatcher.subject(thai)).startsWith("[APIMR] แจ้งเตือน: ");
        assertThat(rows("coord.en")).singleElement().satisfies(row -> assertThat(row).containsEntry("LANGUAGE", "en"));
    }

    @Test
    void anSmtpOutageFailsTheJobUntilAnIncidentAndTheRetryAfterwardsDeliversEachEmailOnce() {
        user("coord.one", "coord.one@test.local", "สมชาย", "ใจดี", COORDINATORS);
        user("director.one", "director.one@test.local", "ประเสริฐ", "ผอ.", DIRECTORS);
        MailCatcher.stop();
        ProcessInstance instance = startTask(TASK_NAME, OFFICE_NAME, DUE, COORDINATORS, DIRECTORS);
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();

        int tries = 0;
        while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0 && tries < 10) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
            tries++;
        }
        assertThat(tries).isEqualTo(3);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage()).contains("not delivered to coord.one (FAILED), director.one (FAILED)");
        assertThat(rows("coord.one")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", 3));
        assertThat(rows("coord.one").get(0).get("LAST_ERROR").toString()).contains("Connection refused");

        MailCatcher.start();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        assertThat(MailCatcher.receivedBy("coord.one@test.local")).hasSize(1);
        assertThat(MailCatcher.receivedBy("director.one@test.local")).hasSize(1);
        assertThat(MailCatcher.received()).hasSize(2);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(rows("director.one")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 4));

        notifier.notifyTask(taskOf(instance), NoticeKind.REMINDER, 3, List.of(COORDINATORS, DIRECTORS));
        assertThat(MailCatcher.received()).hasSize(2);
    }
}
