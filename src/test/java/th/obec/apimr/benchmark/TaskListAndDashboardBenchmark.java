package th.obec.apimr.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static th.obec.apimr.benchmark.BenchmarkReport.mb;
import static th.obec.apimr.benchmark.BenchmarkReport.ms;
import static th.obec.apimr.benchmark.BenchmarkReport.percentile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletContext;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.cycle.OfficeCycleView;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.identity.Tenants;
import th.obec.apimr.security.RestSignIns;
import th.obec.apimr.support.CamundaLogin;
import th.obec.apimr.support.PostgresTestDatabase;
import th.obec.apimr.support.StatementLog;
import th.obec.apimr.support.TasklistSession;
import th.obec.apimr.support.TestUsers;
import th.obec.apimr.system.MappingPropertyShortcuts;
import th.obec.apimr.system.SharedRestObjectMapper;

/**
 * The coordinator's task list and the dashboard API at national and school scale, on PostgreSQL with
 * authorization on, the whole application running. One data set serves both:
 * <ul>
 * <li>a FY2566 cycle of the 245 offices, each a real {@code Process_AreaOfficeCycle} instance with its open task,
 * five chosen indicators and 6-month reports in mixed states (the dashboard at national scale);</li>
 * <li>29,000 units (schools), office rows with generated codes, each in an office's tenant and a FY2567 cycle of
 * them: one real engine instance per unit of a small model of the product's shape (a user task whose candidate
 * group is the office's coordinators, due dates spread over months, the instance in the office's tenant set by the
 * product's tenant provider, one global READ/READ_TASK/READ_INSTANCE/READ_HISTORY grant on it as on the product's
 * process), every seventh task escalated;</li>
 * <li>about a million historic task rows and 116,000 historic process instances of four earlier fiscal years,
 * written by bulk SQL ({@code INSERT ... SELECT generate_series}) into {@code ACT_HI_TASKINST} and
 * {@code ACT_HI_PROCINST}.</li>
 * </ul>
 * Prints figures and writes the sections {@code 30-tasklist} and {@code 40-dashboard} of BENCHMARKS.md. Asserts no
 * times, only that the queries find the right tasks and the pages answer. Run with {@code mvn -Pbenchmark test}.
 */
