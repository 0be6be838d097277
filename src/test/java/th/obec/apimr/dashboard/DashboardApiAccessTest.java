package th.obec.apimr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.CamundaLogin;
import th.obec.apimr.support.TestUsers;

/**
 * Who sees what through the dashboard's API over HTTP, signed in with HTTP Basic or through the Camunda webapps'
 * login (the same servlet session), and where the page sends someone who is not signed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "apimr.test.context=dashboard-api")
@ActiveProfiles("test")
class DashboardApiAccessTest {

    private static final String PASSWORD = "dash-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IdentityService identityService;
    @Autowired
    CycleService cycles;

    static Long cycleId;

    @BeforeEach
    void usersAndCycle() {
        // the engine REST filter finds the engine in the JVM-wide registry, which another test context may have changed
        ProcessEngines.registerProcessEngine(processEngine);
        user("dash.admin", Groups.OBEC_ADMIN);
        user("dash.monitor", Groups.OBEC_MONITOR);
        user("dash.reviewer15", Groups.reviewers("15"));
        user("dash.coord5002", Groups.coordinators("P5002"));
        user("dash.director5001", Groups.directors("P5001"));
        user("dash.nobody", null);
        user("dash.guesser", Groups.OBEC_ADMIN);
        if (cycleId == null) {
            cycleId = cycles.register(new LaunchRequest(2591, 2566,
                    new LinkedHashSet<>(List.of("P4001", "P5001", "P5002")), Map.of()), "dash.admin", null).id();
        }
    }

    @Test
    void administratorsAndMonitorsSeeEveryOffice() throws Exception {
        for (String user : List.of("dash.admin", "dash.monitor")) {
            Answer page = basic(user, "/api/dashboard/cycles/" + cycleId);
            assertThat(page.status()).isEqualTo(200);
            assertThat(officeCodes(page.json())).containsExactly("P4001", "P5001", "P5002");
            assertThat(page.json().get("scope").asText()).isEqualTo("ALL");
            assertThat(basic(user, "/api/dashboard/cycles/" + cycleId + "/offices/P4001").status()).isEqualTo(200);
        }
        assertThat(basic("dash.admin", "/api/dashboard/cycles").json().findValuesAsText("fiscalYear")).contains("2591");
    }

    @Test
    void regionReviewerSeesOnlyTheirRegion() throws Exception {
        Answer page = basic("dash.reviewer15", "/api/dashboard/cycles/" + cycleId);

        assertThat(officeCodes(page.json())).containsExactly("P5001", "P5002");
        assertThat(page.json().get("national").get(0).get("offices").asInt()).isEqualTo(2);
        assertThat(basic("dash.reviewer15", "/api/dashboard/cycles/" + cycleId + "/offices/P5001").status())
                .isEqualTo(200);
        assertThat(basic("dash.reviewer15", "/api/dashboard/cycles/" + cycleId + "/offices/P4001").status())
                .isEqualTo(403);
    }

    @Test
    void theCycleAnswersOnePageOfRowsWithTheSummaryOfEveryVisibleOffice() throws Exception {
        String cycle = "/api/dashboard/cycles/" + cycleId;
        JsonNode first = basic("dash.admin", cycle + "?size=2").json();
        JsonNode second = basic("dash.admin", cycle + "?size=2&page=1").json();

        assertThat(officeCodes(first)).containsExactly("P4001", "P5001");
        assertThat(officeCodes(second)).containsExactly("P5002");
        assertThat(first.get("paging").get("matching").asInt()).isEqualTo(3);
        assertThat(first.get("paging").get("pages").asInt()).isEqualTo(2);
        assertThat(first.get("totals").get("offices").asInt()).isEqualTo(3);
        assertThat(second.get("national").get(0).get("offices").asInt()).isEqualTo(3);
        // without parameters: the first 50 rows
        assertThat(basic("dash.admin", cycle).json().get("paging").get("size").asInt()).isEqualTo(50);

        JsonNode region15 = basic("dash.admin", cycle + "?region=15").json();
        assertThat(officeCodes(region15)).containsExactly("P5001", "P5002");
        assertThat(region15.get("national").get(0).get("offices").asInt()).isEqualTo(3);
        assertThat(officeCodes(basic("dash.admin", cycle + "?sort=office&dir=desc&size=1").json()))
                .hasSize(1);
    }

    @Test
    void aRegionReviewerFilteringAnotherRegionSeesNoneOfItsOffices() throws Exception {
        JsonNode page = basic("dash.reviewer15", "/api/dashboard/cycles/" + cycleId + "?region=12").json();

        assertThat(officeCodes(page)).isEmpty();
        assertThat(page.get("totals").get("offices").asInt()).isEqualTo(2);
        assertThat(page.get("regions").findValuesAsText("regionCode")).containsExactly("15");
    }

    @Test
    void badPageParametersAnswer400NamingTheParameter() throws Exception {
        String cycle = "/api/dashboard/cycles/" + cycleId;
        for (String query : List.of("size=0", "size=501", "page=-1", "page=x", "phase=LATE", "status=DONE",
                "sort=budget", "dir=up")) {
            Answer answer = basic("dash.admin", cycle + "?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body()).as(query).contains("parameter " + query.substring(0, query.indexOf('=')));
        }
        // refused for lack of a role before the parameters are read
        assertThat(basic("dash.nobody", cycle + "?size=0").status()).isEqualTo(403);
    }

    @Test
    void coordinatorAndDirectorSeeOnlyTheirOffice() throws Exception {
        assertThat(officeCodes(basic("dash.coord5002", "/api/dashboard/cycles/" + cycleId).json()))
                .containsExactly("P5002");
        Answer own = basic("dash.coord5002", "/api/dashboard/cycles/" + cycleId + "/offices/P5002");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("office").get("officeCode").asText()).isEqualTo("P5002");
        Answer other = basic("dash.coord5002", "/api/dashboard/cycles/" + cycleId + "/offices/P5001");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("P5001");

        assertThat(officeCodes(basic("dash.director5001", "/api/dashboard/cycles/" + cycleId).json()))
                .containsExactly("P5001");
        assertThat(basic("dash.director5001", "/api/dashboard/cycles/" + cycleId + "/offices/P5002").status())
                .isEqualTo(403);
    }

    @Test
    void someoneWithoutAnOfficeRoleIsRefusedAndStrangersMustSignIn() throws Exception {
        assertThat(basic("dash.nobody", "/api/dashboard/cycles/" + cycleId).status()).isEqualTo(403);
        assertThat(send(HttpClient.newHttpClient(), get("/api/dashboard/cycles/" + cycleId).build()).status()).isEqualTo(401);
        // (a user with a wrong password is locked out for a few seconds: one of their own)
        HttpRequest wrongPassword = get("/api/dashboard/cycles/" + cycleId)
                .header("Authorization", basicToken("dash.guesser", "wrong")).build();
        assertThat(send(HttpClient.newHttpClient(), wrongPassword).status()).isEqualTo(401);
        assertThat(basic("dash.admin", "/api/dashboard/cycles/999999").status()).isEqualTo(404);
    }

    @Test
    void pageRedirectsStrangersToTheCamundaLoginAndServesItsScriptsFromTheApp() throws Exception {
        Answer stranger = send(HttpClient.newHttpClient(), get("/dashboard").build());
        assertThat(stranger.status()).isEqualTo(302);
        assertThat(stranger.location()).endsWith("/camunda/app/welcome/default/");

        Answer page = basic("dash.coord5002", "/dashboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/dashboard/dashboard.js");
        assertThat(basic("dash.coord5002", "/webjars/echarts/5.3.1/dist/echarts.min.js").status()).isEqualTo(200);
        assertThat(basic("dash.coord5002", "/dashboard/dashboard.js").status()).isEqualTo(200);
    }

    @Test
    void camundaWebappLoginOpensThePageAndTheApiButNotTheEngineRestApi() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThat(send(browser, get("/api/dashboard/cycles/" + cycleId).build()).status()).isEqualTo(401);
        CamundaLogin.logIn(browser, port, "welcome", "dash.reviewer15", PASSWORD);

        Answer page = send(browser, get("/dashboard").build());
        assertThat(page.status()).isEqualTo(200);
        Answer api = send(browser, get("/api/dashboard/cycles/" + cycleId).build());
        assertThat(api.status()).isEqualTo(200);
        assertThat(officeCodes(api.json())).containsExactly("P5001", "P5002");
        assertThat(send(browser, get("/api/dashboard/cycles/" + cycleId + "/offices/P4001").build()).status())
                .isEqualTo(403);
        // the session opens the dashboard only: the engine REST API and the rest of /api still want HTTP Basic
        assertThat(send(browser, get("/engine-rest/task").build()).status()).isEqualTo(401);
        assertThat(send(browser, get("/api/cycles").build()).status()).isEqualTo(401);
    }

    @Test
    void camundaWebappLoginReachesTheNotificationAndEscalationRecordsOfAdministratorsOnly() throws Exception {
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThat(send(admin, get("/api/admin/notifications").build()).status()).isEqualTo(401);
        CamundaLogin.logIn(admin, port, "welcome", "dash.admin", PASSWORD);
        Answer notices = send(admin, get("/api/admin/notifications?officeCode=P5002&size=10").build());
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.json().get("size").asInt()).isEqualTo(10);
        assertThat(notices.json().get("items").isArray()).isTrue();
        Answer escalations = send(admin, get("/api/admin/escalations?cycleId=" + cycleId).build());
        assertThat(escalations.status()).isEqualTo(200);
        assertThat(escalations.json().isArray()).isTrue();
        Answer page = send(admin, get("/dashboard/notifications").build());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/dashboard/notifications.js");
        assertThat(send(admin, get("/api/dashboard/cycles/" + cycleId).build()).json().get("admin").asBoolean()).isTrue();
        // the session opens these two records only, not the rest of the administrators' API
        assertThat(send(admin, get("/api/admin/cycles/" + cycleId + "/deadlines/extensions").build()).status())
                .isEqualTo(401);

        for (String user : List.of("dash.coord5002", "dash.monitor")) {
            HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            CamundaLogin.logIn(other, port, "welcome", user, PASSWORD);
            assertThat(send(other, get("/api/admin/notifications").build()).status()).as(user).isEqualTo(403);
            assertThat(send(other, get("/api/admin/escalations?cycleId=" + cycleId).build()).status()).as(user)
                    .isEqualTo(403);
            assertThat(send(other, get("/api/dashboard/cycles/" + cycleId).build()).json().get("admin").asBoolean())
                    .as(user).isFalse();
        }
    }

    // ----- helpers -----

    record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String location() {
            return header("Location");
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private Answer basic(String user, String path) throws Exception {
        return send(HttpClient.newHttpClient(), get(path).header("Authorization", basicToken(user, PASSWORD)).build());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Answer send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().map());
    }

    private static String basicToken(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> officeCodes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("offices").forEach(office -> codes.add(office.get("officeCode").asText()));
        return codes;
    }

    private void user(String id, String group) {
        TestUsers.ensure(identityService, id, PASSWORD, null, group);
    }
}
