package th.obec.apimr.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.benchmark.BenchmarkEnvironment.perSecond;
import static th.obec.apimr.benchmark.BenchmarkEnvironment.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import th.obec.apimr.calendar.WorkingCalendar;
import th.obec.apimr.cycle.UnitInstances;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.support.TestUsers;

/**
 * Reminder emails per second through the product: open tasks whose Process_TaskDeadline (started by the product's
 * {@code taskDeadlines} listener) waits for its reminder timers, the engine clock moved past a reminder's moment,
 * and the job executors of the application run the timer jobs and the asynchronous send jobs, whose
 * {@code taskNoticeDelegate} delivers through the real {@code EmailTaskNotifier} (per send job: the notification
 * records, the claims and the sent marks one transaction each, the emails over one SMTP connection) to GreenMail. 2,500 tasks, each of whose offices has 4 coordinators: 1,000 tasks are due on
 * {@link #DUE}, 1,500 on a later date chosen so that their 7-day reminder falls on the moment of the first ones'
 * 3-day reminder. Three rounds, each one clock move:
 * <ol>
 * <li>one node, Camunda's default job-execution settings (the baseline): the 7-day reminders of the 1,000 tasks,
 * 4,000 emails;</li>
 * <li>one node, the product's job-execution settings (application.yml): the 3-day reminders of the 1,000 tasks and
 * the 7-day reminders of the 1,500, 10,000 emails;</li>
 * <li>two nodes with the product's settings: two application contexts in this JVM, each with its own engine
 * (process-engine-name) and job executor, sharing one PostgreSQL database, as two servers behind a load balancer
 * would; the 1-day reminders of the 1,000 tasks, 4,000 emails. The engine clock is one static clock for the JVM,
 * which both follow.</li>
 * </ol>
 * A round starts only when every reminder of the one before is SENT, so it counts exactly its own emails (the SENT
 * reminders added since its clock move) over the time from the clock move until its last one is SENT. After all
 * rounds, asserts that every reminder arrived exactly once: as many messages and distinct Message-IDs (one per
 * notification key) as reminders due, and one SENT notification per key. Per round it also counts the SQL
 * statements and commits of the nodes (load-independent), per email.
 */
@Tag("benchmark")
class ReminderThroughputBenchmark {

    private static final int EARLY_TASKS = 1000;
    private static final int LATE_TASKS = 1500;
    private static final int TASKS = EARLY_TASKS + LATE_TASKS;
    private static final int COORDINATORS = 4;
    private static final String PROCESS = "Process_ReminderBenchmark";
    private static final Instant SET_UP_TIME = Instant.parse("2023-01-02T02:00:00Z");
    private static final Instant DUE = Instant.parse("2023-02-15T09:30:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");
    /** How long all rounds together may wait for their reminders (from the first clock move). */
    private static final long RUN_CAP_MS = 600_000;

    /** Camunda's own defaults of the Spring Boot starter's camunda.bpm.job-execution.* */
    private static final Map<String, Object> CAMUNDA_DEFAULTS = Map.of(
            "camunda.bpm.job-execution.core-pool-size", 3,
            "camunda.bpm.job-execution.max-pool-size", 10,
            "camunda.bpm.job-execution.queue-capacity", 3,
            "camunda.bpm.job-execution.max-jobs-per-acquisition", 3);

    private GreenMail smtp;
    private long runDeadline;
    private long expectedInAll;

