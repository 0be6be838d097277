package th.obec.apimr.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.notification.NoticeKind;
import th.obec.apimr.notification.TaskNotifier;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.TestUsers;

/**
 * The product's Prometheus series, scraped over HTTP from the management port while a FY2566 cycle runs: launched
 * through the API, the national analysis done, the offices' analysis tasks opened by the jobs, the engine clock moved
 * past due dates, emails sent to an SMTP server (GreenMail) and failing while it is down, a job out of retries. The
 * job executor is off: the test runs the jobs. The figures are read afresh on each scrape here
 * ({@code apimr.metrics.refresh=PT0S}); {@code ProductFiguresTest} covers the caching.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "apimr.test.context=ops-metrics", "apimr.metrics.refresh=PT0S"})
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@ContextConfiguration(initializers = SmtpServer.Configured.class)
class ProductMetricsTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String PASSWORD = "Metrics-2566-ok";
    private static final List<String> OFFICES = List.of("P5001", "P5002");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TaskNotifier notifier;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        SmtpServer.start();
    }

    @Test
    void aRunningCycleItsTasksNotificationsAndJobsAppearAsApimrSeries() throws Exception {
        TestUsers.ensure(identityService, "ops.admin", PASSWORD, null, Groups.OBEC_ADMIN);
        TestUsers.ensure(identityService, "ops.analyst", PASSWORD, null, Groups.OBEC_MONITOR);
        TestUsers.ensure(identityService, "ops.coord.p5001", PASSWORD, "coord.p5001@ops.test", Groups.coordinators("P5001"));
        TestUsers.ensure(identityService, "ops.coord.p5002", PASSWORD, "coord.p5002@ops.test", Groups.coordinators("P5002"));

        Map<String, Double> idle = scrape();
        assertThat(idle).containsEntry("apimr_cycles_running", 0.0).containsEntry("apimr_office_cycles_running", 0.0);
        for (String phase : TaskPhases.LETTERS) {
            assertThat(idle).containsEntry(series("apimr_tasks_open", "phase", phase), 0.0)
                    .containsEntry(series("apimr_tasks_overdue", "phase", phase), 0.0);
        }
        assertThat(idle).containsEntry(series("apimr_notifications", "status", "SENT"), 0.0)
                .containsEntry(series("apimr_notifications", "status", "FAILED"), 0.0)
                .containsEntry("apimr_job_executor_active", 0.0);

        // OBEC launches FY2566 at the start of the fiscal year; the national analysis is due 31 October 2565 BE
        at(2022, 10, 3, 10, 0);
        EngineRestClient admin = new EngineRestClient(port, "ops.admin", PASSWORD);
        admin.post("/api/cycles", Map.of("fiscalYear", 2566, "catalogueYear", 2566, "officeCodes", OFFICES)).ok();
        Map<String, Double> launched = scrape();
        assertThat(launched).containsEntry("apimr_cycles_running", 1.0)
                .containsEntry(series("apimr_tasks_open", "phase", "A"), 1.0)
                .containsEntry(series("apimr_tasks_overdue", "phase", "A"), 0.0)
                .containsEntry(series("apimr_tasks_open", "phase", "P"), 0.0);
        assertThat(launched.get("apimr_jobs_executable")).isEqualTo(executableJobs());

        // a day after the national analysis was due, it is overdue
        at(2022, 11, 1, 9, 0);
        Map<String, Double> late = scrape();
        assertThat(late).containsEntry(series("apimr_tasks_open", "phase", "A"), 1.0)
                .containsEntry(series("apimr_tasks_overdue", "phase", "A"), 1.0);

        // OBEC completes it; the jobs start the two offices' processes, each with its analysis task (due 30 November)
        EngineRestClient analyst = new EngineRestClient(port, "ops.analyst", PASSWORD);
        analyst.complete(analyst.myTasks("Task_AnalyseNationalPolicy").get(0), CycleFormValues.nationalAnalysis());
        assertThat(scrape().get("apimr_jobs_executable")).as("the offices' start waits for the job executor")
                .isEqualTo(executableJobs()).isPositive();
        runExecutableJobs();
        Map<String, Double> offices = scrape();
        assertThat(offices).containsEntry("apimr_office_cycles_running", 2.0)
                .containsEntry(series("apimr_tasks_open", "phase", "A"), 2.0)
                .containsEntry(series("apimr_tasks_overdue", "phase", "A"), 0.0)
                .containsEntry("apimr_jobs_executable", 0.0);

        at(2022, 12, 1, 9, 0);
        assertThat(scrape()).containsEntry(series("apimr_tasks_overdue", "phase", "A"), 2.0);

        // the due notice of one office goes out; the other's fails while the mail server is down
        notifier.notifyTask(analysisTask("P5001").getId(), NoticeKind.DUE, 0, List.of(Groups.coordinators("P5001")));
        assertThat(SmtpServer.received()).isEqualTo(1);
        SmtpServer.stop();
        assertThatThrownBy(() -> notifier.notifyTask(analysisTask("P5002").getId(), NoticeKind.DUE, 0,
                List.of(Groups.coordinators("P5002")))).hasMessageContaining("DUE");
        // a job that used up its retries (Cockpit shows an incident)
        Job timer = managementService.createJobQuery().timers().list().stream()
                .filter(job -> job.getDuedate().after(ClockUtil.getCurrentTime())).findFirst().orElseThrow();
        managementService.setJobRetries(timer.getId(), 0);

        Map<String, Double> now = scrape();
        assertThat(now).containsEntry(series("apimr_notifications", "status", "SENT"), 1.0)
                .containsEntry(series("apimr_notifications", "status", "FAILED"), 1.0)
                .containsEntry("apimr_jobs_failed", 1.0)
                .containsEntry("apimr_incidents_open", 1.0);
        // every status as the table says, so the figures survive a restart
        for (Map<String, Object> row : jdbc.queryForList("select status, count(*) as n from notification group by status")) {
            assertThat(now).containsEntry(series("apimr_notifications", "status", (String) row.get("STATUS")),
                    ((Number) row.get("N")).doubleValue());
        }
    }

    private Task analysisTask(String officeCode) {
        return taskService.createTaskQuery().taskDefinitionKey("Task_AnalysePolicy")
                .processVariableValueEquals("officeCode", officeCode).singleResult();
    }

    private double executableJobs() {
        return managementService.createJobQuery().executable().count();
    }

    /** Runs what the job executor would run now, until nothing is due. */
    private void runExecutableJobs() {
        DueJobs.run(managementService, 50);
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BANGKOK).toInstant()));
    }

    private static String series(String name, String tag, String value) {
        return name + "{" + tag + "=\"" + value + "\"}";
    }

    private static final Pattern SAMPLE = Pattern.compile("^(apimr_[a-z_]+)(\\{[^}]*\\})? (\\S+)$");

    /** The apimr_* samples of /actuator/prometheus, keyed by name and tags other than {@code application}. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : answer.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                String tags = sample.group(2) == null ? "" : sample.group(2)
                        .replaceAll("application=\"[^\"]*\",?", "").replace(",}", "}");
                samples.put(sample.group(1) + ("{}".equals(tags) ? "" : tags), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }
}
