package th.obec.apimr.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CycleFormValues;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.EngineRestClient;
import th.obec.apimr.support.TestUsers;

/**
 * Systematically malformed submissions (wrong types, negatives, huge numbers and strings, missing fields, malformed
 * JSON, unknown ids, dates outside the fiscal year) sent through the engine REST API's submit-form to the real
 * tasks of a running FY2566 cycle, as Tasklist or any client would. Each is refused with 400 naming the field;
 * afterwards every business table holds exactly what it held before, the task is still open with its variables
 * unchanged. Then a valid submission passes, so the refusals were about the values alone. Also: text a user typed
 * reaches the next form as inert text, and the application's API names malformed JSON and wrong content types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedSubmissionsIT {

    static final String PASSWORD = "s3cret-fuzz";
    static final String OFFICE = "P5002";
    static final String SCRIPT = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    EngineRestClient admin;
    EngineRestClient analyst;
    EngineRestClient coordinator;
    EngineRestClient director;
    EngineRestClient reviewer;

    /** One malformed submission: a name for the report, the values sent and the field the refusal must name. */
    record Case(String name, Map<String, Object> variables, String field) {
    }

    @BeforeAll
    void cycleRunsUpToThePlan() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2022-10-10T02:00:00Z")));
        admin = user("fz.admin", Groups.OBEC_ADMIN);
        analyst = user("fz.analyst", Groups.OBEC_MONITOR);
        coordinator = user("fz.coord", Groups.coordinators(OFFICE));
        director = user("fz.director", Groups.directors(OFFICE));
        reviewer = user("fz.reviewer", Groups.reviewers("15"));

        admin.post("/api/cycles", Map.of("fiscalYear", 2566, "officeCodes", List.of(OFFICE))).ok();
        analyst.complete(single(analyst.myTasks("Task_AnalyseNationalPolicy")), CycleFormValues.nationalAnalysis());
        runDueJobs();
        JsonNode analysis = single(coordinator.myTasks("Task_AnalysePolicy"));
        coordinator.complete(analysis, CycleFormValues.analysis(
                coordinator.formVariables(analysis.get("id").asText()).get("indicatorTargets"), List.of("1", "2")));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void malformedPlansAreRefusedNamingTheFieldAndChangeNothing() {
        JsonNode task = single(coordinator.myTasks("Task_PlanProjects"));
        String taskId = task.get("id").asText();
        coordinator.claim(taskId);
        Map<String, Object> valid = new LinkedHashMap<>(CycleFormValues.plan(List.of(
                CycleFormValues.project("โครงการโรงเรียนปลอดภัย", 150000, "1, 2"))));

        List<Case> cases = new ArrayList<>();
        cases.addAll(textCases(valid, "planTitle", FormInput.TEXTFIELD, true));
        cases.addAll(textCases(valid, "planSummary", FormInput.TEXTAREA, false));
        cases.addAll(listCases(valid, "projects", 100));
        cases.add(new Case("no project at all", with(valid, "projects", List.of()), "projects"));
        Map<String, Object> project = project(valid);
        cases.addAll(itemCases(valid, "projects", project, "name", textValues(FormInput.TEXTFIELD, true)));
        cases.addAll(itemCases(valid, "projects", project, "strategy", textValues(FormInput.TEXTFIELD, false)));
        cases.addAll(itemCases(valid, "projects", project, "targets", textValues(FormInput.TEXTAREA, false)));
        cases.addAll(itemCases(valid, "projects", project, "budget", numberValues(true)));
        cases.addAll(itemCases(valid, "projects", project, "budget", Map.of(
                "three decimals", 10.555, "above the project ceiling", new BigDecimal("10000000000.00"))));
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("before the fiscal year", "2022-09-30");
        dates.put("after the fiscal year", "2023-10-01");
        dates.put("years away", "1999-01-01");
        dates.put("not a date", "next week");
        dates.put("impossible day", "2023-02-30");
        dates.put("Buddhist-era year", "2566-01-15");
        dates.put("an object", Map.of("year", 2023));
        cases.addAll(itemCases(valid, "projects", project, "startDate", dates));
        cases.addAll(itemCases(valid, "projects", project, "endDate", dates));
        cases.add(new Case("end before start", with(valid, "projects",
                List.of(with(project, "endDate", "2022-10-15"))), "projects[0].endDate"));
        cases.addAll(itemCases(valid, "projects", project, "indicators", Map.of(
                "unknown indicator id", "1, 99", "unknown JSON list id", List.of("1", "abc"),
                "oversized id", "1".repeat(40))));

        cases.add(new Case("a read-only field replaced by huge text", with(valid, "officeName", "x".repeat(5000)),
                "officeName"));
        cases.add(new Case("an unknown field with huge text", with(valid, "notAField", "x".repeat(5000)),
                "notAField"));
        cases.add(new Case("an unknown field with malformed JSON", withRaw(valid, "notAField",
                Map.of("type", "Json", "value", "{oops")), "notAField"));

        assertRefusedWithoutChange(coordinator, taskId, cases);
        coordinator.submitForm(taskId, valid).ok();
    }

    @Test
    @Order(2)
    void malformedReportsAreRefusedNamingTheFieldAndChangeNothing() {
        director.complete(single(director.myTasks("Task_ReviewPlan")), Map.of("planDecision", "APPROVE"));
        JsonNode implementation = single(coordinator.myTasks("Task_RecordImplementation"));
        coordinator.complete(implementation, CycleFormValues.implementation(
                coordinator.formVariables(implementation.get("id").asText()).get("projectProgress"), null));

        JsonNode task = coordinator.myTasks("Task_SubmitMidYearReport").stream()
                .filter(t -> "1".equals(coordinator.formVariables(t.get("id").asText()).get("indicatorCode").asText()))
                .findFirst().orElseThrow();
        String taskId = task.get("id").asText();
        coordinator.claim(taskId);
        JsonNode prefilled = coordinator.formVariables(taskId).get("counts");
        Map<String, Object> valid = new LinkedHashMap<>(CycleFormValues.report(CycleFormValues.counts(prefilled, 100, 90)));
        @SuppressWarnings("unchecked")
        Map<String, Object> count = ((List<Map<String, Object>>) valid.get("counts")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> practice = ((List<Map<String, Object>>) valid.get("practices")).get(0);

        List<Case> cases = new ArrayList<>();
        cases.addAll(textCases(valid, "stepsTaken", FormInput.TEXTAREA, true));
        for (String field : List.of("problemsObec", "problemsOffice", "recommendationsObec", "recommendationsOffice")) {
            cases.addAll(textCases(valid, field, FormInput.TEXTAREA, false));
        }
        cases.addAll(listCases(valid, "counts", 200));
        cases.addAll(listCases(valid, "practices", 50));
        cases.addAll(itemCases(valid, "counts", count, "achieved", numberValues(false)));
        cases.addAll(itemCases(valid, "counts", count, "base", numberValues(false)));
        cases.addAll(itemCases(valid, "counts", count, "achieved", Map.of("a fraction", 1.5,
                "above the base", 101, "above the base as text", "120")));
        cases.addAll(itemCases(valid, "counts", count, "measureCode", Map.of("unknown measure id", "NO_SUCH_MEASURE",
                "a measure of another indicator", "DROPOUTS_HELPED")));
        cases.add(new Case("the same measure twice", with(valid, "counts", List.of(count, count)),
                "counts[1].measureCode"));
        cases.addAll(itemCases(valid, "practices", practice, "name", textValues(FormInput.TEXTFIELD, false)));
        cases.addAll(itemCases(valid, "practices", practice, "ownerName", textValues(FormInput.TEXTFIELD, false)));
        cases.addAll(itemCases(valid, "practices", practice, "description", textValues(FormInput.TEXTAREA, false)));
        Map<String, Object> levels = new LinkedHashMap<>();
        levels.put("missing", null);
        levels.put("zero", "0");
        levels.put("six", 6);
        levels.put("negative", -3);
        levels.put("not a number", "ดีมาก");
        levels.put("huge", "1e400");
        levels.put("a list", List.of(4));
        for (Map.Entry<String, Object> level : levels.entrySet()) {
            cases.add(new Case("selfAssessedLevel " + level.getKey(), with(valid, "selfAssessedLevel", level.getValue()),
                    "selfAssessedLevel"));
        }

        assertRefusedWithoutChange(coordinator, taskId, cases);
        coordinator.submitForm(taskId, valid).ok();
    }

    @Test
    @Order(3)
    void scriptTypedAsABestPracticeReachesTheReviewerAsInertText() throws IOException {
        JsonNode task = single(coordinator.myTasks("Task_SubmitMidYearReport"));
        String taskId = task.get("id").asText();
        Map<String, Object> values = new LinkedHashMap<>(CycleFormValues.report(
                CycleFormValues.counts(coordinator.formVariables(taskId).get("counts"), 50, 40)));
        values.put("practices", List.of(Map.of("name", SCRIPT, "ownerName", "โรงเรียน <b>บ้านดอย</b>",
                "description", "\"quoted\" & {{ injected }}")));
        values.put("stepsTaken", "ขั้นตอน " + SCRIPT);
        coordinator.complete(task, values);

        String reportId = null;
        for (JsonNode review : reviewer.myTasks("Task_ReviewMidYearReport")) {
            JsonNode variables = reviewer.get("/engine-rest/task/" + review.get("id").asText()
                    + "/form-variables").ok().body();
            JsonNode overview = variables.get("reportOverview");
            if (overview.get("value").asText().contains(SCRIPT)) {
                reportId = review.get("id").asText();
                // a plain String variable holding the characters as typed: form-js shows it as the value of a
                // read-only text area, never as markup
                assertThat(overview.get("type").asText()).isEqualTo("String");
                assertThat(overview.get("value").asText()).contains("ขั้นตอน " + SCRIPT, "โรงเรียน <b>บ้านดอย</b>",
                        "\"quoted\" & {{ injected }}");
            }
        }
        assertThat(reportId).as("the review task of the report with the script").isNotNull();
        assertThat(jdbc.queryForList("select name from indicator_report_practice", String.class)).contains(SCRIPT);
        assertNoFormRendersVariablesAsMarkup();
    }

    @Test
    @Order(4)
    void applicationApiNamesMalformedJsonAndWrongContentType() throws Exception {
        HttpResponse<String> malformed = post("/api/cycles", "application/json", "{\"fiscalYear\": 2567,\n \"officeCodes\": [P5002]}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed JSON at line 2");

        HttpResponse<String> wrongType = post("/api/cycles", "application/json", "{\"fiscalYear\": \"two\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).get("field").asText()).isEqualTo("fiscalYear");

        HttpResponse<String> text = post("/api/cycles", "text/plain", "fiscalYear=2567");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.body()).contains("text/plain", "application/json");
        assertThat(jdbc.queryForObject("select count(*) from cycle where fiscal_year = 2567", Integer.class)).isZero();
    }

    // ----- the cases, generated field by field -----

    /** Text fields: missing (if required), blank (if required), one character too long, huge, an object, a list. */
    private static List<Case> textCases(Map<String, Object> valid, String field, int limit, boolean required) {
        List<Case> cases = new ArrayList<>();
        textValues(limit, required).forEach((name, value) ->
                cases.add(new Case(field + " " + name, with(valid, field, value), field)));
        return cases;
    }

    private static Map<String, Object> textValues(int limit, boolean required) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (required) {
            values.put("missing", null);
            values.put("blank", "   ");
        }
        values.put("one character too long", "ก".repeat(limit + 1));
        values.put("huge", "x".repeat(1_000_000));
        values.put("an object", Map.of("text", "สวัสดี"));
        values.put("a list", List.of("ก", "ข"));
        return values;
    }

    /** Counts and amounts: negative, not a number, huge, infinite, a boolean, an object, missing where required. */
    private static Map<String, Object> numberValues(boolean required) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("negative", -1);
        values.put("negative text", "-250");
        values.put("not a number", "ten");
        values.put("NaN", "NaN");
        values.put("huge", new BigDecimal("1e30"));
        values.put("huge text", "9".repeat(400));
        values.put("exponent overflow", "1e99999");
        values.put("a boolean", true);
        values.put("an object", Map.of("value", 5));
        if (required) {
            values.put("missing", null);
        }
        return values;
    }

    /** A list: missing JSON syntax, JSON of the wrong shape, too many items, items that are not objects. */
    private static List<Case> listCases(Map<String, Object> valid, String field, int maxItems) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(field + " malformed JSON typed Json", withRaw(valid, field,
                Map.of("type", "Json", "value", "[{\"name\": \"โครงการ\", ")), field));
        cases.add(new Case(field + " malformed JSON as text", with(valid, field, "[{\"name\": oops}]"), field));
        cases.add(new Case(field + " a JSON object", with(valid, field, Map.of("name", "x")), field));
        cases.add(new Case(field + " a number", with(valid, field, 42), field));
        cases.add(new Case(field + " too many items", with(valid, field,
                Stream.generate(() -> Map.of("name", "x")).limit(maxItems + 1).toList()), field));
        cases.add(new Case(field + " an item that is text", with(valid, field, List.of("just text")), field + "[0]"));
        return cases;
    }

    /** The list field with its first item changed in one field to each of the values. */
    private static List<Case> itemCases(Map<String, Object> valid, String list, Map<String, Object> item, String field,
                                        Map<String, Object> values) {
        List<Case> cases = new ArrayList<>();
        values.forEach((name, value) -> cases.add(new Case(list + "[0]." + field + " " + name,
                with(valid, list, List.of(with(item, field, value))), list + "[0]." + field)));
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> project(Map<String, Object> plan) {
        return ((List<Map<String, Object>>) plan.get("projects")).get(0);
    }

    /**
     * A copy with one value changed; null sends the field empty, as a cleared form field is submitted (a field left
     * out of a submission keeps the value the form was prefilled with, by design).
     */
    private static Map<String, Object> with(Map<String, Object> values, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return copy;
    }

    private static final String RAW = "__raw__";

    /** A copy where one variable is sent exactly as given (type and value), e.g. malformed JSON typed Json. */
    private static Map<String, Object> withRaw(Map<String, Object> values, String field, Map<String, Object> variable) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, Map.of(RAW, variable));
        return copy;
    }

    // ----- submitting and checking -----

    private void assertRefusedWithoutChange(EngineRestClient user, String taskId, List<Case> cases) {
        Map<String, List<String>> before = businessTables();
        JsonNode variablesBefore = user.get("/engine-rest/task/" + taskId + "/localVariables").ok().body();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            EngineRestClient.Answer answer = user.post("/engine-rest/task/" + taskId + "/submit-form",
                    Map.of("variables", variables(c.variables())));
            String message = answer.body() == null ? "" : answer.body().path("message").asText();
            if (answer.status() != 400 || !message.contains(c.field() + ":")) {
                failures.add(c.name() + " -> HTTP " + answer.status() + " " + abbreviate(message)
                        + " (expected 400 naming " + c.field() + ")");
            }
        }
        assertThat(failures).as("%d cases", cases.size()).isEmpty();
        assertThat(cases).hasSizeGreaterThan(30);
        assertThat(user.get("/engine-rest/task/" + taskId).status()).as("the task is still open").isEqualTo(200);
        assertThat(user.get("/engine-rest/task/" + taskId + "/localVariables").ok().body())
                .isEqualTo(variablesBefore);
        Map<String, List<String>> after = businessTables();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(before.get(table)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof Map<?, ?> map && map.containsKey(RAW)) {
                raw.put(name, map.get(RAW));
            } else {
                plain.put(name, value);
            }
        });
        Map<String, Object> variables = new LinkedHashMap<>(EngineRestClient.toVariables(plain));
        variables.putAll(raw);
        return variables;
    }

    /** Every row of every application table (not the engine's, not the history tables of either Flyway), as text, in a stable order. */
    private Map<String, List<String>> businessTables() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and table_name not like 'ACT_%'"
                + " and lower(table_name) not like 'flyway%'", String.class);
        assertThat(tables).contains("OFFICE_PLAN", "PLAN_PROJECT", "INDICATOR_REPORT", "AUDIT_ENTRY");
        Map<String, List<String>> contents = new TreeMap<>();
        for (String table : tables) {
            contents.put(table, jdbc.queryForList("select * from " + table).stream()
                    .map(row -> new TreeMap<>(row).toString()).sorted().toList());
        }
        return contents;
    }

    /** form-js renders a text component as Markdown with templating: none may show a variable. */
    private static void assertNoFormRendersVariablesAsMarkup() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                walk(JSON.readTree(form.toFile()), component -> {
                    String type = component.path("type").asText();
                    String text = component.path("text").asText("");
                    if ("html".equals(type) || "text".equals(type) && (text.contains("{{") || text.startsWith("="))) {
                        offending.add(form.getFileName() + "#" + component.path("id").asText());
                    }
                });
            }
        }
        assertThat(offending).isEmpty();
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        for (JsonNode component : node.path("components")) {
            visit.accept(component);
            walk(component, visit);
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        String token = Base64.getEncoder().encodeToString(("fz.admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private void runDueJobs() {

        DueJobs.run(managementService, 100);
    }

    private static JsonNode single(List<JsonNode> tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private EngineRestClient user(String id, String groupId) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groupId);
        return new EngineRestClient(port, id, PASSWORD);
    }
}
