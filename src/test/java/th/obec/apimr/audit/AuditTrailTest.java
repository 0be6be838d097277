package th.obec.apimr.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.TaskFormDriver;
import th.obec.apimr.support.TaskFormSpringTest;
import th.obec.apimr.support.TestOffices;
import th.obec.apimr.support.TestOffices.TestOffice;
import th.obec.apimr.support.TestUsers;

@TaskFormSpringTest
@AutoConfigureMockMvc
class AuditTrailTest {

    static final String PASSWORD = "s3cret-audit";
    static final Instant SUBMITTED = Instant.parse("2022-12-20T03:00:00Z");
    static final Instant RESUBMITTED = Instant.parse("2022-12-28T04:00:00Z");

    @Autowired
    @Qualifier("taskForms")
    TaskListener taskForms;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    CycleService cycleService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    TestOffice office;
    TestOffice otherOffice;
    TaskFormDriver.Instance process;

    @BeforeEach
    void setUp() {
        TestOffices offices = new TestOffices(cycleService, jdbc);
        office = offices.newOffice();
        otherOffice = offices.newOffice();
        process = new TaskFormDriver(taskForms, processEngine).instance(office.variables());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void planChangeRecordsActorTimeAndTheStateBeforeAndAfter() throws Exception {
        submitPlan("audit.coord", SUBMITTED, "แผน ฉบับแรก", 150000);
        process.open("Task_ReviewPlan", "director").submitAs("audit.director",
                Map.of("planDecision", "RETURN", "reviewComments", "ลดงบประมาณ"));
        submitPlan("audit.coord2", RESUBMITTED, "แผน ฉบับปรับปรุง", 90000);

        List<JsonNode> entries = officeAudit(admin(), office.officeCode(), "?entityType=PLAN");
        assertThat(entries).extracting(e -> e.get("action").asText())
                .containsExactly("SUBMIT", "REVIEW_RETURN", "SUBMIT");
        JsonNode latest = entries.get(0);
        assertThat(latest.get("actor").asText()).isEqualTo("audit.coord2");
        assertThat(Instant.parse(latest.get("at").asText())).isEqualTo(RESUBMITTED);
        assertThat(latest.get("officeCode").asText()).isEqualTo(office.officeCode());
        assertThat(latest.get("cycleId").asLong()).isEqualTo(office.cycleId());
        assertThat(latest.at("/before/status").asText()).isEqualTo("RETURNED");
        assertThat(latest.at("/before/revision/title").asText()).isEqualTo("แผน ฉบับแรก");
        assertThat(latest.at("/before/revision/projects/0/budget").decimalValue()).isEqualByComparingTo("150000");
        assertThat(latest.at("/before/review/comments").asText()).isEqualTo("ลดงบประมาณ");
        assertThat(latest.at("/after/status").asText()).isEqualTo("SUBMITTED");
        assertThat(latest.at("/after/revision/revisionNo").asInt()).isEqualTo(2);
        assertThat(latest.at("/after/revision/title").asText()).isEqualTo("แผน ฉบับปรับปรุง");
        assertThat(latest.at("/after/revision/projects/0/budget").decimalValue()).isEqualByComparingTo("90000");

        JsonNode first = entries.get(2);
        assertThat(first.get("actor").asText()).isEqualTo("audit.coord");
        assertThat(first.hasNonNull("before")).as("no state before the first submission").isFalse();
        assertThat(first.at("/after/revision/revisionNo").asInt()).isEqualTo(1);
        assertThat(entries.get(1).get("actor").asText()).isEqualTo("audit.director");
        assertThat(entries.get(1).at("/after/review/decision").asText()).isEqualTo("RETURN");
    }

    @Test
    void aRefusedSubmissionLeavesNoAuditEntry() throws Exception {
        long before = jdbc.queryForObject("select count(*) from audit_entry", Long.class);
        Map<String, Object> project = project(-5);
        process.open("Task_PlanProjects", "coord").refused(Map.of("planTitle", "แผน", "projects", List.of(project)));

        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void theOfficeReadsItsOwnAuditAndAnotherOfficeIsRefused() throws Exception {
        submitPlan("audit.coord", SUBMITTED, "แผน ฉบับแรก", 150000);
        String code = office.officeCode();
        String ownCoordinator = user("audit.own." + code, Groups.coordinators(code));
        String ownDirector = user("audit.dir." + code, Groups.directors(code));
        String otherCoordinator = user("audit.other." + otherOffice.officeCode(),
                Groups.coordinators(otherOffice.officeCode()));
        String monitor = user("audit.monitor", Groups.OBEC_MONITOR);

        assertThat(officeAudit(ownCoordinator, code, "")).extracting(e -> e.get("officeCode").asText())
                .isNotEmpty().containsOnly(code);
        assertThat(officeAudit(ownDirector, code, "")).isNotEmpty();
        assertThat(officeAudit(monitor, code, "")).isNotEmpty();
        assertThat(status(otherCoordinator, "/api/offices/" + code + "/audit")).isEqualTo(403);
        assertThat(status(null, "/api/offices/" + code + "/audit")).isEqualTo(401);
        // the administrators' view of everything is for administrators only
        assertThat(status(ownCoordinator, "/api/admin/audit")).isEqualTo(403);
        assertThat(status(admin(), "/api/admin/audit?limit=5000")).isEqualTo(400);
        List<JsonNode> all = list(call(admin(), "/api/admin/audit?officeCode=" + code + "&actor=audit.coord"));
        assertThat(all).isNotEmpty().allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("audit.coord"));
    }

    private void submitPlan(String actor, Instant at, String title, long budget) {
        ClockUtil.setCurrentTime(Date.from(at));
        process.open("Task_PlanProjects", "coord").submitAs(actor,
                Map.of("planTitle", title, "projects", List.of(project(budget))));
    }

    private static Map<String, Object> project(long budget) {
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("name", "โครงการโรงเรียนปลอดภัย");
        project.put("budget", budget);
        project.put("startDate", "2022-11-01");
        project.put("endDate", "2023-09-30");
        project.put("indicators", "1");
        return project;
    }

    private String admin() {
        return user("audit.admin", Groups.OBEC_ADMIN);
    }

    private String user(String id, String group) {
        return TestUsers.ensure(identityService, id, PASSWORD, null, group);
    }

    private List<JsonNode> officeAudit(String userId, String code, String query) throws Exception {
        return list(call(userId, "/api/offices/" + code + "/audit" + query));
    }

    private MvcResult call(String userId, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).header("Authorization", basic(userId))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result;
    }

    private int status(String userId, String path) throws Exception {
        var request = get(path);
        if (userId != null) {
            request.header("Authorization", basic(userId));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private List<JsonNode> list(MvcResult result) throws Exception {
        JsonNode array = json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        List<JsonNode> entries = new java.util.ArrayList<>();
        array.forEach(entries::add);
        return entries;
    }

    private static String basic(String userId) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((userId + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