    /** SQL the nodes ran during a round, and the SMTP connections GreenMail saw opened. */
    record Work(long statements, long commits, long notificationStatements, Map<String, Long> byShape) {
        /** The statement kinds ("insert ACT_HI_ACTINST") that ran most often, most first. */
        List<Map.Entry<String, Long>> top(int n) {
            return byShape.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())).limit(n)
                    .toList();
        }
    }

    record Round(String what, long reminders, double seconds, long sent, Work work, String load) {
        double rate() {
            return sent / seconds;
        }

        boolean finished() {
            return sent == reminders;
        }

        String perEmail(long count) {
            return String.format(Locale.ROOT, "%.2f", (double) count / Math.max(1, sent));
        }
    }

    private final Map<ConfigurableApplicationContext, SqlCounter> counters = new HashMap<>();

    private ConfigurableApplicationContext node(FreshDatabase database, Map<String, Object> properties) {
        SqlCounter counter = new SqlCounter();
        ConfigurableApplicationContext node = BenchmarkEnvironment.product(database, counter, properties);
        counters.put(node, counter);
        return node;
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
        long totalSent;
        long duplicateKeys;
        try {
            ClockUtil.setCurrentTime(Date.from(SET_UP_TIME));
            Map<String, Object> defaults = new HashMap<>(node("a", port));
            defaults.putAll(CAMUNDA_DEFAULTS);
            ConfigurableApplicationContext nodeA = node(database, defaults);
            // The benchmark's own polling goes through a data source of its own, not counted with the nodes' SQL.
            JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    database.url(), database.user(), ""));
            try {
                setUp(nodeA);
                runDeadline = System.nanoTime() + RUN_CAP_MS * 1_000_000;
                rounds.add(round("one node, Camunda's default job-execution settings", List.of(nodeA), jdbc));
            } finally {
                nodeA.close();
            }
            nodeB = node(database, node("b", port));
            progress("node b: job executor %s", describe(nodeB));
            if (rounds.get(0).finished()) {
                Round product = round("one node, the product's job-execution settings", List.of(nodeB), jdbc);
                assertThat(product.reminders()).as("reminders of the product's one-node round").isEqualTo(10_000);
                rounds.add(product);
            }
            if (rounds.get(rounds.size() - 1).finished()) {
                nodeC = node(database, node("c", port));
                progress("node c: job executor %s", describe(nodeC));
                rounds.add(round("two nodes, the product's job-execution settings", List.of(nodeB, nodeC), jdbc));
            }
            // An unfinished round ends the measuring; what it left is delivered (uncounted) before the check.
            drain(jdbc, expectedInAll, System.nanoTime() + 300_000_000_000L, "the rest");
            totalSent = sentReminders(jdbc);
            duplicateKeys = jdbc.queryForObject("select count(*) - count(distinct notice_key) from notification"
                    + " where kind = 'REMINDER' and status = 'SENT'", Long.class);
        } finally {
            if (nodeC != null) {
                nodeC.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
            database.drop();
        }
        // Every node is closed, so nothing more is sent, and GreenMail stores a message before it answers its sender;
        // the wait only guards against a message still being stored. It returns once as many messages as SENT
        // reminders have arrived and leaves any surplus (a duplicate) in the count below.
        assertThat(smtp.waitForIncomingEmail(10_000, Math.toIntExact(totalSent))).as("messages of SENT reminders"
                + " received").isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage message : received) {
            messageIds.add(message.getMessageID());
        }
        progress("after all rounds: %d reminders due, %d SENT, %d messages received, %d distinct Message-IDs",
                expectedInAll, totalSent, received.length, messageIds.size());

        BenchmarkReport report = new BenchmarkReport("50-reminders", "Reminder emails per second")
                .intro("Due reminders delivered to an in-process SMTP server (GreenMail) on PostgreSQL: 2,500 open"
                        + " tasks, each watched by its Process_TaskDeadline (started by the product's taskDeadlines"
                        + " listener), whose office has 4 coordinators with email addresses; 1,000 tasks are due on"
                        + " one date, 1,500 on a later one whose 7-day reminder falls on the first ones' 3-day"
                        + " reminder. Each round moves the engine clock past one reminder moment and the application's"
                        + " job executors run the timer jobs and the asynchronous send jobs, which deliver through the"
                        + " product's EmailTaskNotifier: per send job (one task's 4 coordinators) one transaction records"
                        + " the 4 notifications, one claims them, the 4 emails go over one SMTP connection and one"
                        + " transaction marks them SENT. Round 1 (7-day reminders of 1,000 tasks) and round 3 (1-day"
                        + " reminders of 1,000 tasks) send 4,000 emails, round 2 (3-day reminders of the 1,000 and"
                        + " 7-day reminders of the 1,500) 10,000. A round starts only when every email of the one"
                        + " before is SENT; its time runs from the clock's move until its last notification is SENT,"
                        + " and it counts only its own emails. Two nodes: two application contexts in one JVM, each"
                        + " with its own engine and job executor, sharing one PostgreSQL database (the engine clock is"
                        + " the JVM's, so both follow it).");
        Round baseline = rounds.get(0);
        for (Round round : rounds) {
            String figure = perSecond(round.rate()) + " (" + String.format(Locale.ROOT, "%,d in %.1f s",
                    round.sent(), round.seconds()) + (round.finished() ? "" : " of " + round.reminders()) + ")";
            report.row(round.what(), figure, round == baseline ? "-" : perSecond(baseline.rate()),
                    "≥ 200/s, no duplicate", BenchmarkReport.atLeast(round.rate(), 200));
        }
        report.note("Baseline: the same product and the same jobs with the job-execution settings of Camunda's"
                + " Spring Boot starter (core pool 3, max pool 10, queue 3, 3 jobs per acquisition); the product's"
                + " settings are those of application.yml (camunda.bpm.job-execution.*).");
        for (Round round : rounds) {
            if (!round.finished()) {
                report.note("Unfinished within the run's cap of " + RUN_CAP_MS / 1000 + " s: " + round.what() + ", "
                        + round.sent() + " of " + round.reminders() + " sent; the later rounds were not measured.");
            }
        }
        StringBuilder work = new StringBuilder("SQL per email (counted by a proxy around each node's data source,"
                + " independent of load; includes the engine's timer and send jobs):");
        for (Round round : rounds) {
            work.append(" ").append(round.what()).append(": ").append(round.perEmail(round.work().statements()))
                    .append(" statements, of which ").append(round.perEmail(round.work().notificationStatements()))
                    .append(" on the notification tables, and ").append(round.perEmail(round.work().commits()))
                    .append(" commits;");
        }
        work.setLength(work.length() - 1);
        Round product = rounds.size() > 1 ? rounds.get(1) : baseline;
        StringBuilder shapes = new StringBuilder("The statements run most often in the round \"" + product.what()
                + "\", per email:");
        product.work().top(10).forEach(shape -> shapes.append(" ").append(shape.getKey()).append(" ")
                .append(product.perEmail(shape.getValue())).append(";"));
        shapes.setLength(shapes.length() - 1);
        report.note(shapes.append(". The notification tables take ").append(product.perEmail(
                product.work().notificationStatements())).append(" of its ").append(product.perEmail(
                product.work().statements())).append(" statements per email; the rest is the engine's timer and send"
                + " jobs (history level full less the copy of every variable write, system/EngineHistoryLevel: 21.19"
                + " statements per email in the product's round of the runs before it).").toString());
        StringBuilder load = new StringBuilder("Load average (1 minute) of the 2-core machine as each round ended"
                + " (the benchmark's own threads included, other builds possibly running):");
        rounds.forEach(round -> load.append(" ").append(round.what()).append(" ").append(round.load()).append(";"));
        load.setLength(load.length() - 1);
        report.note(load.append(". The rates are what this machine gave under that load, not a capacity of the"
                + " design; the statement and commit counts do not depend on it. The two-node round runs both nodes"
                + " in the one JVM on the same 2 cores: it adds job-executor threads but no CPU.").toString());
        report.note(work.append(". Before, each email had its own three notification transactions (record, claim,"
                + " sent mark: 3 commits and 6 notification statements per email: insert, id, preference, claim, sent mark, id, besides the engine's jobs)"
                + " and its own SMTP connection.").toString());
        report.note(String.format(Locale.ROOT, "After all rounds: %,d reminders due, %,d SENT notifications with %d"
                + " duplicate keys, %,d messages received with %,d distinct Message-IDs.", expectedInAll, totalSent,
                duplicateKeys, received.length, messageIds.size()));
        report.write();

        assertThat(duplicateKeys).as("SENT reminders sharing a notification key").isZero();
        assertThat(totalSent).as("SENT reminders").isEqualTo(expectedInAll);
        assertThat(received).as("messages received").hasSize((int) expectedInAll);
        assertThat(messageIds).as("distinct Message-IDs").hasSize((int) expectedInAll);
        assertThat(rounds).as("rounds measured").hasSize(3);
        // Rates are figures (recorded above), not assertions: benchmarks assert no times.
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

    /**
     * 2,500 open tasks over the offices, each office's coordinators group with 4 users who have an email address;
     * the first 1,000 due on {@link #DUE}, the others on the date whose 7-day reminder is the first ones' 3-day one.
     */
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
        Date early = Date.from(DUE);
        Date late = Date.from(laterDue(node.getBean(WorkingCalendar.class)));
        progress("reminders set-up: %d tasks due %s, %d due %s", EARLY_TASKS, early.toInstant(), LATE_TASKS,
                late.toInstant());
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
            variables.put("dueAt", i < EARLY_TASKS ? early : late);
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

    /** The first due date after {@link #DUE} (same time of day) whose 7-day reminder day is DUE's 3-day one. */
    private static Instant laterDue(WorkingCalendar calendar) {
        LocalDate dueDate = DUE.atZone(ZONE).toLocalDate();
        LocalDate threeDaysBefore = calendar.workingDaysBefore(dueDate, 3);
        for (int days = 1; days < 30; days++) {
            if (calendar.workingDaysBefore(dueDate.plusDays(days), 7).equals(threeDaysBefore)) {
                return DUE.plus(Duration.ofDays(days));
            }
        }
        throw new IllegalStateException("no due date has its 7-day reminder on " + threeDaysBefore);
    }

    /**
     * Moves the clock just past the earliest timer of the watches (a reminder moment) and waits until every
     * reminder due by then is SENT. The previous round is fully SENT when this starts, so the SENT reminders added
     * since the move are exactly this round's.
     */
    private Round round(String what, List<ConfigurableApplicationContext> nodes, JdbcTemplate jdbc)
            throws Exception {
        ProcessEngine engine = nodes.get(0).getBean(ProcessEngine.class);
        var jobs = engine.getManagementService().createJobQuery().processDefinitionKey("Process_TaskDeadline");
        List<Job> timers = jobs.timers().duedateHigherThan(ClockUtil.getCurrentTime()).orderByJobDuedate().asc()
                .listPage(0, 1);
        assertThat(timers).isNotEmpty();
        Date reminderAt = timers.get(0).getDuedate();
        Date moveTo = new Date(reminderAt.getTime() + 60_000);
        long tasks = engine.getManagementService().createJobQuery().processDefinitionKey("Process_TaskDeadline")
                .timers().duedateLowerThan(new Date(moveTo.getTime() + 1)).count();
        long reminders = tasks * COORDINATORS;
        long sentBefore = sentReminders(jdbc);
        assertThat(sentBefore).as("SENT reminders before the round").isEqualTo(expectedInAll);
        expectedInAll += reminders;
        progress("%s: clock to %s, %d reminder timers due, %d reminders", what, reminderAt.toInstant(), tasks,
                reminders);
        List<SqlCounter.Snapshot> before = nodes.stream().map(node -> counters.get(node).snapshot()).toList();
        long start = System.nanoTime();
        ClockUtil.setCurrentTime(moveTo);
        // In production time passes and the idle acquisition finds the timers within its wait; here the clock
        // jumps, so each job executor is told that jobs are there, as a new job would tell it.
        nodes.forEach(node -> jobExecutor(node).jobWasAdded());
        long end = drain(jdbc, expectedInAll, runDeadline, what);
        long sent = sentReminders(jdbc) - sentBefore;
        double seconds = (end - start) / 1e9;
        long statements = 0;
        long commits = 0;
        long notification = 0;
        Map<String, Long> byShape = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            SqlCounter.Snapshot work = counters.get(nodes.get(i)).snapshot().minus(before.get(i));
            statements += work.statements();
            commits += work.commits();
            notification += work.onTables("notification");
            work.byShape().forEach((shape, n) -> byShape.merge(shape, n, Long::sum));
        }
        progress("%s: %d of %d reminders in %.1f s, %.0f/s; %d statements (%d on notification tables), %d commits",
                what, sent, reminders, seconds, sent / seconds, statements, notification, commits);
        return new Round(what, reminders, seconds, Math.min(sent, reminders),
                new Work(statements, commits, notification, byShape), loadAverage());
    }

    /** Waits until {@code expected} reminders are SENT or {@code deadline} passes; the time of the last count. */
    private static long drain(JdbcTemplate jdbc, long expected, long deadline, String what)
            throws InterruptedException {
        long sent = sentReminders(jdbc);
        long seen = System.nanoTime();
        long lastPrint = seen;
        while (sent < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = System.nanoTime();
            long count = sentReminders(jdbc);
            if (count != sent) {
                seen = now;
            }
            sent = count;
            if (now - lastPrint > 10e9) {
                progress("%s: %d of %d SENT", what, sent, expected);
                lastPrint = now;
            }
        }
        return seen;
    }

    /** The machine's 1-minute load average as the round ended (Linux), or "?" where unknown. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unknown) {
            return "?";
        }
    }

    private static long sentReminders(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from notification where kind = 'REMINDER' and status = 'SENT'",
                Long.class);
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
