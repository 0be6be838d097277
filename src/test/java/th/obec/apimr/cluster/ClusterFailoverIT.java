package th.obec.apimr.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.PostgresTestDatabase;
import th.obec.apimr.support.FreePorts;
import th.obec.apimr.support.SmtpTestServer;

/**
 * Two nodes of the application, each a JVM of its own ({@link ClusterNodeMain}), on one new PostgreSQL database, with
 * a real SMTP server (GreenMail) in the test JVM. Both start at the same moment against the empty database and come
 * up; a cycle for {@value #OFFICE_COUNT} offices is launched on node A and continued on node B; the engine clocks of
 * the nodes are moved (a test-only endpoint, {@link NodeControl}) to the reminders' moments. Node A's mail sender
 * hangs after {@value #MAILS_BEFORE_HANG} emails, in the middle of sending the first reminders, and node A is killed
 * (SIGKILL) there. Node B then runs what A left: A's jobs once their lock expired, A's claimed notices once their
 * claim timed out (both on the engine clock, moved past the 5 minutes). Every reminder arrives, once per
 * Message-ID: the only second copies are of emails the SMTP server had accepted from a send job of A that had not
 * yet marked them sent (the documented at-least-once window), with the same Message-ID. Nothing is lost, no
 * incident, and a user whose work started on node A carries on with it on node B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    static final int OFFICE_COUNT = 30;
    /** Node A hands this many emails to the SMTP server, then hangs in the next send (up to 10 job threads). */
    static final int MAILS_BEFORE_HANG = 20;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Cl7-Failover-Engine#2566";
    static final String PASSWORD = "cluster-user-Pw9";
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final Instant LAUNCH = LocalDateTime.of(2022, 10, 10, 10, 0).atZone(BANGKOK).toInstant();
    /** Past the job lock time (5 minutes) and the notification claim timeout (5 minutes). */
    static final Duration PAST_LOCKS = Duration.ofMinutes(6);
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    static final Pattern OFFICE_IN_TEXT = Pattern.compile("หน่วยงาน: (.+)");
    static final Pattern DAYS_LEFT = Pattern.compile("เหลืออีก (\\d+) วันทำการ");

    static final Path DIR = Path.of(System.getProperty("build.dir", "target"), "cluster");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PostgresTestDatabase database;
    static GreenMail smtp;
    static Node nodeA;
    static Node nodeB;
    static final List<Node> NODES = new ArrayList<>();
    static final long STARTED = System.nanoTime();

    /** One application node: its process, HTTP port and log. */
    record Node(String name, int port, Process process, Path log) {

        EngineRestClient as(String userId, String password) {
            return new EngineRestClient(port, userId, password);
        }

        void clock(Instant at) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/clock?at=" + at))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(response.statusCode()).as(name + " clock").isEqualTo(200);
        }

        boolean ready() {
            try {
                return HTTP.send(HttpRequest.newBuilder(uri("/test/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static HttpResponse<String> send(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }

    @BeforeAll
    static void twoNodesOnOneNewDatabase() throws IOException {
        database = PostgresTestDatabase.create();
        Files.createDirectories(DIR);
        Files.deleteIfExists(marker());
        smtp = new GreenMail(new ServerSetup(FreePorts.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // Both at the same moment against the empty database.
        nodeA = start("node-a", "--apimr.test.cluster.hang-mail-after=" + MAILS_BEFORE_HANG,
                "--apimr.test.cluster.marker=" + marker().toAbsolutePath());
        nodeB = start("node-b");
        awaitReady(nodeA, nodeB);
        phase("both nodes ready");
    }

    @AfterAll
    static void stopEverything() {
        for (Node node : NODES) {
            node.process().destroyForcibly();
        }
        for (Node node : NODES) {
            try {
                node.process().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    @Order(1)
    void twoNodesStartingTogetherOnAnEmptyDatabaseBothComeUpAndPrepareItOnce() throws IOException {
        assertThat(nodeA.process().isAlive()).isTrue();
        assertThat(nodeB.process().isAlive()).isTrue();
        // The start-up work ran on one node after the other: the second took the lock after the first let it go.
        List<Instant[]> holds = new ArrayList<>();
        for (Node node : List.of(nodeA, nodeB)) {
            Instant taken = logTime(node, "Start-up lock taken");
            Instant released = logTime(node, "Start-up lock released");
            assertThat(taken).as(node.name() + " took the start-up lock").isNotNull();
            assertThat(released).as(node.name() + " released it").isNotNull().isAfterOrEqualTo(taken);
            holds.add(new Instant[] {taken, released});
        }
        holds.sort((x, y) -> x[0].compareTo(y[0]));
        assertThat(holds.get(1)[0]).as("the second node took the lock after the first released it")
                .isAfterOrEqualTo(holds.get(0)[1]);

        // Everything exists once: the offices, one version of each model, each shared Tasklist filter once.
        assertThat(count("select count(*) from office")).isGreaterThan(200);
        assertThat(count("select count(*) from act_re_procdef where key_ = 'Process_AreaOfficeCycle'")).isEqualTo(1);
        assertThat(rows("select key_, count(*) from act_re_procdef group by key_ having count(*) > 1"))
                .as("no model deployed twice").isEmpty();
        assertThat(count("select count(*) from act_ru_filter")).isEqualTo(6);
        assertThat(count("select count(distinct name_) from act_ru_filter")).isEqualTo(6);
        assertThat(count("select count(*) from act_id_user where id_ = ?", ADMIN)).isEqualTo(1);
        assertThat(count("select count(*) from act_id_group where id_ like 'office-%-coordinators'"))
                .isEqualTo(count("select count(*) from office"));
        assertThat(count("select count(*) from flyway_schema_history where success = false")).isZero();
    }

    @Test
    @Order(2)
    void nodeBFinishesTheRemindersOfAKilledNodeAEachExactlyOnce() throws Exception {
        Map<String, String> offices = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("select code, short_name_th from office where active = true order by code"
                + " limit " + OFFICE_COUNT)) {
            offices.put((String) row.get("code"), (String) row.get("short_name_th"));
        }
        assertThat(offices).hasSize(OFFICE_COUNT);

        // Users, made by the engine administrator on either node; two coordinators per office.
        createUser(nodeA, "cl.admin", null, Groups.OBEC_ADMIN);
        createUser(nodeB, "cl.analyst", "analyst@cluster.test", Groups.OBEC_MONITOR);
        Map<String, List<String>> coordinatorMails = new LinkedHashMap<>();
        List<Callable<Void>> creations = new ArrayList<>();
        int i = 0;
        for (String code : offices.keySet()) {
            Node node = i++ % 2 == 0 ? nodeA : nodeB;
            List<String> mails = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                String id = coordinator(code, n);
                String mail = id + "@cluster.test";
                creations.add(() -> {
                    createUser(node, id, mail, Groups.coordinators(code));
                    return null;
                });
                mails.add(mail);
            }
            coordinatorMails.put(code, mails);
        }
        // Both nodes at once, as administrators working at the same time would.
        ExecutorService administrators = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> creation : administrators.invokeAll(creations)) {
                creation.get();
            }
        } finally {
            administrators.shutdownNow();
        }
        phase("users created through the engine REST API");

        // Launch on node A, OBEC's national analysis on node B; the office processes start on both nodes.
        clocks(LAUNCH, nodeA, nodeB);
        JsonNode cycle = nodeA.as("cl.admin", PASSWORD).post("/api/cycles",
                Map.of("fiscalYear", 2566, "officeCodes", List.copyOf(offices.keySet()))).ok().body();
        assertThat(cycle.get("offices").asInt()).isEqualTo(OFFICE_COUNT);
        String nationalId = cycle.get("processInstanceId").asText();
        EngineRestClient analyst = nodeB.as("cl.analyst", PASSWORD);
        List<JsonNode> national = analyst.myTasks("Task_AnalyseNationalPolicy");
        assertThat(national).hasSize(1);
        analyst.complete(national.get(0), CycleFormValues.nationalAnalysis());
        await("every office's analysis task and its deadline watch", Duration.ofSeconds(120),
                () -> count("select count(*) from act_ru_task where task_def_key_ = 'Task_AnalysePolicy'")
                        == OFFICE_COUNT && watchTimers().size() == OFFICE_COUNT && settled(LAUNCH));
        phase("cycle launched, " + OFFICE_COUNT + " office processes started");

        String firstOffice = offices.keySet().iterator().next();
        EngineRestClient coordinatorOnA = nodeA.as(coordinator(firstOffice, 1), PASSWORD);
        assertThat(coordinatorOnA.myTasks("Task_AnalysePolicy")).as("the coordinator's task, listed on node A")
                .hasSize(1);

        // The first reminders (7 working days before the due date) fall due on node A first: A sends 20 emails,
        // then hangs in the middle of sending with notices claimed and jobs locked.
        Instant first = onlyMoment(watchTimers());
        assertThat(LocalDateTime.ofInstant(first, BANGKOK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        nodeA.clock(first);
        await("node A hanging in the middle of sending", Duration.ofSeconds(60), () -> Files.exists(marker()));
        phase("node A hangs in the middle of sending");
        // Node B's clock follows: it sends what A has not taken.
        nodeB.clock(first);
        await("node B done with everything not locked by node A", Duration.ofSeconds(60),
                () -> settled(first) && lockedBy("node-b") == 0);
        // What node A had taken is read once it is dead: until then its other job threads may still claim notices
        // and lock jobs on their way to the hanging send.
        nodeA.process().destroyForcibly();
        assertThat(nodeA.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, Long> jobsBeforeKill = successfulJobsByNode(null);
        long lockedByA = lockedBy("node-a");
        long claimedByA = count("select count(*) from notification where status = 'SENDING'");
        int mailsBeforeKill = smtp.getReceivedMessages().length;
        // A send job marks its emails SENT together after its last one: emails of a hanging job that the server
        // accepted before the hang are still claimed (SENDING) when A dies, and are sent again after the claim
        // timeout, with the same Message-ID (the documented at-least-once window).
        Set<String> claimedEmails = new HashSet<>(strings("select email from notification where status = 'SENDING'"));
        Set<String> acceptedButUnmarked = new HashSet<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (claimedEmails.contains(message.getAllRecipients()[0].toString())) {
                acceptedButUnmarked.add(message.getMessageID());
            }
        }

        phase("node A killed; jobs run per node until then " + jobsBeforeKill + ", jobs locked by node A " + lockedByA
                + ", notices claimed by node A " + claimedByA + ", emails " + mailsBeforeKill);

        assertThat(jobsBeforeKill).as("both nodes ran jobs before node A died").containsKeys("node-a", "node-b");
        assertThat(lockedByA).as("jobs node A had taken when it died").isPositive();
        assertThat(claimedByA).as("notices node A had claimed and not sent when it died").isPositive();
        assertThat(mailsBeforeKill).isGreaterThanOrEqualTo(MAILS_BEFORE_HANG).isLessThan(2 * OFFICE_COUNT);
        assertThat(acceptedButUnmarked).as("emails accepted but not marked when node A died, at most one per hanging"
                + " job thread").hasSizeLessThanOrEqualTo(10);

        // Node B's clock passes node A's job locks and notice claims: B runs A's jobs and sends A's notices.
        Instant afterLocks = first.plus(PAST_LOCKS);
        nodeB.clock(afterLocks);
        await("node B finishing node A's work", Duration.ofSeconds(90),
                () -> settled(afterLocks) && lockedBy("node") == 0
                        && count("select count(*) from notification") == 2L * OFFICE_COUNT
                        && count("select count(*) from notification where status <> 'SENT'") == 0);
        assertThat(count("select count(*) from act_ru_job where lock_exp_time_ is not null")).isZero();
        phase("node B finished node A's jobs and notices");
        assertThat(count("select count(*) from notification where attempts = 2")).as("abandoned claims sent again")
                .isEqualTo(claimedByA);

        // The remaining reminders (3 and 1 working days before), on node B alone.
        for (int round = 2; round <= 3; round++) {
            Instant next = onlyMoment(watchTimers());
            assertThat(next).isAfter(afterLocks);
            nodeB.clock(next);
            long expected = 2L * OFFICE_COUNT * round;
            await("reminder round " + round, Duration.ofSeconds(90),
                    () -> settled(next) && lockedBy("node") == 0
                            && count("select count(*) from notification") == expected
                            && count("select count(*) from notification where status <> 'SENT'") == 0);
            phase("reminder round " + round + " sent by node B");
        }

        // Every reminder once, by Message-ID: each office's coordinators, 7, 3 and 1 working days before; a second
        // copy only of an email node A's server had accepted but A had not marked when it died.
        List<Tuple> expected = new ArrayList<>();
        coordinatorMails.forEach((code, mails) -> {
            for (String mail : mails) {
                for (int daysLeft : List.of(7, 3, 1)) {
                    expected.add(tuple(mail, offices.get(code), daysLeft));
                }
            }
        });
        MimeMessage[] received = smtp.getReceivedMessages();
        List<Tuple> arrived = new ArrayList<>();
        Set<String> messageIds = new HashSet<>();
        List<String> secondCopies = new ArrayList<>();
        Map<String, Integer> perRecipientAndSubject = new HashMap<>();
        for (MimeMessage message : received) {
            String to = message.getAllRecipients()[0].toString();
            String text = SmtpTestServer.part(message, "text/plain");
            assertThat(message.getSubject()).startsWith("[APIMR] แจ้งเตือน: วิเคราะห์นโยบายและเลือกตัวชี้วัด – ");
            if (!messageIds.add(message.getMessageID())) {
                secondCopies.add(message.getMessageID());
                continue;
            }
            arrived.add(tuple(to, match(OFFICE_IN_TEXT, text), Integer.parseInt(match(DAYS_LEFT, text))));
            perRecipientAndSubject.merge(to + " | " + message.getSubject(), 1, Integer::sum);
        }
        phase("emails accepted but unmarked when node A died " + acceptedButUnmarked.size() + ", second copies "
                + secondCopies.size());
        assertThat(secondCopies).as("second copies, each of an email accepted but unmarked when node A died")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acceptedButUnmarked);
        assertThat(received).hasSize(expected.size() + acceptedButUnmarked.size());
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(messageIds).as("one Message-ID per email").hasSize(expected.size());
        assertThat(perRecipientAndSubject).hasSize(2 * OFFICE_COUNT).allSatisfy((key, copies) ->
                assertThat(copies).as(key).isEqualTo(3));
        assertThat(count("select count(*) from notification where kind = 'REMINDER' and status = 'SENT'"))
                .isEqualTo(expected.size());

        // The reminder jobs ran on both nodes.
        Map<String, Long> reminderJobs = successfulJobsByNode("Task_SendReminder");
        phase("reminder jobs run per node " + reminderJobs);
        assertThat(reminderJobs).containsKeys("node-a", "node-b");
        // Nothing lost, nothing failed: every office's process and task, one deadline watch per task.
        assertThat(count("select count(*) from act_ru_incident")).isZero();
        assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null or retries_ = 0")).isZero();
        assertThat(count("select count(*) from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_"
                + " where d.key_ = 'Process_AreaOfficeCycle' and e.parent_id_ is null")).isEqualTo(OFFICE_COUNT);
        assertThat(count("select count(*) from act_ru_execution where id_ = ?", nationalId)).isEqualTo(1);
        assertThat(count("select count(*) from office_cycle where process_instance_id is not null"))
                .isEqualTo(OFFICE_COUNT);
        assertThat(strings("select e.business_key_ from act_ru_execution e join act_re_procdef d"
                + " on e.proc_def_id_ = d.id_ where d.key_ = 'Process_TaskDeadline' and e.parent_id_ is null"))
                .containsExactlyInAnyOrderElementsOf(strings(
                        "select id_ from act_ru_task where task_def_key_ = 'Task_AnalysePolicy'"));

        // A user whose work started on node A carries on on node B.
        EngineRestClient coordinatorOnB = nodeB.as(coordinator(firstOffice, 1), PASSWORD);
        List<JsonNode> tasks = coordinatorOnB.myTasks("Task_AnalysePolicy");
        assertThat(tasks).hasSize(1);
        Map<String, JsonNode> form = coordinatorOnB.formVariables(tasks.get(0).get("id").asText());
        coordinatorOnB.complete(tasks.get(0), CycleFormValues.analysis(form.get("indicatorTargets"), List.of("1", "2")));
        assertThat(coordinatorOnB.myTasks("Task_PlanProjects")).hasSize(1);
        assertThat(coordinatorOnB.myTasks("Task_AnalysePolicy")).isEmpty();
        phase("a coordinator completed on node B the task listed on node A");
        assertThat(count("select count(*) from act_ru_incident")).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Prints how long the test has been running at each step (the output file of the test class). */
    private static void phase(String what) {
        System.out.printf("[cluster] %6.1f s  %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    private static Node start(String name, String... extra) throws IOException {
        int port = FreePorts.any();
        Path log = DIR.resolve(name + ".log");
        Path classpath = DIR.resolve("classpath.argfile");
        // The test JVM's own class path, without empty entries (they would mean the working directory).
        String entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        Files.writeString(classpath, "-cp \"" + entries.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "@" + classpath.toAbsolutePath(),
                ClusterNodeMain.class.getName(),
                "--spring.profiles.active=test,clusternode",
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=",
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--apimr.cluster.node-name=" + name));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Node node = new Node(name, port, process, log);
        NODES.add(node);
        return node;
    }

    private static void awaitReady(Node... nodes) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Set<Node> waiting = new HashSet<>(List.of(nodes));
        while (!waiting.isEmpty()) {
            for (Node node : List.copyOf(waiting)) {
                if (!node.process().isAlive()) {
                    throw new AssertionError(node.name() + " stopped with exit code " + node.process().exitValue()
                            + ":\n" + node.logTail());
                }
                if (node.ready()) {
                    waiting.remove(node);
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                waiting.forEach(node -> logs.append("\n--- ").append(node.name()).append('\n').append(node.logTail()));
                throw new AssertionError("Not ready within " + START_TIMEOUT + ":" + logs);
            }
            pause();
        }
    }

    private static void createUser(Node node, String id, String email, String groupId) {
        EngineRestClient admin = node.as(ADMIN, ADMIN_PASSWORD);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", id);
        profile.put("firstName", id);
        profile.put("lastName", "คลัสเตอร์");
        profile.put("email", email);
        admin.post("/engine-rest/user/create", Map.of("profile", profile, "credentials", Map.of("password", PASSWORD)))
                .ok();
        admin.put("/engine-rest/group/" + groupId + "/members/" + id, null).ok();
    }

    private static String coordinator(String officeCode, int n) {
        return "cl.c" + n + "." + officeCode.toLowerCase();
    }

    private static void clocks(Instant at, Node... nodes) {
        for (Node node : nodes) {
            node.clock(at);
        }
    }

    /** The due moments of the deadline watches' timers. */
    private static List<Instant> watchTimers() {
        return rows("select duedate_ from act_ru_job where process_def_key_ = 'Process_TaskDeadline'"
                + " and type_ = 'timer'").stream()
                .map(row -> ((Timestamp) row.get("duedate_")).toInstant()).toList();
    }

    private static Instant onlyMoment(List<Instant> moments) {
        assertThat(moments).hasSize(OFFICE_COUNT);
        assertThat(new HashSet<>(moments)).as("every office's reminder at the same moment").hasSize(1);
        return moments.get(0);
    }

    /** No job is due at {@code at} that a living node could take: everything due ran, or is locked. */
    private static boolean settled(Instant at) {
        Timestamp now = Timestamp.from(at);
        return count("select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1"
                + " and (duedate_ is null or duedate_ <= ?) and (lock_exp_time_ is null or lock_exp_time_ <= ?)",
                now, now) == 0
                && count("select count(*) from act_ru_job where lock_exp_time_ is not null"
                + " and lock_exp_time_ <= ?", now) == 0;
    }

    /** Jobs locked by the job executor of the nodes whose name starts so (the lock owner is "<name>/<id>"). */
    private static long lockedBy(String nodeName) {
        return count("select count(*) from act_ru_job where lock_exp_time_ is not null and lock_owner_ like ?",
                nodeName + "%");
    }

    /** Successful job executions per node name, of one activity or of all. */
    private static Map<String, Long> successfulJobsByNode(String activityId) {
        Map<String, Long> byNode = new LinkedHashMap<>();
        for (Map<String, Object> row : rows("select hostname_, count(*) as jobs from act_hi_job_log where job_state_ = 2"
                + (activityId == null ? "" : " and act_id_ = '" + activityId + "'") + " group by hostname_")) {
            byNode.put((String) row.get("hostname_"), ((Number) row.get("jobs")).longValue());
        }
        return byNode;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                NODES.stream().filter(node -> node.process().isAlive())
                        .forEach(node -> logs.append("\n--- ").append(node.name()).append('\n').append(node.logTail()));
                throw new AssertionError("Waited " + timeout + " for " + what + "; mails " +
                        smtp.getReceivedMessages().length + ", notifications " + rows("select status, count(*) as n"
                        + " from notification group by status") + ", jobs " + rows("select type_, duedate_,"
                        + " lock_exp_time_, retries_, exception_msg_ from act_ru_job order by duedate_ limit 20") + logs);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    private static List<String> strings(String sql) {
        return rows(sql).stream().map(row -> (String) row.values().iterator().next()).toList();
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                statement.setObject(p + 1, parameters[p]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** When the node's log first shows the text (the log line's timestamp), or null. */
    private static Instant logTime(Node node, String text) throws IOException {
        for (String line : Files.readAllLines(node.log(), StandardCharsets.UTF_8)) {
            if (line.contains(text)) {
                return OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
            }
        }
        return null;
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in\n" + text).isTrue();
        return matcher.group(1).trim();
    }

    private static Path marker() {
        return DIR.resolve("node-a-hangs");
    }
}
