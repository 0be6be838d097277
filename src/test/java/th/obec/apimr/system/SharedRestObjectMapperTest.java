package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import th.obec.apimr.support.TasklistSession;
import th.obec.apimr.support.TestUsers;

/**
 * Tasklist's API and the engine REST API read and write JSON with the product's one shared mapper, and their JSON
 * is Camunda's: its date format, unknown properties of a request ignored, a malformed body refused with 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SharedRestObjectMapperTest {

    static final String USER = "sharedmapper.user";
    static final String PASSWORD = "secret-Mapper-1";
    /** Camunda's REST date format, {@code yyyy-MM-dd'T'HH:mm:ss.SSSZ}, in the JVM's time zone. */
    static final String DUE = "2023-05-10T09:30:00.000";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProcessEngineConfiguration configuration;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    String taskId;
    String filterId;
    boolean authorizationWasEnabled;

    @BeforeEach
    void aTaskDueAtHalfPastNineAndAFilterForIt() {
        ProcessEngines.registerProcessEngine(engine);
        authorizationWasEnabled = configuration.isAuthorizationEnabled();
        configuration.setAuthorizationEnabled(false);
        TestUsers.ensure(identityService, USER, PASSWORD, null);
        Task task = taskService.newTask();
        task.setName("shared-mapper-task");
        task.setDueDate(Date.from(LocalDateTime.parse(DUE).atZone(ZoneId.systemDefault()).toInstant()));
        taskService.saveTask(task);
        taskId = task.getId();
        Filter filter = filterService.newTaskFilter("shared-mapper");
        filter.setOwner(USER);
        filter.setQuery(taskService.createTaskQuery().taskName("shared-mapper-task"));
        filterId = filterService.saveFilter(filter).getId();
    }

    @AfterEach
    void cleanUp() {
        taskService.deleteTask(taskId, true);
        filterService.deleteFilter(filterId);
        configuration.setAuthorizationEnabled(authorizationWasEnabled);
    }

    @Test
    void tasklistsPageIsReadAndWrittenWithTheSharedMapperInCamundasFormat() throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, USER, PASSWORD);
        long before = SharedRestObjectMapper.lookUps();

        HttpResponse<String> page = tasklist.firstPage(filterId);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(SharedRestObjectMapper.lookUps() - before).as("look-ups of the shared mapper").isPositive();
        JsonNode task = new ObjectMapper().readTree(page.body()).get("_embedded").get("task").get(0);
        assertThat(task.get("id").asText()).isEqualTo(taskId);
        assertThat(task.get("due").asText()).startsWith(DUE).matches(".*[+-]\\d{4}");

        HttpResponse<String> unknownProperty = tasklist.list(filterId, "{\"noSuchProperty\":1,\"active\":true}");
        assertThat(unknownProperty.statusCode()).as(unknownProperty.body()).isEqualTo(200);

        HttpResponse<String> malformed = tasklist.list(filterId, "{\"active\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(malformed.body()).get("type").asText()).isNotBlank();
    }

    @Test
    void theEngineRestApiWritesWithTheSharedMapperInCamundasFormat() throws Exception {
        long before = SharedRestObjectMapper.lookUps();
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(SharedRestObjectMapper.lookUps() - before).as("look-ups of the shared mapper").isPositive();
        assertThat(new ObjectMapper().readTree(answer.body()).get("due").asText()).startsWith(DUE)
                .matches(".*[+-]\\d{4}");
    }
}
