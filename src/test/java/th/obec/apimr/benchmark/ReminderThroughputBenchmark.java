package th.obec.apimr.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.benchmark.BenchmarkEnvironment.perSecond;
import static th.obec.apimr.benchmark.BenchmarkEnvironment.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import th.obec.apimr.benchmark.BenchmarkEnvironment.Database;
import th.obec.apimr.benchmark.BenchmarkEnvironment.FreshDatabase;
import th.obec.apimr.cycle.UnitInstances;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.support.TestUsers;

/**
 * Reminder emails per second through the product: open tasks whose Process_TaskDeadline (started by the product's
 * {@code taskDeadlines} listener) waits for its reminder timers, the engine clock moved past a reminder's moment,
 * and the job executors of the application run the timer jobs and the asynchronous send jobs, whose
 * {@code taskNoticeDelegate} delivers through the real {@code EmailTaskNotifier} (notification record, claim, SMTP,
 * sent mark) to GreenMail. Every round delivers 10,000 reminders (2,500 tasks × 4 coordinators of the task's office);
 * the three lead times (7, 3 and 1 working days) give three rounds on the same tasks:
 * <ol>
 * <li>one node, Camunda's default job-execution settings (the baseline);</li>
 * <li>one node, the product's job-execution settings (application.yml);</li>
 * <li>two nodes with the product's settings: two application contexts in this JVM, each with its own engine
 * (process-engine-name) and job executor, sharing one PostgreSQL database, as two servers behind a load balancer
 * would. The engine clock is one static clock for the JVM, which both follow.</li>
 * </ol>
 * Asserts that every reminder arrived exactly once: as many distinct Message-IDs (one per notification key) as
 * messages received, and one SENT notification per key.
 */
@Tag("benchmark")
class ReminderThroughputBenchmark {

    private static final int TASKS = 2500;
    private static final int COORDINATORS = 4;
    private static final int REMINDERS = TASKS * COORDINATORS;
    private static final String PROCESS = "Process_ReminderBenchmark";
    private static final Instant SET_UP_TIME = Instant.parse("2023-01-02T02:00:00Z");
    private static final Date DUE = Date.from(Instant.parse("2023-02-15T09:30:00Z"));
    private static final long ROUND_TIMEOUT_MS = 120_000;

    /** Camunda's own defaults of the Spring Boot starter's camunda.bpm.job-execution.* */
    private static final Map<String, Object> CAMUNDA_DEFAULTS = Map.of(
            "camunda.bpm.job-execution.core-pool-size", 3,
            "camunda.bpm.job-execution.max-pool-size", 10,
            "camunda.bpm.job-execution.queue-capacity", 3,
            "camunda.bpm.job-execution.max-jobs-per-acquisition", 3);

    private GreenMail smtp;
    private final List<String> incomplete = new ArrayList<>();

    record Round(String what, double seconds, int received) {
        double rate() {
            return received / seconds;
        }
    }

