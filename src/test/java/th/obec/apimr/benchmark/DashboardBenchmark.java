package th.obec.apimr.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.identity.Groups;

/**
 * How fast the dashboard's API answers for a whole country: a FY2566 cycle of every active office (245), each
 * with its own process in the engine (an open task each, some escalated), five chosen indicators per office and
 * 6-month reports in mixed states for most of them. Prints p50/p95/max of {@code GET /api/dashboard/cycles/{id}}
 * and of opening an office, over HTTP with HTTP Basic. Asserts no times: it is run on purpose, never by
 * {@code mvn test} (the class name matches no test pattern):
 *
 * <pre>mvn test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The figures are in target/surefire-reports/th.obec.apimr.benchmark.DashboardBenchmark-output.txt.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "apimr.test.context=benchmark")
@ActiveProfiles("test")
class DashboardBenchmark {

    private static final String USER = "bench.admin";
    private static final String PASSWORD = "bench";
    private static final int WARM_UP = 10;
    private static final int RUNS = 60;
    private static final List<String> CHOSEN = List.of("1", "2", "4", "7", "12");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CycleService cycles;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dashboardOfTwoHundredFortyFiveOffices() throws Exception {
        ProcessEngines.registerProcessEngine(engine);
        User user = identityService.newUser(USER);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(USER, Groups.OBEC_ADMIN);

        long setUp = System.nanoTime();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        Long cycleId = cycles.register(new LaunchRequest(2566, 2566, Set.of(), Map.of()), USER, null).id();
        List<OfficeCycleView> offices = cycles.officeCycles(cycleId);
        for (OfficeCycleView office : offices) {
            runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle", office.businessKey(),
                    Map.of("cycleId", cycleId, "fiscalYear", 2566, "officeCode", office.officeCode()));
        }
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey("Process_AreaOfficeCycle").list();
        for (int i = 0; i < tasks.size(); i += 7) {
            taskService.setVariableLocal(tasks.get(i).getId(), "escalated", true);
        }
        reportsInMixedStates(cycleId, offices);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2023-05-10T03:00:00Z")));
        System.out.printf("set-up: %d offices, %d open tasks, %d reports in %d ms%n", offices.size(), tasks.size(),
                jdbc.queryForObject("select count(*) from indicator_report", Long.class),
                (System.nanoTime() - setUp) / 1_000_000);

        HttpClient http = HttpClient.newHttpClient();
        String token = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String cyclePath = "/api/dashboard/cycles/" + cycleId;
        HttpResponse<String> first = get(http, token, cyclePath);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"officeCode\":\"S6600\"");
        System.out.printf("cycle page: %d bytes of JSON%n", first.body().length());

        measure("GET " + cyclePath, http, token, i -> cyclePath);
        measure("GET " + cyclePath + "/offices/{code}", http, token,
                i -> cyclePath + "/offices/" + offices.get((i * 37) % offices.size()).officeCode());
    }

    private void measure(String label, HttpClient http, String token, java.util.function.IntFunction<String> path)
            throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(http, token, path.apply(i));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(http, token, path.apply(i));
            micros.add((System.nanoTime() - start) / 1000);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Collections.sort(micros);
        System.out.printf("%s: %d runs, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", label, RUNS,
                percentile(micros, 50) / 1000.0, percentile(micros, 95) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private HttpResponse<String> get(HttpClient http, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Five chosen indicators per office; 6-month reports: accepted, submitted, returned, late or missing. */
    private void reportsInMixedStates(Long cycleId, List<OfficeCycleView> offices) {
        Timestamp analysed = Timestamp.from(Instant.parse("2022-11-20T03:00:00Z"));
        Timestamp onTime = Timestamp.from(Instant.parse("2023-04-20T03:00:00Z"));
        Timestamp late = Timestamp.from(Instant.parse("2023-05-02T03:00:00Z"));
        List<Object[]> reports = new ArrayList<>();
        for (int i = 0; i < offices.size(); i++) {
            Long officeCycleId = offices.get(i).id();
            jdbc.update("insert into office_analysis (office_cycle_id, participants, policy_linkage, submitted_at)"
                    + " values (?, 'ทีมงาน', 'เชื่อมโยง', ?)", officeCycleId, analysed);
            Long analysisId = jdbc.queryForObject("select id from office_analysis where office_cycle_id = ?",
                    Long.class, officeCycleId);
            List<Object[]> targets = new ArrayList<>();
            for (int k = 0; k < CHOSEN.size(); k++) {
                targets.add(new Object[] {analysisId, CHOSEN.get(k), k + 1});
            }
            jdbc.batchUpdate("insert into office_analysis_target (analysis_id, indicator_code, sort_order, chosen)"
                    + " values (?, ?, ?, true)", targets);
            int kind = i % 5;   // 0 accepted, 1 submitted, 2 one returned, 3 one late, 4 nothing
            if (kind == 4) {
                continue;
            }
            for (int k = 0; k < CHOSEN.size(); k++) {
                String status = kind == 0 ? "ACCEPTED" : kind == 2 && k == 0 ? "RETURNED" : "SUBMITTED";
                Timestamp when = kind == 3 && k == 0 ? late : onTime;
                reports.add(new Object[] {cycleId, officeCycleId, CHOSEN.get(k), status,
                        "ACCEPTED".equals(status) ? 1 + (i + k) % 5 : null, when, when});
            }
        }
        jdbc.batchUpdate("insert into indicator_report (cycle_id, office_cycle_id, round, indicator_code, status,"
                + " revision, quality_level, first_submitted_at, last_submitted_at, version)"
                + " values (?, ?, 'MID_YEAR', ?, ?, 1, ?, ?, ?, 0)", reports);
        jdbc.update("insert into indicator_report_revision (report_id, revision, steps_taken, self_assessed_level,"
                + " evidence_score, submitted_by, submitted_at) select id, 1, 'ประชุมชี้แจงและติดตามผล', 3, 3, 'bench',"
                + " first_submitted_at from indicator_report where cycle_id = ?", cycleId);
    }
}