@Tag("benchmark")
@ExtendWith(PostgresTestDatabase.DropAfterAll.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"apimr.test.context=benchmark-tasklist", "spring.datasource.hikari.maximum-pool-size=12"})
@ActiveProfiles("test")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskListAndDashboardBenchmark {

    static final int UNITS = 29_000;
    static final int HISTORIC_TASKS = 1_000_000;
    static final int HISTORIC_INSTANCES = 116_000;
    static final String UNIT_PROCESS = "Process_BenchUnitTask";
    static final String OFFICE = "P5002";
    static final String COORDINATOR = "bench.coord";
    static final String ADMIN = "bench.admin";
    static final String PASSWORD = "bench-2566";
    static final int WARM_UP = 10;
    static final int RUNS = 60;
    /**
     * Warm-up runs of every task list series: enough for the JIT compiler to compile the request's path (the REST
     * API's resources, HAL and JSON writing, the engine's query mapping) as on a server that has answered a few
     * hundred requests; with 10, the first HTTP series measured partly interpreted code.
     */
    static final int TASK_LIST_WARM_UP = 200;
    static final int TASK_LIST_RUNS = 200;
    /** Runs of the baseline's slow queries. */
    static final int BASELINE_RUNS = 60;
    static final List<String> CHOSEN = List.of("1", "2", "4", "7", "12");
    static final Instant NOW = Instant.parse("2023-05-10T03:00:00Z");
    /** Counts the statements of the application's data source (the dashboard's SQL per request). */
    static final SqlCounter SQL = new SqlCounter();

    @TestConfiguration
    static class CountedDataSource {
        @Bean
        static BeanPostProcessor countingDataSource() {
            return SQL.postProcessor();
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    CycleService cycles;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ServletContext servletContext;
    @Autowired
    RestSignIns restSignIns;
    /** Whether HTTP Basic sign-ins are remembered (the product) or checked on every request (stock Camunda). */
    private boolean rememberSignIns = true;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The whole plan of the last {@link #explain}. */
    private String lastPlan = "";
    private Long officeCycleId;
    private Long unitCycleId;
    private List<OfficeCycleView> offices;
    private final long started = System.nanoTime();

    @BeforeAll
    void dataSet() throws Exception {
        ProcessEngines.registerProcessEngine(engine);
        progress("context up");
        TestUsers.ensure(identityService, ADMIN, PASSWORD, null, Groups.OBEC_ADMIN);
        TestUsers.ensure(identityService, COORDINATOR, PASSWORD, null, Groups.coordinators(OFFICE));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        officeCycleId = cycles.register(new LaunchRequest(2566, 2566, Set.of(), Map.of()), ADMIN, null).id();
        offices = cycles.officeCycles(officeCycleId);
        ExecutorService launch = Executors.newFixedThreadPool(3);
        List<Future<?>> starts = new ArrayList<>();
        for (OfficeCycleView office : offices) {
            starts.add(launch.submit(() -> runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle",
                    office.businessKey(),
                    Map.of("cycleId", officeCycleId, "fiscalYear", 2566, "officeCode", office.officeCode()))));
        }
        for (Future<?> start : starts) {
            start.get();
        }
        launch.shutdown();
        List<Task> officeTasks = taskService.createTaskQuery().processDefinitionKey("Process_AreaOfficeCycle").list();
        for (int i = 0; i < officeTasks.size(); i += 7) {
            taskService.setVariableLocal(officeTasks.get(i).getId(), "escalated", true);
        }
        reportsInMixedStates(officeCycleId, offices);
        ClockUtil.reset();
        progress("national cycle: " + offices.size() + " offices launched");

        List<String> officeCodes = offices.stream().map(OfficeCycleView::officeCode).sorted().toList();
        history(officeCodes);
        units(officeCodes);
        // What autovacuum does on a live database soon after such a load: statistics for the planner, and the
        // visibility map that lets PostgreSQL answer from an index alone.
        // The history tables too: a million inserted rows make autovacuum vacuum them (its insert threshold), which
        // would otherwise happen while the pages are timed.
        for (String table : List.of("act_ru_authorization", "act_ru_task", "act_ru_identitylink", "act_ru_variable",
                "act_ru_execution", "office", "office_cycle", "act_hi_taskinst", "act_hi_procinst")) {
            jdbc.execute("VACUUM ANALYZE " + table);
        }
        jdbc.execute("ANALYZE");
        settle();
        progress("data set ready");
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    // ----- coordinator's task list -----

    @Test
    @Order(1)
    void coordinatorsTaskList() throws Exception {
        String group = Groups.coordinators(OFFICE);
        Set<String> expected = Set.copyOf(jdbc.queryForList("select distinct t.id_ from act_ru_task t"
                + " join act_ru_identitylink i on i.task_id_ = t.id_"
                + " where i.type_ = 'candidate' and i.group_id_ = ?", String.class, group));
        long openTasks = jdbc.queryForObject("select count(*) from act_ru_task", Long.class);
        long authorizations = jdbc.queryForObject("select count(*) from act_ru_authorization", Long.class);
        long historicTasks = jdbc.queryForObject("select count(*) from act_hi_taskinst", Long.class);
        assertThat(expected).hasSizeGreaterThan(100);

        String product = filterService.createFilterQuery().filterName("งานของสำนักงานฉัน").singleResult().getId();
        String stockGroup = stockFilter("My group tasks (stock)", () -> taskService.createTaskQuery()
                .taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
                .orderByTaskCreateTime().desc());
        String stockAll = stockFilter("All tasks (stock)", () -> taskService.createTaskQuery()
                .orderByTaskCreateTime().desc());

        long productAuthorizations = authorizations;
        long perGroupAuthorizations = authorizations + 2L * officeGroups().size() - 2;

        List<String> productIndexes = engineIndexStatements();
        for (String statement : productIndexes) {
            jdbc.execute("DROP INDEX IF EXISTS " + indexName(statement));
        }
        jdbc.execute("ANALYZE act_ru_identitylink");
        stockEngine();
        progress("task list: stock engine settings, one grant per office group, product indexes dropped");

        String taskListLoad = load();
        Series stockGroupApi = filterSeries(stockGroup, expected, false, BASELINE_RUNS);
        Series stockGroupRest = restSeries(stockGroup, expected.size(), BASELINE_RUNS);
        Series stockGroupTasklist = tasklistSeries(stockGroup, expected.size(), BASELINE_RUNS);
        Series stockAllApi = filterSeries(stockAll, null, false, BASELINE_RUNS);
        String stockPlan = explain(stockGroup);
        progress("task list: baseline measured");

        productEngine();
        Series productBareApi = filterSeries(product, expected, true, BASELINE_RUNS);
        String productBarePlan = explain(product);
        for (String statement : productIndexes) {
            jdbc.execute(statement);
        }
        jdbc.execute("ANALYZE act_ru_identitylink");
        jdbc.execute("ANALYZE act_ru_authorization");
        Series productApi = filterSeries(product, expected, true);
        Series productRest = restSeries(product, expected.size(), TASK_LIST_RUNS);
        Series[] shortcut = tasklistInTurn(product, expected.size(), this::mappingShortcuts);
        Series[] filterRead = tasklistInTurn(product, expected.size(), this::filterReads);
        Series[] jsonMapper = tasklistInTurn(product, expected.size(), SharedRestObjectMapper::answer);
        Series productTasklist = tasklistSeries(product, expected.size(), TASK_LIST_RUNS);
        Series stockGroupIndexedApi = filterSeries(stockGroup, expected, false, BASELINE_RUNS);
        String productPlan = explain(product);
        List<String> usedIndexes = productIndexes.stream().map(TaskListAndDashboardBenchmark::indexName)
                .filter(name -> lastPlan.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))).toList();
        String productTrace = trace(product);
        String productRestTrace = restTrace(product);
        String productTasklistTrace = tasklistTrace(product);
        taskGrants(false);
        Series readGrantsApi = filterSeries(product, expected, true, BASELINE_RUNS);
        Series readGrantsTasklist = tasklistSeries(product, expected.size(), BASELINE_RUNS);
        taskGrants(true);
        progress("task list: product measured");

        // The product as it was: one grant per office group on the definitions, the engine's stock settings
        stockEngine();
        Series beforeApi = filterSeries(product, expected, true, BASELINE_RUNS);
        Series beforeRest = restSeries(product, expected.size(), BASELINE_RUNS);
        Series beforeTasklist = tasklistSeries(product, expected.size(), BASELINE_RUNS);
        String beforePlan = explain(product);
        String beforeTrace = trace(product);
        String beforeRestTrace = restTrace(product);
        // Each change alone: the global grant with the stock settings, the settings with per-group grants
        globalGrants(true);
        Series globalGrantOnlyApi = filterSeries(product, expected, true, BASELINE_RUNS);
        globalGrants(false);
        engineSettings(true);
        Series settingsOnlyApi = filterSeries(product, expected, true, BASELINE_RUNS);
        productEngine();
        progress("task list: the product before its access changes measured");

        BenchmarkReport report = new BenchmarkReport("30-tasklist", "Coordinator's task list");
        report.intro(String.format(Locale.ROOT, "PostgreSQL (loopback), authorization on, the whole application."
                + " %,d open tasks (%,d of them one per school-level unit, real engine instances of a one-task"
                + " model of the product's shape: candidate group `office-<code>-coordinators`, the office's"
                + " tenant), %,d authorization rows, %,d historic task rows (four earlier fiscal years, written by"
                + " bulk SQL into `ACT_HI_TASKINST` and `ACT_HI_PROCINST`), runtime and history tables vacuumed and"
                + " analysed as autovacuum would after such a load, and no autovacuum running as the pages are"
                + " timed. The user is a coordinator of %s"
                + " (group `%s`, tenant %s) who may work on %d open tasks. Each figure is one page as Tasklist asks"
                + " for it: the first 15 tasks plus the count, %d times (the baseline's: %d) after %d warm-up runs; \"FilterService\""
                + " runs the filter as the signed-in user (`identityService.setAuthentication` with groups and"
                + " tenants); \"Tasklist's own request\" is the request Tasklist sends for the page, signed in to the"
                + " Camunda webapps (session cookie and CSRF token): `POST /camunda/api/engine/engine/default/filter/{id}"
                + "/list?firstResult=0&maxResults=15` with HAL and the body Tasklist sends (`" + TasklistSession.FIRST_PAGE_QUERY
                + "`: its own sorting and \"active\" extend the filter), whose answer carries the count; \"REST\" is"
                + " `POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15` (HAL) plus"
                + " `POST /engine-rest/filter/{id}/count` over HTTP with HTTP Basic, as another client of the REST API"
                + " would ask. Stock Camunda's REST figures sign in on every request and use no relation caches (the"
                + " starter's defaults).",
                openTasks, UNITS, productAuthorizations, historicTasks, OFFICE, group, OFFICE, expected.size(),
                TASK_LIST_RUNS, BASELINE_RUNS, TASK_LIST_WARM_UP)
                .replace(" authorization rows,", " authorization rows with the product's"
                + String.format(Locale.ROOT, " grants (%,d with one grant per office group),", perGroupAuthorizations)));
        report.intro(taskListLoad);
        report.row("task list, FilterService, p50", ms(productApi.p50()), ms(stockGroupApi.p50()), "-", "-");
        report.row("task list, FilterService, p95", ms(productApi.p95()), ms(stockGroupApi.p95()), "≤ 15 ms",
                BenchmarkReport.atMost(productApi.p95(), 15));
        report.row("task list, REST list + count, p50", ms(productRest.p50()), ms(stockGroupRest.p50()), "-", "-");
        report.row("task list, REST list + count, p95", ms(productRest.p95()), ms(stockGroupRest.p95()), "≤ 15 ms",
                BenchmarkReport.atMost(productRest.p95(), 15));
        report.row("task list, Tasklist's own request (session), p50", ms(productTasklist.p50()),
                ms(stockGroupTasklist.p50()), "-", "-");
        report.row("task list, Tasklist's own request (session), p95", ms(productTasklist.p95()),
                ms(stockGroupTasklist.p95()), "≤ 15 ms", BenchmarkReport.atMost(productTasklist.p95(), 15));
        report.row("task list, Tasklist's own request (session), allocated per request",
                mb(productTasklist.allocatedPerCall()), mb(stockGroupTasklist.allocatedPerCall()), "-", "-");
        inTurnRows(report, "the mapping shortcut", "with", "without", shortcut);
        inTurnRows(report, "the filter read once per request", "read once", "read in every command", filterRead);
        inTurnRows(report, "one JSON mapper for the REST API", "one mapper", "a new mapper per look-up", jsonMapper);
        report.row("product filter without the product's indexes, FilterService, p95", ms(productBareApi.p95()),
                "-", "-", "-");
        report.row("the product before its access changes (grants per office group, stock engine settings),"
                + " FilterService, p50", ms(beforeApi.p50()), "-", "-", "-");
        report.row("the product before its access changes, FilterService, p95", ms(beforeApi.p95()), "-", "-", "-");
        report.row("the product before its access changes, REST list + count, p95", ms(beforeRest.p95()), "-", "-",
                "-");
        report.row("the product before its access changes, Tasklist's own request, p95", ms(beforeTasklist.p95()),
                "-", "-", "-");
        report.row("the product with the engine's READ grant on each task, FilterService, p95",
                ms(readGrantsApi.p95()), "-", "-", "-");
        report.row("the product with the engine's READ grant on each task, Tasklist's own request, p95",
                ms(readGrantsTasklist.p95()), "-", "-", "-");
        report.row("the global grant alone (stock engine settings, READ grant on each task), FilterService, p95",
                ms(globalGrantOnlyApi.p95()), "-", "-", "-");
        report.row("the engine settings alone (grants per office group, READ grant on each task), FilterService, p95",
                ms(settingsOnlyApi.p95()), "-", "-", "-");
        report.row("stock \"All tasks\" (no criteria), FilterService, p95", "-", ms(stockAllApi.p95()), "-", "-");
        report.row("stock \"My group tasks\" on the product's indexes, grants and engine settings, FilterService,"
                + " p95", "-", ms(stockGroupIndexedApi.p95()), "-", "-");
        report.note("Product: the shared filter \"งานของสำนักงานฉัน\" (`system/TasklistFilters`): candidate group in"
                + " `${currentUserGroups()}`, assigned tasks included, soonest due first, with the indexes of"
                + " `db/engine-migration` (below), the product's grants and engine settings (next point). Stock: a"
                + " \"My group tasks\"-style filter on the same data with the engine's own indexes and settings and"
                + " one grant per office group on the processes: candidate user `${currentUser()}` (the engine adds"
                + " the user's groups), assigned tasks included, newest first; the stock \"All tasks\" filter (no"
                + " criteria) is the query whose authorization check alone decides.");
        report.note("What the product changed for this page (`security/AccessGrants`, `security/AccessControlPlugin`,"
                + " `application.yml`), each measured alone above: (1) the office cycle process is read through one"
                + " global authorization (user `*`: READ, READ_TASK, READ_INSTANCE, READ_HISTORY) instead of one"
                + " grant per office group (about 490 rows on the one definition); the tenants keep the offices apart"
                + " (every office instance is in its office's tenant, whose members are the office's groups, its"
                + " region's reviewers and OBEC), so every user finds the same tasks as before. The task query's"
                + " authorization join (`AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')`) reads, for each candidate"
                + " task, the grants of its definition: one row now, about 490 before. The benchmark's one-task"
                + " model is granted the same way. (2) The engine's authorization manager takes the user's groups as"
                + " they are: the stock one first reads the ids of every group that has any authorization"
                + " (`selectAuthorizedGroupIds`, a scan of `ACT_RU_AUTHORIZATION`) in every command, only to drop"
                + " groups without authorizations, which match no row anyway. (3) `authorization-check-revokes:"
                + " never`: the product makes no REVOKE authorizations, so no `selectRevokeAuthorization` per"
                + " command and no revoke clauses in the checks (a REVOKE made by hand in Camunda Admin has no"
                + " effect). (4) A task's candidate group and assignee get the work permission on it alone"
                + " (`security/TaskWorkGrants`), not READ as well: they read it through the global grant within their"
                + " tenant. With the engine's READ grant on each task, the authorization join matched every task to"
                + " every READ grant the user's group holds on the office's open tasks (a row per task), whose count"
                + " grows with the office's open tasks; now to the global grant alone. On this data set PostgreSQL"
                + " probes the grants by index for each task, and the READ grants cost little (the row \"with the"
                + " engine's READ grant on each task\"); on a smaller one (200 open tasks of one group, 600 task"
                + " grants) it read all of the group's READ grants for every task, 5 ms instead of 0.9 ms for the"
                + " page. (5) The engine's SQL mapping reads the task query's flags (`query.isOrQueryActive`,"
                + " `query.isWithoutTenantId`, tested in every list and count) through the product's accessor"
                + " (`system/MappingPropertyShortcuts`), which finds each such method once per class: OGNL's own"
                + " accessor finds a method named like that by copying and comparing all public methods of"
                + " `TaskQueryImpl` (several hundred) on every evaluation, about 120 KB allocated and some 30 µs each."
                + " The SQL is the same either way (`system/MappingPropertyShortcutsTest`). (6) A request to the"
                + " engine REST API reads its filter once (`system/FilterReadsPerRequest`): the REST API answers"
                + " Tasklist's request with three commands (the filter's type, the page, the count), each of which"
                + " checked READ on the filter and read it, two statements each; now the later commands of the same"
                + " request and user take the filter as the first one read it after its check, and the next request"
                + " checks and reads again (`system/FilterReadsPerRequestTest`). (7) The REST APIs read and write"
                + " JSON with one Jackson mapper (`system/SharedRestObjectMapper`): Camunda's `JacksonConfigurator`"
                + " makes a new mapper on every look-up, so each request built the (de)serializers of the filter's"
                + " stored query, the request's body and the answer again. \"Before its access changes\" is"
                + " the product filter and indexes with one grant per office group on both processes, the engine's"
                + " READ grant on each task, the engine's stock authorization manager and revoke check (`auto`),"
                + " OGNL's own accessor, the engine's filter manager and Camunda's JSON mapper, switched in the same"
                + " running application; stock Camunda is measured with these three of Camunda's too.");
        report.note("Every change of the grants is followed by `VACUUM (ANALYZE, INDEX_CLEANUP ON)` of"
                + " `ACT_RU_AUTHORIZATION`, as autovacuum leaves the table once enough rows changed: a plain VACUUM"
                + " skips the indexes when few pages hold dead rows, and the task query's per-task bitmap probes do"
                + " not mark the index entries of deleted rows dead, so the 510 grants per office group just removed"
                + " from the unit model were still visited for every task (the product filter's plan ran 3.4 ms"
                + " instead of 1.8 ms).");
        report.note("Indexes added by the product (`src/main/resources/db/engine-migration/V18__task_list_indexes.sql`,"
                + " applied after the engine built its tables by `system/EngineSchemaMigrations`): "
                + String.join("; ", productIndexes.stream().map(s -> "`" + s.replace("CREATE INDEX IF NOT EXISTS ", "")
                + "`").toList()) + ". Used in the product filter's plan: "
                + (usedIndexes.isEmpty() ? "none" : String.join(", ", usedIndexes)) + ". The stock indexes already"
                + " serve the rest of the query (`ACT_IDX_IDENT_LNK_GROUP`, `ACT_IDX_TASK_TENANT_ID`,"
                + " `ACT_IDX_AUTH_RESOURCE_ID`).");
        report.note("Statements of one page and count of the product filter, each with its time from sending to"
                + " the last row (ms resolution), before its access changes: " + beforeTrace + ". Now: "
                + productTrace + ". A page is two engine commands (list, count); each still checks READ on the"
                + " filter (`isUserAuthorizedForResource`, the filter's grants are one per reader group) and reads"
                + " the filter, and the list reads each process definition of the page's tasks once by id"
                + " (`selectProcessDefinition`, the engine's first look-up of a definition in a command, before its"
                + " deployment cache): stock engine behaviour, left as it is.");
        report.note("Statements of one page and count over REST (HTTP Basic, HAL list, then count), before its"
                + " access changes (every request signs in, no relation caches): " + beforeRestTrace + ". Now: "
                + productRestTrace + ". Stock Camunda signs the user in on every request (user by id, the user's"
                + " groups, the user's tenants); the product remembers a sign-in for 60 seconds"
                + " (`security/RestSignIns`, `apimr.rest.sign-in-cache-seconds`: a wrong password is always checked,"
                + " a changed password or membership reaches the REST API within that time, as the webapps' sessions"
                + " re-read theirs every five minutes). The HAL list runs the filter's count as well as the page, then"
                + " the embedded process definitions and assignees (taken from the REST API's relation caches, which"
                + " the product sets up as Camunda's web application distribution does: `system/RestRelationCaches`)"
                + " and, in a further command that reads the filter again, the task variables the filter shows.");
        report.note("Statements of Tasklist's own request (one HAL list with Tasklist's body, signed in with the"
                + " session): " + productTasklistTrace + ".");
        report.note("Where the time of Tasklist's own request goes. Its p95 moves by several milliseconds from run to"
                + " run on this machine: two other runs on the same day with the same code gave 13.7 ms and 20.1 ms"
                + " (p50 9.4 ms and 13.8 ms). Most of the server's time is PostgreSQL's."
                + " In a diagnostic run before the filter was read once per request (slower throughout: p50 16.8 ms"
                + " at the client), the JDBC calls took 9.7 ms of the server's 17.9 ms per request on average (11"
                + " statements, 4 commits), stock Camunda's 39.7 of 51.8 ms (20 statements, 5 commits); the page and"
                + " the count are the heavy statements (the product filter's plan is below; the count's is alike)."
                + " Timed inside the server as well (a servlet filter in front of the REST API, in another run): p50"
                + " 10.3 ms and p95 16.4 ms there against 11.2 ms and 20.3 ms at the client, so the server alone"
                + " misses the target too. In a JFR profile (CPU samples of Tomcat's threads while the product's"
                + " HTTP series ran, before the filter was read once per request) the threads were on the CPU for"
                + " about a fifth of the requests' time; of the samples, 24% built the task query's SQL from the"
                + " engine's MyBatis mapping (its dynamic SQL, evaluated with OGNL on every query), 18% read and"
                + " parsed the filter and 14% checked authorizations. Running all of the request's commands in one"
                + " transaction (one rollback instead of four commits, checked in `pg_stat_database`) made no"
                + " measurable difference and was not kept. The times spread evenly between p50 and p95 (no cluster"
                + " of slow requests: the slowest 15% took 16 to 31 ms); young collections (every 1 to 2 s, 3 to 13"
                + " ms) fall on about one request in a hundred. The last three changes are each timed with the setting"
                + " on and off in turn, request by request (rows \"in turn\"), as the machine's speed drifts between"
                + " series by more than either change: before the mapping shortcut, OGNL's search for"
                + " `isOrQueryActive` and `isWithoutTenantId` was 15% of what a request allocated and 9% of the CPU"
                + " samples; reading the filter once takes four of the request's eleven statements away; in a JFR"
                + " profile of the product's series after those two, Jackson had 13% of the CPU samples of Tomcat's"
                + " threads, 6% building deserializers, before the mapper was shared. Switching a"
                + " setting request by request makes both sides allocate more than the product's own series (probably"
                + " as the JIT then compiles the calls for both settings), so compare the allocation of the two sides with each"
                + " other. What is left is the engine REST API's own work: four commands, the filter parsed three"
                + " times, the SQL built twice, and the page's and the count's queries.");
        report.note("Plan of the stock filter: " + stockPlan);
        report.note("Plan of the product filter without its indexes: " + productBarePlan);
        report.note("Plan of the product filter before its access changes: " + beforePlan);
        report.note("Plan of the product filter: " + productPlan);
        report.write();
    }

    // ----- dashboard -----

    @Test
    @Order(2)
    void dashboard() throws Exception {
        ClockUtil.setCurrentTime(Date.from(NOW));
        String dashboardLoad = load();
        String admin = basic(ADMIN);
        String region = jdbc.queryForObject("select region_code from office where code = ?", String.class, OFFICE);
        // the requests the page makes: its first page of 50 rows with the summary, then with a region chosen
        String national = "/api/dashboard/cycles/" + officeCycleId;
        String nationalFirst = national + FIRST_PAGE;
        String nationalRegion = national + regionPage(region);
        JsonNode nationalAnswer = answer(admin, nationalFirst, 245, 35);
        int nationalBytes = get(admin, nationalFirst).body().length();
        int nationalRegionOffices = answer(admin, nationalRegion, 245, 35).get("paging").get("matching").asInt();
        int nationalRegionBytes = get(admin, nationalRegion).body().length();
        assertThat(nationalAnswer.get("offices")).hasSize(50);
        SqlCounter.Snapshot nationalSql = perRequest(admin, nationalFirst, 20);
        Series nationalPage = httpSeries(admin, i -> nationalFirst);
        Series nationalByRegion = httpSeries(admin, i -> nationalRegion);
        Series nationalOffice = httpSeries(admin,
                i -> national + "/offices/" + offices.get((i * 37) % offices.size()).officeCode());
        progress("dashboard: national cycle measured");

        String school = "/api/dashboard/cycles/" + unitCycleId;
        String schoolFirst = school + FIRST_PAGE;
        String schoolRegion = school + regionPage(region);
        JsonNode schoolAnswer = answer(admin, schoolFirst, UNITS, (UNITS + 6) / 7);
        assertThat(schoolAnswer.get("offices").get(0).get("openTasks").asInt()).isEqualTo(1);
        int schoolBytes = get(admin, schoolFirst).body().length();
        int schoolRegionUnits = answer(admin, schoolRegion, UNITS, (UNITS + 6) / 7).get("paging").get("matching")
                .asInt();
        int schoolRegionBytes = get(admin, schoolRegion).body().length();
        SqlCounter.Snapshot schoolSql = perRequest(admin, schoolFirst, 5);
        Series schoolPage = httpSeries(admin, i -> schoolFirst, 3, 20);
        Series schoolByRegion = httpSeries(admin, i -> schoolRegion, 3, 20);
        Series schoolOffice = httpSeries(admin, i -> school + "/offices/" + unitCode((i * 997) % UNITS));
        progress("dashboard: school-scale cycle measured");

        BenchmarkReport report = new BenchmarkReport("40-dashboard", "Dashboard API");
        report.intro(String.format(Locale.ROOT, "The cycle status page's API over HTTP as an OBEC administrator"
                + " (HTTP Basic), PostgreSQL, the same data as the task list above, measured as the page asks: its"
                + " first page of 50 rows with the summary (`?page=0&size=50&sort=region&dir=asc`), and the same"
                + " with an inspection region chosen (`region=%s`). National: a FY2566 cycle of the 245 offices,"
                + " each a real `Process_AreaOfficeCycle` instance with its open task (every seventh escalated),"
                + " five chosen indicators and 6-month reports in mixed states; the first page is %,d bytes of JSON,"
                + " the region's (%d offices) %,d bytes. School scale: a cycle of %,d units (office rows with"
                + " generated codes in the application's tables), each with a real engine instance and its open"
                + " task, every seventh escalated; the first page is %,d bytes of JSON, the region's (%,d units"
                + " matching, 50 answered) %,d bytes. %d runs after %d warm-up runs (school-scale cycle pages: 20"
                + " after 3).", region, nationalBytes, nationalRegionOffices, nationalRegionBytes, UNITS,
                schoolBytes, schoolRegionUnits, schoolRegionBytes, RUNS, WARM_UP));
        report.intro(dashboardLoad);
        report.note(String.format(Locale.ROOT, "The cycle answer carries the summary over every office the user"
                + " may see (figures per round nationally and per region, the phase funnel, open, overdue and"
                + " escalated task totals) and one page of rows (default 50, at most 500; filters by region, type,"
                + " phase, round status and name; a stable sort). The summary is computed from one row of counts"
                + " per office: a single query joins the office cycles with their offices and counts each one's"
                + " open, overdue and escalated tasks in the engine's task and variable tables (group by in SQL);"
                + " the round standings come from the chosen indicators and reports, one query each; the full"
                + " rows, with the name of the task due first (one more query), are built for the page only."
                + " SQL per request, the HTTP Basic sign-in included: %.1f statements and %.1f ms of JDBC time for"
                + " the national first page, %.1f statements and %.1f ms for the school-scale one.",
                nationalSql.statements() / 20.0, nationalSql.jdbcNanos() / 20e6, schoolSql.statements() / 5.0,
                schoolSql.jdbcNanos() / 5e6));
        report.note("Before the answer was paged it carried every office's row with its rounds: 188,274 bytes for"
                + " the 245 offices (p95 159.6 ms, load 9.73) and 20,127,223 bytes for the 29,000 units (p50"
                + " 1,113.7 ms, p95 2,115.4 ms), and it read the open tasks row by row and the escalations through"
                + " an engine variable query of every `escalated` variable. At school scale most of the time per"
                + " request is JDBC time (above), most of it reading the 29,000 rows of counts for the summary;"
                + " the page's rows and its JSON no longer grow with the number of units.");
        dashboardRows(report, "245 offices", 100, region, nationalPage, nationalByRegion, nationalOffice);
        dashboardRows(report, "29,000 units", 500, region, schoolPage, schoolByRegion, schoolOffice);
        report.write();
        ClockUtil.reset();
    }

    /** The query of the page's first request for a cycle. */
    static final String FIRST_PAGE = "?page=0&size=50&sort=region&dir=asc";

    /** The query of the page's request once a region is chosen. */
    private static String regionPage(String region) {
        return "?page=0&size=50&region=" + region + "&sort=region&dir=asc";
    }

    /** The answer, checked: every office in the summary, the escalated tasks counted. */
    private JsonNode answer(String token, String path, int offices, int escalated) throws Exception {
        HttpResponse<String> response = get(token, path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("totals").get("offices").asInt()).as(path).isEqualTo(offices);
        assertThat(json.get("totals").get("escalatedTasks").asInt()).as(path).isEqualTo(escalated);
        assertThat(json.get("national").get(0).get("offices").asInt()).as(path).isEqualTo(offices);
        return json;
    }

    /** What the data source did for {@code runs} requests of a path (divide by runs for one). */
    private SqlCounter.Snapshot perRequest(String token, String path, int runs) throws Exception {
        SqlCounter.Snapshot before = SQL.snapshot();
        for (int i = 0; i < runs; i++) {
            assertThat(get(token, path).statusCode()).isEqualTo(200);
        }
        return SQL.snapshot().minus(before);
    }

    // ----- measuring -----

    /** The dashboard's rows of one scale: the first page (p50, p95), a region's page and one office (p95). */
    private static void dashboardRows(BenchmarkReport report, String scale, double targetMillis, String region,
                                      Series page, Series byRegion, Series office) {
        String target = "≤ " + (int) targetMillis + " ms";
        report.row("`GET /api/dashboard/cycles/{id}` first page, " + scale + ", p50", ms(page.p50()), "-", "-", "-");
        report.row("`GET /api/dashboard/cycles/{id}` first page, " + scale + ", p95", ms(page.p95()), "-", target,
                BenchmarkReport.atMost(page.p95(), targetMillis));
        report.row("`GET /api/dashboard/cycles/{id}` region " + region + ", " + scale + ", p95", ms(byRegion.p95()),
                "-", target, BenchmarkReport.atMost(byRegion.p95(), targetMillis));
        report.row("`GET /api/dashboard/cycles/{id}/offices/{code}`, " + scale + ", p95", ms(office.p95()), "-",
                target, BenchmarkReport.atMost(office.p95(), targetMillis));
    }

    /** The times of a series' timed calls, and what the JVM's threads allocated per timed call (bytes). */
    record Series(List<Double> millis, double allocatedPerCall) {
        double p50() {
            return percentile(new ArrayList<>(millis), 50);
        }

        double p95() {
            return percentile(new ArrayList<>(millis), 95);
        }

        /**
         * Times {@code warmUp + runs} calls and keeps the last {@code runs}; each answer is checked after its call
         * has been timed.
         */
        static <T> Series timed(int warmUp, int runs, Call<T> call, Check<T> check) throws Exception {
            List<Double> times = new ArrayList<>();
            long allocated = 0;
            for (int i = 0; i < warmUp + runs; i++) {
                boolean timedRun = i >= warmUp;
                long allocatedBefore = timedRun ? allocatedByAllThreads() : 0;
                long start = System.nanoTime();
                T answer = call.run(i);
                double took = (System.nanoTime() - start) / 1e6;
                if (timedRun) {
                    allocated += allocatedByAllThreads() - allocatedBefore;
                    times.add(took);
                }
                check.check(i, answer);
            }
            return new Series(times, allocated / (double) runs);
        }

        /**
         * What the JVM's live threads have allocated so far: the client's, Tomcat's and the engine's alike. It is
         * taken around each call, outside its time, so that a pooled thread that ends between calls takes nothing
         * of a call's share with it.
         */
        static long allocatedByAllThreads() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(b -> b > 0)
                    .sum();
        }
    }

    /** One timed call of a {@link Series}: its answer, from its run's number. */
    interface Call<T> {
        T run(int run) throws Exception;
    }

    /** What a {@link Series} checks of each answer. */
    interface Check<T> {
        void check(int run, T answer);
    }

    /** The filter's first page and count through FilterService, as the coordinator. */
    private Series filterSeries(String filterId, Set<String> expected, boolean soonestDueFirst) {
        return filterSeries(filterId, expected, soonestDueFirst, TASK_LIST_RUNS);
    }

    private Series filterSeries(String filterId, Set<String> expected, boolean soonestDueFirst, int runs) {
        List<String> groups = List.of(Groups.coordinators(OFFICE));
        List<String> tenants = List.of(Tenants.office(OFFICE));
        try {
            identityService.setAuthentication(COORDINATOR, groups, tenants);
            return Series.timed(TASK_LIST_WARM_UP, runs,
                    run -> Map.entry(filterService.<Task>listPage(filterId, 0, 15), filterService.count(filterId)),
                    (run, answer) -> {
                        if (run > 0) {
                            return;
                        }
                        List<Task> page = answer.getKey();
                        long count = answer.getValue();
                        assertThat(page).hasSize(15);
                        if (expected != null) {
                            assertThat(count).isEqualTo(expected.size());
                            assertThat(page).extracting(Task::getId).allMatch(expected::contains);
                        } else {
                            assertThat(count).isGreaterThanOrEqualTo(15);
                        }
                        if (soonestDueFirst) {
                            for (int k = 1; k < page.size(); k++) {
                                assertThat(page.get(k).getDueDate()).isAfterOrEqualTo(page.get(k - 1).getDueDate());
                            }
                        }
                    });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The filter's first page (HAL, as Tasklist asks for it) and count over HTTP, as the coordinator. */
    private Series restSeries(String filterId, int expectedCount, int runs) throws Exception {
        String token = basic(COORDINATOR);
        String list = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
        String count = "/engine-rest/filter/" + filterId + "/count";
        return Series.timed(TASK_LIST_WARM_UP, runs,
                run -> List.of(post(token, list, "application/hal+json"), post(token, count, "application/json")),
                (run, answers) -> {
                    if (run == 0) {
                        HttpResponse<String> page = answers.get(0);
                        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                        assertThat(answers.get(1).body()).isEqualTo("{\"count\":" + expectedCount + "}");
                        assertThat(page.body()).contains("\"count\":" + expectedCount);
                    }
                });
    }

    /**
     * The filter's first page as Tasklist itself asks for it: signed in to the Camunda webapps (session cookie, CSRF
     * token), {@code POST /camunda/api/engine/engine/default/filter/{id}/list?firstResult=0&maxResults=15} with
     * HAL and Tasklist's body ({@link TasklistSession#FIRST_PAGE_QUERY}), whose answer carries the count.
     */
    private Series tasklistSeries(String filterId, int expectedCount, int runs) throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, COORDINATOR, PASSWORD);
        return Series.timed(TASK_LIST_WARM_UP, runs, run -> tasklist.firstPage(filterId), (run, page) -> {
            if (run == 0) {
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                assertThat(page.body()).contains("\"count\":" + expectedCount);
            }
        });
    }

    /**
     * Tasklist's request with a setting of the product on and off in turn, request by request, so that both meet the
     * same conditions of the machine: {@code TASK_LIST_WARM_UP} warm-up requests and {@code TASK_LIST_RUNS} timed ones
     * each. What the JVM's threads allocate is taken around each request, outside its time. The setting is left on.
     */
    private Series[] tasklistInTurn(String filterId, int expectedCount, Setting setting) throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, COORDINATOR, PASSWORD);
        List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
        long[] allocated = new long[2];
        try {
            for (int i = 0; i < 2 * (TASK_LIST_WARM_UP + TASK_LIST_RUNS); i++) {
                int side = i % 2;
                setting.set(side == 0);
                boolean timed = i >= 2 * TASK_LIST_WARM_UP;
                long allocatedBefore = timed ? Series.allocatedByAllThreads() : 0;
                long start = System.nanoTime();
                HttpResponse<String> page = tasklist.firstPage(filterId);
                double took = (System.nanoTime() - start) / 1e6;
                if (timed) {
                    allocated[side] += Series.allocatedByAllThreads() - allocatedBefore;
                    times.get(side).add(took);
                }
                if (i < 2) {
                    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                    assertThat(page.body()).contains("\"count\":" + expectedCount);
                }
            }
        } finally {
            setting.set(true);
        }
        return new Series[] {new Series(times.get(0), allocated[0] / (double) TASK_LIST_RUNS),
                new Series(times.get(1), allocated[1] / (double) TASK_LIST_RUNS)};
    }

    /** A setting of the product that the benchmark switches on (the product's) and off (the engine's own). */
    interface Setting {
        void set(boolean product) throws Exception;
    }

    private static void inTurnRows(BenchmarkReport report, String setting, String on, String off, Series[] inTurn) {
        for (int side = 0; side < 2; side++) {
            String label = "Tasklist's own request, " + setting + " on and off in turn, " + (side == 0 ? on : off);
            report.row(label + ", p50", ms(inTurn[side].p50()), "-", "-", "-");
            report.row(label + ", p95", ms(inTurn[side].p95()), "-", "-", "-");
            report.row(label + ", allocated per request", mb(inTurn[side].allocatedPerCall()), "-", "-", "-");
        }
    }

    private Series httpSeries(String token, IntFunction<String> path) throws Exception {
        return httpSeries(token, path, WARM_UP, RUNS);
    }

    private Series httpSeries(String token, IntFunction<String> path, int warmUp, int runs) throws Exception {
        return Series.timed(warmUp, runs, run -> get(token, path.apply(run)),
                (run, response) -> assertThat(response.statusCode()).as(path.apply(run)).isEqualTo(200));
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, String accept) throws Exception {
        if (!rememberSignIns) {
            restSignIns.forgetAll();
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token).header("Accept", accept)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    // ----- query plans -----

    /**
     * The filter's list query as the engine sends it (caught from MyBatis' debug log of the task mapper, parameters
     * put in place) and PostgreSQL's EXPLAIN ANALYZE of it: the plan's top nodes and its execution time.
     */
    private String explain(String filterId) {
        List<ILoggingEvent> events = StatementLog.during(
                "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria", () -> {
                    try {
                        identityService.setAuthentication(COORDINATOR, List.of(Groups.coordinators(OFFICE)),
                                List.of(Tenants.office(OFFICE)));
                        filterService.listPage(filterId, 0, 15);
                    } finally {
                        identityService.clearAuthentication();
                    }
                });
        String sql = null;
        String parameters = null;
        for (ILoggingEvent event : events) {
            String message = event.getFormattedMessage();
            if (message.contains("Preparing:")) {
                sql = message.substring(message.indexOf("Preparing:") + 10).trim();
            } else if (message.contains("Parameters:")) {
                parameters = message.substring(message.indexOf("Parameters:") + 11).trim();
            }
        }
        if (sql == null) {
            return "(query not caught from the engine's log)";
        }
        String inlined = inline(sql, parameters);
        System.out.println("[benchmark] SQL of filter " + filterId + ": " + inlined);
        List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + inlined, String.class);
        lastPlan = String.join("\n", plan);
        plan.forEach(line -> System.out.println("[benchmark]   " + line));
        List<String> summary = new ArrayList<>();
        for (String line : plan) {
            String trimmed = line.trim();
            if (trimmed.startsWith("->") || summary.isEmpty() || trimmed.startsWith("Execution Time")) {
                String node = trimmed.replaceFirst("^-> *", "").replaceAll("\\(cost=[^)]*\\) ", "");
                if (summary.size() < 7 || trimmed.startsWith("Execution Time")) {
                    summary.add(node);
                }
            }
        }
        return "`" + String.join("` → `", summary) + "`";
    }

    /**
     * Prints the statements one page and count of the filter send to the database (MyBatis' debug log of every
     * engine mapper), each with the milliseconds since the page was asked for: where the time goes outside the
     * list query itself.
     */
    private String trace(String filterId) {
        return statements("filter " + filterId, () -> {
            try {
                identityService.setAuthentication(COORDINATOR, List.of(Groups.coordinators(OFFICE)),
                        List.of(Tenants.office(OFFICE)));
                filterService.listPage(filterId, 0, 15);
                filterService.count(filterId);
            } finally {
                identityService.clearAuthentication();
            }
        });
    }

    /** The same for one page and count over HTTP (the server's threads log to the same loggers). */
    private String restTrace(String filterId) {
        String token = basic(COORDINATOR);
        return statements("REST filter " + filterId, () -> {
            try {
                post(token, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                        "application/hal+json");
                post(token, "/engine-rest/filter/" + filterId + "/count", "application/json");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The same for Tasklist's own request (one HAL list, signed in with the session). */
    private String tasklistTrace(String filterId) throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, COORDINATOR, PASSWORD);
        return statements("Tasklist filter " + filterId, () -> {
            try {
                tasklist.firstPage(filterId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String statements(String what, Runnable page) {
        long start = System.currentTimeMillis();
        List<ILoggingEvent> events = StatementLog.during("org.camunda.bpm.engine.impl.persistence.entity", page);
        System.out.printf(Locale.ROOT, "[benchmark] trace of %s: %d ms%n", what, System.currentTimeMillis() - start);
        List<String> steps = new ArrayList<>();
        Map<String, Long> prepared = new LinkedHashMap<>();
        for (ILoggingEvent event : events) {
            String message = event.getFormattedMessage();
            String statement = event.getLoggerName().replaceAll(".*\\.", "");
            if (message.contains("Preparing:") || message.contains("Total:")) {
                System.out.printf(Locale.ROOT, "[benchmark]   +%d ms %s %s%n", event.getTimeStamp() - start,
                        statement, message.length() > 160 ? message.substring(0, 160) : message);
            }
            if (message.contains("Preparing:")) {
                prepared.put(event.getThreadName(), event.getTimeStamp());
            } else if (message.contains("Total:")) {
                long from = prepared.getOrDefault(event.getThreadName(), start);
                steps.add(statement + " " + (event.getTimeStamp() - from) + " ms");
            }
        }
        return String.format(Locale.ROOT, "%d statements in %d ms: %s", steps.size(),
                System.currentTimeMillis() - start, String.join(", ", steps));
    }

    private static final Pattern PARAMETER = Pattern.compile("(.*)\\((\\w+)\\)");

    private static String inline(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        if (parameters != null && !parameters.isEmpty()) {
            for (String parameter : parameters.split(", ")) {
                Matcher typed = PARAMETER.matcher(parameter);
                if (!typed.matches()) {
                    values.add("null");
                } else if (typed.group(2).equals("String")) {
                    values.add("'" + typed.group(1).replace("'", "''") + "'");
                } else if (typed.group(2).equals("Timestamp")) {
                    values.add("timestamp '" + typed.group(1) + "'");
                } else {
                    values.add(typed.group(1));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?' && next < values.size()) {
                out.append(values.get(next++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ----- data -----

    private String stockFilter(String name, Supplier<TaskQuery> query) {
        Filter filter = filterService.newTaskFilter(name);
        filter.setProperties(new LinkedHashMap<>(Map.of("priority", 0)));
        filter.setQuery(query.get());
        String id = filterService.saveFilter(filter).getId();
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId(COORDINATOR);
        read.setResource(Resources.FILTER);
        read.setResourceId(id);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
        return id;
    }

    /** The statements of the product's engine-index migration, one per index. */
    private static List<String> engineIndexStatements() throws IOException {
        String script = new ClassPathResource("db/engine-migration/V18__task_list_indexes.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        return Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";"))
                .map(s -> s.trim().replaceAll("\\s+", " "))
                .filter(s -> s.startsWith("CREATE INDEX"))
                .toList();
    }

    private static String indexName(String statement) {
        Matcher matcher = Pattern.compile("CREATE INDEX IF NOT EXISTS (\\S+) ON").matcher(statement);
        assertThat(matcher.find()).as(statement).isTrue();
        return matcher.group(1);
    }

    static String unitCode(int i) {
        return String.format(Locale.ROOT, "U%07d", i);
    }

    /** Four earlier fiscal years: 116,000 ended instances and a million completed tasks, by bulk SQL. */
    private void history(List<String> officeCodes) {
        String codes = "array[" + String.join(",", officeCodes.stream().map(c -> "'" + c + "'").toList()) + "]";
        jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,"
                + " start_time_, end_time_, duration_, start_act_id_, end_act_id_, tenant_id_, state_,"
                + " root_proc_inst_id_, removal_time_)"
                + " select 'hp-' || g, 'hp-' || g, 'FY' || (2562 + g % 4) || '-U' || lpad((g % " + UNITS
                + ")::text, 7, '0'), '" + UNIT_PROCESS + "', '" + UNIT_PROCESS + ":0:history',"
                + " timestamp '2019-10-01' + (g % 4) * interval '365 days',"
                + " timestamp '2019-10-01' + (g % 4) * interval '365 days' + interval '200 days', 17280000000,"
                + " 'Start', 'End', (" + codes + ")[1 + g % " + officeCodes.size() + "], 'COMPLETED', 'hp-' || g,"
                + " null from generate_series(1, " + HISTORIC_INSTANCES + ") g");
        progress("history: " + HISTORIC_INSTANCES + " process instances");
        int step = HISTORIC_TASKS / 4;
        for (int from = 1; from <= HISTORIC_TASKS; from += step) {
            jdbc.update("insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_,"
                    + " root_proc_inst_id_, proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_,"
                    + " start_time_, end_time_, duration_, delete_reason_, priority_, due_date_, tenant_id_,"
                    + " task_state_)"
                    + " select 'ht-' || g, 'Task_Unit' || (g % 9), '" + UNIT_PROCESS + "', '" + UNIT_PROCESS
                    + ":0:history', 'hp-' || (1 + g % " + HISTORIC_INSTANCES + "), 'hp-' || (1 + g % "
                    + HISTORIC_INSTANCES + "), 'hp-' || (1 + g % " + HISTORIC_INSTANCES + "), 'ha-' || g,"
                    + " 'งานของหน่วย ' || (g % 9), 'coord.' || lower((" + codes + ")[1 + (g % " + HISTORIC_INSTANCES
                    + ") % " + officeCodes.size() + "]),"
                    + " timestamp '2019-10-01' + ((g % " + HISTORIC_INSTANCES + ") % 4) * interval '365 days'"
                    + " + (g % 9) * interval '20 days',"
                    + " timestamp '2019-10-01' + ((g % " + HISTORIC_INSTANCES + ") % 4) * interval '365 days'"
                    + " + (g % 9) * interval '20 days' + interval '9 days', 777600000, 'completed', 50,"
                    + " timestamp '2019-10-01' + ((g % " + HISTORIC_INSTANCES + ") % 4) * interval '365 days'"
                    + " + (g % 9) * interval '20 days' + interval '14 days',"
                    + " (" + codes + ")[1 + (g % " + HISTORIC_INSTANCES + ") % " + officeCodes.size() + "],"
                    + " 'Completed' from generate_series(?, ?) g", from, Math.min(HISTORIC_TASKS, from + step - 1));
            progress("history: " + Math.min(HISTORIC_TASKS, from + step - 1) + " task rows");
        }
    }

    /**
     * 29,000 units as office rows, each unit's instance of the one-task model in its office's tenant, and a FY2567
     * cycle of the units.
     */
    private void units(List<String> officeCodes) throws Exception {
        Map<String, String> regionOf = new LinkedHashMap<>();
        jdbc.query("select code, region_code from office", rs -> {
            regionOf.put(rs.getString(1), rs.getString(2));
        });
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            String office = officeCodes.get(i % officeCodes.size());
            rows.add(new Object[] {unitCode(i), "โรงเรียนทดสอบ " + i, "โรงเรียนทดสอบ " + i + " สังกัด " + office,
                    "เชียงใหม่", "50", "Chiang Mai", regionOf.get(office), false, now});
        }
        jdbc.batchUpdate("insert into office (code, office_type, short_name_th, full_name_th, area_no, provinces_th,"
                + " seat_province_code, seat_province_en, region_code, active, updated_at)"
                + " values (?, 'PRIMARY', ?, ?, null, ?, ?, ?, ?, ?, ?)", rows);
        progress("units: " + UNITS + " office rows");

        BpmnModelInstance model = Bpmn.createExecutableProcess(UNIT_PROCESS).name("งานของหน่วย (benchmark)")
                .camundaHistoryTimeToLive(180)
                .startEvent("Start").name("เริ่ม")
                .userTask("Task_UnitReport").name("รายงานของหน่วย")
                .camundaCandidateGroups("office-${officeCode}-coordinators").camundaDueDate("${dueDate}")
                .camundaTaskListenerExpression("create",
                        "${task.hasVariable('escalate') ? task.setVariableLocal('escalated', true) : null}")
                .endEvent("End").name("เสร็จ")
                .done();
        repositoryService.createDeployment().name("benchmark").addModelInstance("bench-unit-task.bpmn", model)
                .deploy();
        Authorization unitProcess = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        unitProcess.setUserId(Authorization.ANY);
        grantReadProcess(unitProcess, UNIT_PROCESS);

        Timestamp launched = Timestamp.from(Instant.parse("2023-10-02T02:00:00Z"));
        unitCycleId = jdbc.queryForObject("insert into cycle (fiscal_year, catalogue_year, status, launched_by,"
                + " launched_at) values (2567, 2566, 'RUNNING', ?, ?) returning id", Long.class, ADMIN, launched);
        String[] instanceIds = new String[UNITS];
        AtomicInteger done = new AtomicInteger();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> batches = new ArrayList<>();
        int batch = 100;
        for (int from = 0; from < UNITS; from += batch) {
            int first = from;
            batches.add(pool.submit(() -> transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(UNITS, first + batch); i++) {
                    String office = officeCodes.get(i % officeCodes.size());
                    Map<String, Object> variables = new LinkedHashMap<>();
                    variables.put("officeCode", office);
                    variables.put("dueDate", Date.from(Instant.parse("2023-03-01T09:30:00Z")
                            .plusSeconds(60L * ((i * 7919L) % 260_000))));
                    if (i % 7 == 0) {
                        variables.put("escalate", true);
                    }
                    ProcessInstance instance = runtimeService.startProcessInstanceByKey(UNIT_PROCESS,
                            "FY2567-" + unitCode(i), variables);
                    instanceIds[i] = instance.getId();
                }
                int total = done.addAndGet(Math.min(UNITS, first + batch) - first);
                if (total % 5000 < batch) {
                    progress("units: " + total + " instances started");
                }
            })));
        }
        for (Future<?> future : batches) {
            future.get();
        }
        pool.shutdown();
        List<Object[]> cycleRows = new ArrayList<>();
        String[] phases = {"ANALYSIS", "PLANNING", "IMPLEMENTATION", "MONITORING_MID_YEAR"};
        for (int i = 0; i < UNITS; i++) {
            cycleRows.add(new Object[] {unitCycleId, unitCode(i), "FY2567-" + unitCode(i), instanceIds[i],
                    phases[i % phases.length], launched});
        }
        jdbc.batchUpdate("insert into office_cycle (cycle_id, office_code, business_key, process_instance_id, phase,"
                + " started_at) values (?, ?, ?, ?, ?, ?)", cycleRows);
        progress("units: cycle of " + UNITS + " units");
    }

    /** The office groups: coordinators and directors of every office, reviewers of every inspection region. */
    private List<String> officeGroups() {
        List<String> groups = new ArrayList<>();
        for (OfficeCycleView office : offices) {
            groups.add(Groups.coordinators(office.officeCode()));
            groups.add(Groups.directors(office.officeCode()));
        }
        jdbc.queryForList("select distinct region_code from office where region_code is not null", String.class)
                .forEach(region -> groups.add(Groups.reviewers(region)));
        return groups;
    }

    private static final List<String> GRANTED_PROCESSES = List.of(UNIT_PROCESS, "Process_AreaOfficeCycle");
    private static final Permission[] READ_PROCESS = {Permissions.READ, Permissions.READ_TASK,
            Permissions.READ_INSTANCE, Permissions.READ_HISTORY};

    /**
     * How the office processes are granted: one global grant each (the product's access model,
     * security/AccessGrants) or one grant per office group (the product's model before, as a stock installation
     * grants a process to the groups that work on it).
     */
    private void globalGrants(boolean global) {
        List<String> groups = officeGroups();
        for (String process : GRANTED_PROCESSES) {
            for (Authorization authorization : authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.PROCESS_DEFINITION).resourceId(process).list()) {
                if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL
                        || groups.contains(authorization.getGroupId())) {
                    authorizationService.deleteAuthorization(authorization.getId());
                }
            }
            if (global) {
                Authorization authorization = authorizationService.createNewAuthorization(
                        Authorization.AUTH_TYPE_GLOBAL);
                authorization.setUserId(Authorization.ANY);
                grantReadProcess(authorization, process);
            } else {
                for (String group : groups) {
                    Authorization authorization = authorizationService.createNewAuthorization(
                            Authorization.AUTH_TYPE_GRANT);
                    authorization.setGroupId(group);
                    grantReadProcess(authorization, process);
                }
            }
        }
        vacuumAuthorizations();
    }

    /**
     * What autovacuum does after the grants changed, index entries included: on its own VACUUM skips cleaning the
     * indexes when few pages hold dead rows, and a bitmap index scan (the task query probes the grants with one per
     * task) does not mark the entries of deleted rows dead, so the 510 grants per office group just removed from a
     * definition would still be visited for every task.
     */
    private void vacuumAuthorizations() {
        jdbc.execute("VACUUM (ANALYZE, INDEX_CLEANUP ON) act_ru_authorization");
    }

    private void grantReadProcess(Authorization authorization, String process) {
        authorization.setResource(Resources.PROCESS_DEFINITION);
        authorization.setResourceId(process);
        authorization.setPermissions(READ_PROCESS);
        authorizationService.saveAuthorization(authorization);
    }

    private SessionFactory productAuthorizationManager;
    private String productRevokeCheck;

    /**
     * The product's engine settings (security/AccessControlPlugin's authorization manager that takes the user's
     * groups as they are, {@code authorization-check-revokes: never}) or the engine's stock ones (its own
     * authorization manager, revokes checked when any exist: {@code auto}). Both are read by each new command.
     */
    private void engineSettings(boolean product) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        if (productAuthorizationManager == null) {
            productAuthorizationManager = configuration.getSessionFactories().get(AuthorizationManager.class);
            productRevokeCheck = configuration.getAuthorizationCheckRevokes();
            assertThat(productAuthorizationManager).isNotInstanceOf(GenericManagerFactory.class);
            assertThat(productRevokeCheck).isEqualTo("never");
        }
        configuration.getSessionFactories().put(AuthorizationManager.class, product ? productAuthorizationManager
                : new GenericManagerFactory(AuthorizationManager.class));
        configuration.setAuthorizationCheckRevokes(product ? productRevokeCheck : "auto");
    }

    /**
     * The grants on each task of its candidate group (and assignee): the work permission alone, as the product
     * gives them on a task of a process every user may read (security/TaskWorkGrants; every open task of the data
     * set is of such a process), or READ and the work permission, as the engine's stock provider does.
     */
    private void taskGrants(boolean workOnly) {
        jdbc.update(workOnly
                ? "update act_ru_authorization set perms_ = perms_ & ~2 where type_ = 1 and resource_type_ = 7"
                + " and (perms_ & 16384) <> 0 and (perms_ & 2) <> 0"
                : "update act_ru_authorization set perms_ = perms_ | 2 where type_ = 1 and resource_type_ = 7"
                + " and (perms_ & 16384) <> 0 and (perms_ & 2) = 0");
        vacuumAuthorizations();
    }

    private final Map<Class<?>, PropertyAccessor> productMappingAccessors = new LinkedHashMap<>();
    private final PropertyAccessor ognlsOwnAccessor = new ObjectPropertyAccessor();

    /**
     * How the engine's SQL mapping reads the {@code isX} flags of its queries: through the product's accessor
     * (system/MappingPropertyShortcuts), or through OGNL's own, which searches all methods of the class on every
     * evaluation. OGNL holds its accessors per class in static state, so this switches them for the whole JVM.
     */
    private void mappingShortcuts(boolean product) throws OgnlException {
        if (productMappingAccessors.isEmpty()) {
            for (Class<?> type : MappingPropertyShortcuts.CLASSES) {
                PropertyAccessor accessor = OgnlRuntime.getPropertyAccessor(type);
                assertThat(accessor).as(type.getSimpleName()).isNotExactlyInstanceOf(ObjectPropertyAccessor.class);
                productMappingAccessors.put(type, accessor);
            }
        }
        productMappingAccessors.forEach((type, accessor) -> OgnlRuntime.setPropertyAccessor(type,
                product ? accessor : ognlsOwnAccessor));
    }

    private SessionFactory productFilterManager;
    private final SessionFactory enginesOwnFilterManager = new GenericManagerFactory(FilterManager.class);

    /**
     * How a request to the engine REST API reads its filter: once (system/FilterReadsPerRequest's filter manager), or
     * in every command, as the engine's own filter manager does. Read by each new command.
     */
    private void filterReads(boolean product) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        if (productFilterManager == null) {
            productFilterManager = configuration.getSessionFactories().get(FilterManager.class);
            assertThat(productFilterManager).isNotInstanceOf(GenericManagerFactory.class);
        }
        configuration.getSessionFactories().put(FilterManager.class, product ? productFilterManager
                : enginesOwnFilterManager);
    }

    private void stockEngine() throws OgnlException {
        SharedRestObjectMapper.answer(false);
        filterReads(false);
        mappingShortcuts(false);
        engineSettings(false);
        taskGrants(false);
        globalGrants(false);
        relationCaches(false);
        rememberSignIns = false;
    }

    private void productEngine() throws OgnlException {
        SharedRestObjectMapper.answer(true);
        filterReads(true);
        mappingShortcuts(true);
        engineSettings(true);
        taskGrants(true);
        globalGrants(true);
        relationCaches(true);
        rememberSignIns = true;
    }

    /**
     * The REST API's caches of HAL relations (the embedded process definitions and users of a task list answer) as
     * the product configures them (system/RestRelationCaches), or none, as the Spring Boot starter leaves them.
     */
    private void relationCaches(boolean product) {
        String configuration = servletContext.getInitParameter(HalRelationCacheBootstrap.CONTEXT_PARAM_NAME);
        assertThat(configuration).as("the product's relation caches").isNotNull();
        Hal.getInstance().destroyHalRelationCaches();
        if (product) {
            new HalRelationCacheBootstrap().configureCaches(configuration);
        }
    }

    /** Five chosen indicators per office; 6-month reports: accepted, submitted, returned, late or missing. */
    private void reportsInMixedStates(Long cycleId, List<OfficeCycleView> offices) {
        Timestamp analysed = Timestamp.from(Instant.parse("2022-11-20T03:00:00Z"));
        Timestamp onTime = Timestamp.from(Instant.parse("2023-04-20T03:00:00Z"));
        Timestamp late = Timestamp.from(Instant.parse("2023-05-02T03:00:00Z"));
        List<Object[]> reports = new ArrayList<>();
        for (int i = 0; i < offices.size(); i++) {
            Long officeCycle = offices.get(i).id();
            Long analysisId = jdbc.queryForObject("insert into office_analysis (office_cycle_id, participants,"
                    + " policy_linkage, submitted_at) values (?, 'ทีมงาน', 'เชื่อมโยง', ?) returning id", Long.class,
                    officeCycle, analysed);
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
                reports.add(new Object[] {cycleId, officeCycle, CHOSEN.get(k), status,
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

    /**
     * Waits (at most two minutes) until no autovacuum worker runs on the benchmark's database, so that the pages are
     * not timed beside the vacuum of the tables just loaded.
     */
    private void settle() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        String sql = "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'"
                + " and datname = current_database()";
        while (jdbc.queryForObject(sql, Integer.class) > 0 && System.nanoTime() < deadline) {
            progress("autovacuum still running, waiting");
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The one-minute load average against the cores and the CPU other processes used, as sentences for the report. */
    private static String load() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            load = "unknown";
        }
        return String.format(Locale.ROOT, "One-minute load average as the measurements began: %s on %d cores (above"
                + " the number of cores, other work was competing for the CPU and every figure is higher than on a"
                + " machine of its own). %s", load, Runtime.getRuntime().availableProcessors(), othersCpu());
    }

    /**
     * The share of the machine's CPU time that processes other than this JVM used over three seconds while the
     * benchmark itself was idle (from {@code /proc/stat} and {@code /proc/self/stat}; PostgreSQL, idle, uses next to
     * none): what was left for the measured pages.
     */
    private static String othersCpu() {
        try {
            long[] machineBefore = machineJiffies();
            long selfBefore = selfJiffies();
            Thread.sleep(3000);
            long[] machineAfter = machineJiffies();
            long selfAfter = selfJiffies();
            double total = machineAfter[0] - machineBefore[0];
            double busy = total - (machineAfter[1] - machineBefore[1]);
            double others = Math.max(0, busy - (selfAfter - selfBefore)) / total;
            return String.format(Locale.ROOT, "Other processes used %.0f%% of the machine's CPU time in the three"
                    + " seconds before (the benchmark idle).", others * 100);
        } catch (IOException | RuntimeException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** All and idle (with I/O wait) jiffies of the machine, from the first line of {@code /proc/stat}. */
    private static long[] machineJiffies() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < Math.min(cpu.length, 9); i++) {
            all += Long.parseLong(cpu[i]);
        }
        return new long[] {all, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
    }

    /** User and system jiffies of this JVM, from {@code /proc/self/stat}. */
    private static long selfJiffies() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * Prints a step of the run and appends it to {@code <build.dir>/benchmarks/progress.log}, which can be followed
     * while the run lasts ({@code tail -f}); the test's own output reaches its file only at the end.
     */
    private void progress(String what) {
        String line = String.format(Locale.ROOT, "[benchmark] %5.1f s  %s%n", (System.nanoTime() - started) / 1e9,
                what);
        System.out.print(line);
        try {
            Path log = Path.of(System.getProperty("build.dir", "target"), "benchmarks", "progress.log");
            Files.createDirectories(log.getParent());
            Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