    @AfterEach
    void stop() {
        ClockUtil.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void remindersPerSecondOnOneAndTwoNodes() throws Exception {
        int port = freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        FreshDatabase database = FreshDatabase.of(Database.POSTGRES);
        List<Round> rounds = new ArrayList<>();
        ConfigurableApplicationContext nodeB = null;
        ConfigurableApplicationContext nodeC = null;
        try {
            ClockUtil.setCurrentTime(Date.from(SET_UP_TIME));
            Map<String, Object> defaults = new HashMap<>(node("a", port));
            defaults.putAll(CAMUNDA_DEFAULTS);
            ConfigurableApplicationContext nodeA = BenchmarkEnvironment.product(database, new SqlCounter(), defaults);
            JdbcTemplate jdbc;
            try {
                setUp(nodeA);
                jdbc = new JdbcTemplate(nodeA.getBean(javax.sql.DataSource.class));
                rounds.add(round("one node, Camunda's default job-execution settings", List.of(nodeA), jdbc, 7));
            } finally {
                nodeA.close();
            }
            nodeB = BenchmarkEnvironment.product(database, new SqlCounter(), node("b", port));
            jdbc = new JdbcTemplate(nodeB.getBean(javax.sql.DataSource.class));
            progress("node b: job executor %s", describe(nodeB));
            rounds.add(round("one node, the product's job-execution settings", List.of(nodeB), jdbc, 3));
            nodeC = BenchmarkEnvironment.product(database, new SqlCounter(), node("c", port));
            progress("node c: job executor %s", describe(nodeC));
            rounds.add(round("two nodes, the product's job-execution settings", List.of(nodeB, nodeC), jdbc, 1));
        } finally {
            if (nodeC != null) {
                nodeC.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
            database.drop();
        }

        BenchmarkReport report = new BenchmarkReport("50-reminders", "Reminder emails per second")
                .intro("10,000 due reminders per round delivered to an in-process SMTP server (GreenMail) on"
                        + " PostgreSQL: 2,500 open tasks, each watched by its Process_TaskDeadline (started by the"
                        + " product's taskDeadlines listener), whose office has 4 coordinators with email addresses;"
                        + " the engine clock is moved past one reminder moment (7, then 3, then 1 working days"
                        + " before the due date) and the application's job executors run the timer jobs and the"
                        + " asynchronous send jobs, which deliver through the product's EmailTaskNotifier"
                        + " (notification record, claim, SMTP, sent mark: three short transactions per email)."
                        + " Time runs from the clock's move until the 10,000th notification is SENT. Two nodes:"
                        + " two application contexts in one JVM, each with its own engine and job executor, sharing"
                        + " one PostgreSQL database (the engine clock is the JVM's, so both follow it).");
        Round baseline = rounds.get(0);
        for (Round round : rounds) {
            report.row(round.what, perSecond(round.rate()) + " (" + String.format(Locale.ROOT, "%.1f s", round.seconds)
                    + ")", round == baseline ? "-" : perSecond(baseline.rate()), "≥ 200/s, no duplicate",
                    BenchmarkReport.atLeast(round.rate(), 200));
        }
        report.note("Baseline: the same product and the same jobs with the job-execution settings of Camunda's"
                + " Spring Boot starter (core pool 3, max pool 10, queue 3, 3 jobs per acquisition); the product's"
                + " settings are those of application.yml (camunda.bpm.job-execution.*).");
        if (incomplete.isEmpty()) report.note("Every round: as many distinct Message-IDs as messages received (" + REMINDERS
                + "), and one SENT notification per key: no duplicate, none lost.");
        for (String round : incomplete) {
            report.note("Stopped after " + ROUND_TIMEOUT_MS / 1000 + " s without every reminder: " + round
                    + "; the rate is over what was sent.");
        }
        report.write();
        // An unfinished round is a figure (recorded above), not a failure: benchmarks assert no times. Duplicates
        // are asserted in every round that finished.
    }

    private static Map<String, Object> node(String name, int smtpPort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("camunda.bpm.process-engine-name", "reminders" + name.toUpperCase(Locale.ROOT));
        properties.put("camunda.bpm.job-execution.enabled", true);
        properties.put("camunda.bpm.generic-properties.properties.jobExecutorActivate", true);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort);
        properties.put("logging.level.th.obec.apimr.notification", "warn");
        return properties;
    }

    private static org.camunda.bpm.engine.impl.jobexecutor.JobExecutor jobExecutor(ConfigurableApplicationContext node) {
        var executor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor();
        if (!executor.isActive()) {
            executor.start();
        }
        return executor;
    }

    private static String describe(ConfigurableApplicationContext node) {
        var executor = jobExecutor(node);
        return executor.getClass().getSimpleName() + ", " + executor.getMaxJobsPerAcquisition() + " jobs per acquisition";
    }

    /** 2,500 open tasks over the offices, each office's coordinators group with 4 users who have an email address. */
    private void setUp(ConfigurableApplicationContext node) {
        ProcessEngine engine = node.getBean(ProcessEngine.class);
        List<String> offices = node.getBean(OfficeService.class).activeOffices().stream().map(o -> o.code()).toList();
        long start = System.nanoTime();
        for (String office : offices) {
            for (int i = 1; i <= COORDINATORS; i++) {
                String id = "bench." + office.toLowerCase(Locale.ROOT) + "." + i;
                TestUsers.ensure(engine.getIdentityService(), id, "bench", id + "@bench.test",
                        Groups.coordinators(office));
            }
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(400)
                .startEvent().userTask("Task_Open").name("งานที่ต้องส่ง")
                .camundaCandidateGroups("${coordinatorsGroup}").camundaDueDate("${dueAt}")
                .camundaTaskListenerDelegateExpression("create", "${taskDeadlines}")
                .camundaTaskListenerDelegateExpression("complete", "${taskDeadlines}")
                .camundaTaskListenerDelegateExpression("delete", "${taskDeadlines}")
                .endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("reminders.bpmn", model).deploy();
        List<UnitInstances.Unit> units = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            String office = offices.get(i % offices.size());
            Map<String, Object> variables = new HashMap<>();
            variables.put("cycleId", 1L);
            variables.put("officeCode", office);
            variables.put("officeName", "office " + office);
            variables.put("coordinatorsGroup", Groups.coordinators(office));
            variables.put("dueAt", DUE);
            units.add(new UnitInstances.Unit("bench-" + i, variables));
        }
        UnitInstances.Result result = node.getBean(UnitInstances.class).start(PROCESS, units, 250,
                started -> progress("reminders set-up: %d tasks open", started));
        assertThat(result.complete()).isTrue();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("Process_TaskDeadline")
                .count()).isEqualTo(TASKS);
        progress("reminders set-up: %d users, %d tasks with their deadline watch in %.0f s",
                offices.size() * COORDINATORS, TASKS, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Moves the clock just past the moment of the reminder {@code days} working days before the due date (the
     * earliest timer of the watches) and waits until every reminder of it is SENT.
     */
    private Round round(String what, List<ConfigurableApplicationContext> nodes, JdbcTemplate jdbc, int days)
            throws Exception {
        ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
        List<Job> timers = engine.getManagementService().createJobQuery().processDefinitionKey("Process_TaskDeadline")
                .timers().duedateHigherThan(ClockUtil.getCurrentTime()).orderByJobDuedate().asc().listPage(0, 1);
        assertThat(timers).isNotEmpty();
        Date reminderAt = timers.get(0).getDuedate();
        String kindStep = "REMINDER', " + days;
        long sentBefore = sent(jdbc, days);
        assertThat(sentBefore).isZero();
        smtp.purgeEmailFromAllMailboxes();
        progress("%s: clock to %s (reminder %d working days before)", what, reminderAt.toInstant(), days);
        long start = System.nanoTime();
        ClockUtil.setCurrentTime(new Date(reminderAt.getTime() + 60_000));
        // In production time passes and the idle acquisition finds the timers within its wait; here the clock
        // jumps, so each job executor is told that jobs are there, as a new job would tell it.
        nodes.forEach(node -> jobExecutor(node).jobWasAdded());
        long sent = 0;
        long lastPrint = System.nanoTime();
        while (sent < REMINDERS && (System.nanoTime() - start) / 1_000_000 < ROUND_TIMEOUT_MS) {
            Thread.sleep(200);
            sent = sent(jdbc, days);
            if (System.nanoTime() - lastPrint > 5e9) {
                progress("%s: %d of %d sent, %.0f/s", what, sent, REMINDERS, sent / ((System.nanoTime() - start) / 1e9));
                lastPrint = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sent < REMINDERS) {
            progress("%s: only %d of %d sent in %.0f s", what, sent, REMINDERS, seconds);
            incomplete.add(what + ": " + sent + " of " + REMINDERS + " sent in " + Math.round(seconds) + " s");
            return new Round(what, seconds, (int) sent);
        }
        Thread.sleep(500);
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : received) {
            messageIds.add(message.getMessageID());
        }
        assertThat(received).as("messages received").hasSize(REMINDERS);
        assertThat(messageIds).as("distinct Message-IDs").hasSize(REMINDERS);
        assertThat(jdbc.queryForObject("select count(distinct notice_key) from notification where kind = 'REMINDER'"
                + " and step = ? and status = 'SENT'", Long.class, days)).isEqualTo(REMINDERS);
        progress("%s: %d reminders in %.1f s, %.0f/s, %d distinct Message-IDs", what, REMINDERS, seconds,
                REMINDERS / seconds, messageIds.size());
        smtp.purgeEmailFromAllMailboxes();
        return new Round(what, seconds, REMINDERS);
    }

    private static long sent(JdbcTemplate jdbc, int days) {
        return jdbc.queryForObject("select count(*) from notification where kind = 'REMINDER' and step = ?"
                + " and status = 'SENT'", Long.class, days);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
