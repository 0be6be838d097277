package th.obec.apimr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.Deadline;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.SmtpTestServer;

/**
 * Deadlines kept by the engine, end to end with the real email notifier and a real SMTP server (GreenMail): a fiscal
 * year of a cycle is lived by moving the engine clock from timer to timer (the job executor is off; due jobs run as
 * the executor would run them), users complete their tasks through the engine REST API as Tasklist does, and every
 * email is checked for the moment it arrived, its recipient, its subject and its text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "apimr.test.context=reminder-year")
@ActiveProfiles("test")
@ContextConfiguration(initializers = ReminderYearTest.Smtp.class)
class ReminderYearTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String PASSWORD = "year-secret";
    private static final String LINK = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";
    private static final Pattern TASK_IN_LINK = Pattern.compile("\\?task=([0-9a-f-]+)");

    /** Office A completes its tasks on time; office B leaves its analysis open. Two inspection regions. */
    private static final String A = "P5002";
    private static final String A_NAME = "สพป.เชียงใหม่ เขต 2";
    private static final String B = "P4001";
    private static final String B_NAME = "สพป.ขอนแก่น เขต 1";

    private static final String ANALYSIS = "วิเคราะห์นโยบายและเลือกตัวชี้วัด";
    private static final String PLAN = "จัดทำแผนงาน/โครงการ";
    private static final String IMPLEMENTATION = "บันทึกการปฏิบัติและการตัดสินใจ";
    private static final String MID_YEAR_REPORT = "รายงานผลตัวชี้วัด รอบ 6 เดือน";

    private static final String COORD_A = "coord.a@year.test";
    private static final String DIR_A = "director.a@year.test";
    private static final String COORD_B = "coord.b@year.test";
    private static final String DIR_B = "director.b@year.test";
    private static final String REVIEWER_15 = "reviewer.15@year.test";
    private static final String REVIEWER_12 = "reviewer.12@year.test";
    private static final String MONITOR = "monitor@year.test";
    private static final String ADMIN_MAIL = "admin@year.test";

    /** A real SMTP server on a port of its own, stopped and started again on that port to simulate an outage. */
    static final class Smtp implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private static final SmtpTestServer SERVER = new SmtpTestServer();

        static void start() {
            SERVER.start();
        }

        static void stop() {
            SERVER.stop();
        }

        static List<MimeMessage> received() {
            return SERVER.received();
        }

        static void purge() {
            SERVER.purge();
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            start();
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, SERVER.mailProperties());
        }
    }

    /** An email as it arrived: the engine's clock (Bangkok) when its job ran, and what it says. */
    record Arrival(LocalDateTime at, String to, String subject, String text, String taskId) {
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CycleService cycles;

    private final List<Arrival> arrivals = new ArrayList<>();
    /** How many copies of each Message-ID were seen (GreenMail lists messages by mailbox, not by arrival). */
    private final Map<String, Integer> seen = new HashMap<>();
    private EngineRestClient coordinatorA;
    private EngineRestClient directorA;
    private EngineRestClient reviewer15;

    @BeforeEach
    void usersWithEmail() {
        ProcessEngines.registerProcessEngine(processEngine);
        Smtp.purge();
        coordinatorA = user("y.coord.a", COORD_A, Groups.coordinators(A));
        directorA = user("y.director.a", DIR_A, Groups.directors(A));
        user("y.coord.b", COORD_B, Groups.coordinators(B));
        user("y.director.b", DIR_B, Groups.directors(B));
        reviewer15 = user("y.reviewer.15", REVIEWER_15, Groups.reviewers("15"));
        user("y.reviewer.12", REVIEWER_12, Groups.reviewers("12"));
        user("y.monitor", MONITOR, Groups.OBEC_MONITOR);
        user("y.admin", ADMIN_MAIL, Groups.OBEC_ADMIN);
    }

    @AfterEach
    void endTheOfficesAndResetTheClock() {
        Smtp.start();
        runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_AreaOfficeCycle").list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
        runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_TaskDeadline").list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
        if (identityService.createUserQuery().userId("y.coord.a2").count() > 0) {
            identityService.deleteUser("y.coord.a2");
        }
        ClockUtil.reset();
    }

    @Test
    void aYearOfTwoOfficesBringsTheRightEmailsOnTheRightWorkingDaysEachOnce() {
        at(2022, 10, 3, 10, 0);
        long cycleId = cycle(2566, Map.of(
                Deadline.ANALYSIS, LocalDate.of(2023, 1, 20),
                Deadline.PLAN, LocalDate.of(2023, 2, 10),
                Deadline.PLAN_APPROVAL, LocalDate.of(2023, 2, 24),
                Deadline.IMPLEMENTATION, LocalDate.of(2023, 4, 20),
                Deadline.MID_YEAR_REPORT, LocalDate.of(2023, 5, 3)), A, B);
        startOffice(cycleId, 2566, A);
        startOffice(cycleId, 2566, B);
        String analysisA = single(coordinatorA.myTasks("Task_AnalysePolicy")).get("id").asText();
        String analysisB = openTask(B, "Task_AnalysePolicy").getId();

        // October to the day before the first reminder: nothing.
        liveUntil(2023, 1, 10, 8, 59);
        assertThat(arrivals).as("no email before the first reminder's moment").isEmpty();

        // Teachers' Day (Monday 16 January) is a day off: 7 working days before Friday 20 January is the 10th.
        liveUntil(2023, 1, 18, 10, 0);
        complete(coordinatorA, analysisA, form -> CycleFormValues.analysis(form.get("indicatorTargets"), List.of("1", "2")));
        String planA = single(coordinatorA.myTasks("Task_PlanProjects")).get("id").asText();

        // B's analysis stays open: the last reminder, the due notice at 16:30, the escalation on the 7th working day.
        liveUntil(2023, 1, 31, 12, 0);
        assertThat(taskService.getVariableLocal(analysisB, "escalated")).isEqualTo(true);
        assertThat(escalations(cycleId)).singleElement().satisfies(escalation -> {
            assertThat(escalation.get("taskId").asText()).isEqualTo(analysisB);
            assertThat(escalation.get("regionCode").asText()).isEqualTo("12");
            assertThat(escalation.path("clearedAt").isMissingNode() || escalation.path("clearedAt").isNull()).isTrue();
        });

        liveUntil(2023, 2, 2, 14, 0);
        complete(coordinatorA, planA, form -> CycleFormValues.plan(List.of(
                CycleFormValues.project("โครงการโรงเรียนปลอดภัย", 150000, "1, 2"))));

        // An administrator gives B until Friday 17 February: the mark is cleared and the task is watched again.
        liveUntil(2023, 2, 6, 10, 0);
        assertThat(extend(cycleId, "ANALYSIS", B, "2023-02-17", "สำนักงานเขตย้ายที่ทำการ").getStatusCode().value())
                .isEqualTo(201);
        assertThat(taskService.getVariableLocal(analysisB, "escalated")).as("no longer escalated").isNull();

        liveUntil(2023, 2, 14, 11, 0);
        complete(directorA, single(directorA.myTasks("Task_ReviewPlan")).get("id").asText(),
                form -> Map.of("planDecision", "APPROVE"));
        String implementationA = single(coordinatorA.myTasks("Task_RecordImplementation")).get("id").asText();

        liveUntil(2023, 3, 1, 12, 0);
        assertThat(taskService.getVariableLocal(analysisB, "escalated")).as("missed again").isEqualTo(true);
        assertThat(escalations(cycleId)).hasSize(2).satisfiesExactly(
                first -> {
                    assertThat(first.get("clearedCause").asText()).isEqualTo("EXTENSION");
                    assertThat(first.get("clearedBy").asText()).isEqualTo("y.admin");
                    assertThat(local(first.get("newDueAt"))).isEqualTo(LocalDateTime.of(2023, 2, 17, 16, 30));
                },
                second -> {
                    assertThat(local(second.get("escalatedAt"))).isEqualTo(LocalDateTime.of(2023, 2, 28, 9, 0));
                    assertThat(second.path("clearedAt").isMissingNode() || second.path("clearedAt").isNull()).isTrue();
                });

        // Chakri Day and Songkran move the implementation's reminders to 5 and 12 April; done before the last one.
        liveUntil(2023, 4, 18, 10, 0);
        complete(coordinatorA, implementationA, form -> CycleFormValues.implementation(form.get("projectProgress"), null));
        List<String> reportsA = coordinatorA.myTasks("Task_SubmitMidYearReport").stream()
                .map(task -> task.get("id").asText()).toList();
        assertThat(reportsA).hasSize(2);

        // The mid-year reports move from Wednesday 3 May to Wednesday 10 May before any of their reminders.
        liveUntil(2023, 4, 20, 10, 0);
        assertThat(extend(cycleId, "MID_YEAR_REPORT", A, "2023-05-10", "ระบบรายงานปิดปรับปรุง").getStatusCode()
                .value()).isEqualTo(201);
        liveUntil(2023, 5, 8, 10, 0);
        for (String report : reportsA) {
            complete(coordinatorA, report, form -> CycleFormValues.report(CycleFormValues.counts(form.get("counts"), 100, 90)));
        }
        liveUntil(2023, 5, 15, 10, 0);
        for (JsonNode review : reviewer15.myTasks("Task_ReviewMidYearReport")) {
            complete(reviewer15, review.get("id").asText(), form -> CycleFormValues.accept("4"));
        }
        assertThat(coordinatorA.myTasks("Task_SubmitAnnualReport")).as("the annual round is open").hasSize(2);

        // The rest of the fiscal year: the annual reports are due 31 October, their reminders come after it.
        liveUntil(2023, 9, 30, 23, 59);

        String jan20 = "20 มกราคม 2566";
        String feb17 = "17 กุมภาพันธ์ 2566";
        String feb10 = "10 กุมภาพันธ์ 2566";
        String apr20 = "20 เมษายน 2566";
        String may10 = "10 พฤษภาคม 2566";
        List<Tuple> expected = new ArrayList<>(List.of(
                reminder(2023, 1, 10, COORD_A, analysisA, ANALYSIS, A_NAME, jan20),
                reminder(2023, 1, 10, COORD_B, analysisB, ANALYSIS, B_NAME, jan20),
                reminder(2023, 1, 17, COORD_A, analysisA, ANALYSIS, A_NAME, jan20),
                reminder(2023, 1, 17, COORD_B, analysisB, ANALYSIS, B_NAME, jan20),
                reminder(2023, 1, 19, COORD_B, analysisB, ANALYSIS, B_NAME, jan20),
                due(2023, 1, 20, COORD_B, analysisB, ANALYSIS, B_NAME, jan20),
                due(2023, 1, 20, DIR_B, analysisB, ANALYSIS, B_NAME, jan20),
                escalation(2023, 1, 31, REVIEWER_12, analysisB, ANALYSIS, B_NAME, jan20),
                escalation(2023, 1, 31, MONITOR, analysisB, ANALYSIS, B_NAME, jan20),
                reminder(2023, 2, 1, COORD_A, planA, PLAN, A_NAME, feb10),
                // B's new date: 7, 3 and 1 working days before Friday 17 February, its due notice, its escalation
                reminder(2023, 2, 8, COORD_B, analysisB, ANALYSIS, B_NAME, feb17),
                reminder(2023, 2, 14, COORD_B, analysisB, ANALYSIS, B_NAME, feb17),
                reminder(2023, 2, 16, COORD_B, analysisB, ANALYSIS, B_NAME, feb17),
                due(2023, 2, 17, COORD_B, analysisB, ANALYSIS, B_NAME, feb17),
                due(2023, 2, 17, DIR_B, analysisB, ANALYSIS, B_NAME, feb17),
                escalation(2023, 2, 28, REVIEWER_12, analysisB, ANALYSIS, B_NAME, feb17),
                escalation(2023, 2, 28, MONITOR, analysisB, ANALYSIS, B_NAME, feb17),
                reminder(2023, 4, 5, COORD_A, implementationA, IMPLEMENTATION, A_NAME, apr20),
                reminder(2023, 4, 12, COORD_A, implementationA, IMPLEMENTATION, A_NAME, apr20)));
        for (String report : reportsA) {
            // Coronation Day and the bridge holiday after it: 3 working days before 10 May is 3 May.
            expected.add(reminder(2023, 4, 26, COORD_A, report, MID_YEAR_REPORT, A_NAME, may10));
            expected.add(reminder(2023, 5, 3, COORD_A, report, MID_YEAR_REPORT, A_NAME, may10));
        }
        assertThat(arrivals).extracting(Arrival::at, Arrival::to, Arrival::taskId, Arrival::subject)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(arrivals).extracting(Arrival::to).doesNotContain(DIR_A, REVIEWER_15, ADMIN_MAIL);
        for (Arrival arrival : arrivals) {
            assertThat(arrival.text()).as(arrival.subject())
                    .contains("วันครบกำหนด: ", LINK + arrival.taskId())
                    .contains("หน่วยงาน: " + (arrival.taskId().equals(analysisB) ? B_NAME : A_NAME));
        }
        assertThat(arrivals).filteredOn(arrival -> arrival.taskId().equals(analysisB) && arrival.at().getMonthValue() == 2)
                .allSatisfy(arrival -> assertThat(arrival.text()).contains("วันครบกำหนด: " + feb17));
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void aDueDateEditedOnTheTaskMovesItsRemindersAndCompletingItStopsThem() {
        at(2023, 12, 1, 10, 0);
        long cycleId = cycle(2567, Map.of(Deadline.ANALYSIS, LocalDate.of(2024, 2, 9),
                Deadline.PLAN, LocalDate.of(2024, 2, 23), Deadline.PLAN_APPROVAL, LocalDate.of(2024, 3, 8)), A);
        startOffice(cycleId, 2567, A);
        String analysis = single(coordinatorA.myTasks("Task_AnalysePolicy")).get("id").asText();

        liveUntil(2024, 1, 25, 10, 0);
        // an administrator moves the date in Tasklist (candidate groups may work on a task, not change its dates)
        identityService.setAuthentication("y.admin", List.of(Groups.OBEC_ADMIN));
        try {
            Task task = taskService.createTaskQuery().taskId(analysis).singleResult();
            task.setDueDate(Date.from(LocalDateTime.of(2024, 2, 16, 16, 30).atZone(BANGKOK).toInstant()));
            taskService.saveTask(task);
        } finally {
            identityService.clearAuthentication();
        }
        liveUntil(2024, 2, 14, 10, 0);
        complete(coordinatorA, analysis, form -> CycleFormValues.analysis(form.get("indicatorTargets"), List.of("1")));
        liveUntil(2024, 2, 29, 12, 0);

        // Not on 31 January, 6 and 8 February (the old date); the 1-day reminder and the due notice never come.
        String feb16 = "16 กุมภาพันธ์ 2567";
        assertThat(arrivals).filteredOn(arrival -> arrival.taskId().equals(analysis))
                .extracting(Arrival::at, Arrival::to, Arrival::taskId, Arrival::subject).containsExactly(
                        reminder(2024, 2, 7, COORD_A, analysis, ANALYSIS, A_NAME, feb16),
                        reminder(2024, 2, 13, COORD_A, analysis, ANALYSIS, A_NAME, feb16));
    }

    @Test
    void aReminderDuringAnSmtpOutageIsRetriedWithBackOffBecomesAnIncidentAndOnceRetriedArrivesOnce() {
        at(2025, 2, 3, 10, 0);
        long cycleId = cycle(2568, Map.of(Deadline.ANALYSIS, LocalDate.of(2025, 3, 14),
                Deadline.PLAN, LocalDate.of(2025, 3, 21), Deadline.PLAN_APPROVAL, LocalDate.of(2025, 3, 28)), A);
        user("y.coord.a2", "coord.a2@year.test", Groups.coordinators(A));
        startOffice(cycleId, 2568, A);
        String analysis = single(coordinatorA.myTasks("Task_AnalysePolicy")).get("id").asText();
        String deadlineProcess = runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_TaskDeadline")
                .processInstanceBusinessKey(analysis).singleResult().getId();

        liveUntil(2025, 3, 5, 8, 59);
        Smtp.stop();
        // 7 working days before Friday 14 March: Wednesday 5 March, 09:00.
        at(2025, 3, 5, 9, 0);
        runJob(timerOf(deadlineProcess));
        Job reminder = managementService.createJobQuery().processInstanceId(deadlineProcess)
                .activityId("Task_SendReminder").singleResult();
        LocalDateTime expectedDue = LocalDateTime.of(2025, 3, 5, 9, 0);
        assertThatThrownBy(() -> managementService.executeJob(reminder.getId())).isInstanceOf(RuntimeException.class);
        for (int retriesLeft = 4; retriesLeft >= 0; retriesLeft--) {
            Job failed = managementService.createJobQuery().jobId(reminder.getId()).singleResult();
            assertThat(failed.getRetries()).isEqualTo(retriesLeft);
            if (retriesLeft == 0) {
                break;
            }
            expectedDue = expectedDue.plusMinutes(10);
            assertThat(local(failed.getDuedate())).as("retried ten minutes later").isEqualTo(expectedDue);
            ClockUtil.setCurrentTime(failed.getDuedate());
            assertThatThrownBy(() -> managementService.executeJob(reminder.getId()))
                    .isInstanceOf(RuntimeException.class);
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(deadlineProcess).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getActivityId()).isEqualTo("Task_SendReminder");
        assertThat(incident.getIncidentMessage()).contains("not delivered");
        assertThat(Smtp.received()).isEmpty();

        // The mail server is back; an operator retries the job (Cockpit's "Increment retries").
        Smtp.start();
        at(2025, 3, 5, 10, 30);
        managementService.setJobRetries(reminder.getId(), 1);
        runJob(reminder.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(deadlineProcess).count()).isZero();
        collectArrivals();
        liveUntil(2025, 3, 11, 12, 0);

        String mar14 = "14 มีนาคม 2568";
        assertThat(arrivals).extracting(Arrival::at, Arrival::to, Arrival::taskId, Arrival::subject)
                .containsExactlyInAnyOrder(
                        reminderAt(LocalDateTime.of(2025, 3, 5, 10, 30), COORD_A, analysis, ANALYSIS, A_NAME, mar14),
                        reminderAt(LocalDateTime.of(2025, 3, 5, 10, 30), "coord.a2@year.test", analysis, ANALYSIS,
                                A_NAME, mar14),
                        reminder(2025, 3, 11, COORD_A, analysis, ANALYSIS, A_NAME, mar14),
                        reminder(2025, 3, 11, "coord.a2@year.test", analysis, ANALYSIS, A_NAME, mar14));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Tuple reminder(int y, int m, int d, String to, String taskId, String task, String office, String due) {
        return reminderAt(LocalDateTime.of(y, m, d, 9, 0), to, taskId, task, office, due);
    }

    private static Tuple reminderAt(LocalDateTime at, String to, String taskId, String task, String office, String due) {
        return tuple(at, to, taskId, "[APIMR] แจ้งเตือน: " + task + " – " + office + " ครบกำหนด " + due);
    }

    private static Tuple due(int y, int m, int d, String to, String taskId, String task, String office, String due) {
        return tuple(LocalDateTime.of(y, m, d, 16, 30), to, taskId, "[APIMR] ครบกำหนดวันนี้: " + task + " – " + office);
    }

    private static Tuple escalation(int y, int m, int d, String to, String taskId, String task, String office,
                                    String due) {
        return tuple(LocalDateTime.of(y, m, d, 9, 0), to, taskId, "[APIMR] เลยกำหนดแล้ว: " + task + " – " + office);
    }

    private long cycle(int fiscalYear, Map<Deadline, LocalDate> deadlines, String... officeCodes) {
        CycleView cycle = cycles.register(new LaunchRequest(fiscalYear, 2566, new LinkedHashSet<>(List.of(officeCodes)),
                deadlines), "y.admin", null);
        return cycle.id();
    }

    private void startOffice(long cycleId, int fiscalYear, String officeCode) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("cycleId", cycleId);
        variables.put("fiscalYear", fiscalYear);
        variables.put("officeCode", officeCode);
        runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle", cycles.businessKey(cycleId, officeCode),
                variables);
    }

    private Task openTask(String officeCode, String key) {
        return taskService.createTaskQuery().taskDefinitionKey(key).processVariableValueEquals("officeCode", officeCode)
                .singleResult();
    }

    /** Claims the task and submits its form as Tasklist does, with values built from what the form shows. */
    private void complete(EngineRestClient user, String taskId,
                          java.util.function.Function<Map<String, JsonNode>, Map<String, ?>> values) {
        Map<String, JsonNode> form = user.formVariables(taskId);
        user.claim(taskId);
        user.submitForm(taskId, values.apply(form)).ok();
        runDueJobs();
    }

    /**
     * Lives through the time up to the given moment as the job executor would: the clock moves to each timer in
     * turn and every job due then runs (the daily digest aside: nobody here chose one).
     */
    private void liveUntil(int year, int month, int day, int hour, int minute) {
        Date target = Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BANGKOK).toInstant());
        for (int round = 0; round < 1000; round++) {
            Job timer = managementService.createJobQuery().timers().duedateLowerThan(new Date(target.getTime() + 1))
                    .orderByJobDuedate().asc().list().stream().filter(ReminderYearTest::notDigest)
                    .findFirst().orElse(null);
            if (timer == null) {
                break;
            }
            if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(timer.getDuedate());
            }
            runDueJobs();
        }
        if (target.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(target);
        }
        runDueJobs();
    }

    private void runDueJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list().stream()
                    .filter(ReminderYearTest::notDigest).toList();
            if (jobs.isEmpty()) {
                collectArrivals();
                return;
            }
            jobs.forEach(job -> runJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }

    private void runJob(String jobId) {
        managementService.executeJob(jobId);
        collectArrivals();
    }

    private String timerOf(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers().singleResult().getId();
    }

    private static boolean notDigest(Job job) {
        return !"Process_DailyDigest".equals(job.getProcessDefinitionKey());
    }

    /**
     * The emails that arrived since the last look, stamped with the engine's clock. Each notice has a Message-ID of
     * its own, so a second copy of one (an email sent twice) shows as a second arrival.
     */
    private void collectArrivals() {
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BANGKOK);
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage message : Smtp.received()) {
            try {
                String id = message.getMessageID();
                int copy = copies.merge(id, 1, Integer::sum);
                if (copy <= seen.getOrDefault(id, 0)) {
                    continue;
                }
                seen.put(id, copy);
                String text = SmtpTestServer.part(message, "text/plain");
                Matcher link = TASK_IN_LINK.matcher(text);
                arrivals.add(new Arrival(now, message.getAllRecipients()[0].toString(), message.getSubject(), text,
                        link.find() ? link.group(1) : null));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private org.springframework.http.ResponseEntity<JsonNode> extend(long cycleId, String key, String officeCode,
                                                                     String newDate, String reason) {
        return admin().post().uri("/api/admin/cycles/" + cycleId + "/deadlines/" + key + "/extensions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("officeCode", officeCode, "newDate", newDate, "reason", reason))
                .retrieve().toEntity(JsonNode.class);
    }

    private List<JsonNode> escalations(long cycleId) {
        return EngineRestClient.toList(admin().get().uri("/api/admin/escalations?cycleId=" + cycleId).retrieve()
                .body(JsonNode.class));
    }

    private RestClient admin() {
        String token = Base64.getEncoder().encodeToString(("y.admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private EngineRestClient user(String id, String email, String groupId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("ทดสอบ");
            user.setEmail(email);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(id, groupId);
        }
        return new EngineRestClient(port, id, PASSWORD);
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BANGKOK).toInstant()));
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), BANGKOK);
    }

    private static LocalDateTime local(JsonNode instant) {
        return LocalDateTime.ofInstant(java.time.Instant.parse(instant.asText()), BANGKOK);
    }
}
