package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
import th.obec.apimr.identity.Groups;
import th.obec.apimr.identity.Tenants;
import th.obec.apimr.support.StatementLog;
import th.obec.apimr.support.TasklistSession;
import th.obec.apimr.support.TestUsers;

/**
 * A Tasklist page, one request with authorization on, reads its filter once; the next request reads it again, so
 * a changed filter or a removed grant applies at once; the engine outside a request reads it in every command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilterReadsPerRequestTest {

    static final String USER = "filterreads.coord";
    static final String PASSWORD = "secret-Filter-1";
    static final String GROUP = Groups.coordinators("P5002");
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
    @Autowired
    AuthorizationService authorizationService;

    final List<String> tasks = new ArrayList<>();
    String filterId;
    String grantId;
    String taskGrantId;
    boolean authorizationWasEnabled;

    @BeforeEach
    void aFilterOfTheUsersOwnWithTwoTasks() {
        // the REST API finds the engine in the JVM-wide registry, which another test context may have changed
        ProcessEngines.registerProcessEngine(engine);
        authorizationWasEnabled = configuration.isAuthorizationEnabled();
        configuration.setAuthorizationEnabled(false);
        TestUsers.ensure(identityService, USER, PASSWORD, null, GROUP);
        for (String name : List.of("filter-reads-a", "filter-reads-b")) {
            Task task = taskService.newTask();
            task.setName(name);
            taskService.saveTask(task);
            taskService.addCandidateGroup(task.getId(), GROUP);
            tasks.add(task.getId());
        }
        Filter filter = filterService.newTaskFilter("filter-reads");
        filter.setOwner(USER);
        filter.setQuery(taskService.createTaskQuery().taskNameLike("filter-reads-%"));
        filterId = filterService.saveFilter(filter).getId();
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(USER);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        grantId = authorizationService.saveAuthorization(grant).getId();
        // tasks without a process: the user reads them through a grant of their own
        Authorization readTasks = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        readTasks.setUserId(USER);
        readTasks.setResource(Resources.TASK);
        readTasks.setResourceId(Authorization.ANY);
        readTasks.addPermission(Permissions.READ);
        taskGrantId = authorizationService.saveAuthorization(readTasks).getId();
        configuration.setAuthorizationEnabled(true);
    }

    @AfterEach
    void cleanUp() {
        configuration.setAuthorizationEnabled(false);
        tasks.forEach(id -> taskService.deleteTask(id, true));
        filterService.deleteFilter(filterId);
        authorizationService.deleteAuthorization(taskGrantId);
        configuration.setAuthorizationEnabled(authorizationWasEnabled);
    }

    @Test
    void aTasklistPageReadsItsFilterOnceAndListsWhatTheFilterServiceLists() throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, USER, PASSWORD);

        Reads reads = Reads.during(() -> tasklist.firstPage(filterId));

        assertThat(reads.answer().statusCode()).as(reads.answer().body()).isEqualTo(200);
        JsonNode page = new ObjectMapper().readTree(reads.answer().body());
        assertThat(page.get("count").asLong()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        page.get("_embedded").get("task").forEach(task -> ids.add(task.get("id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(reads.filterReads()).as("statements reading the filter in one request").isEqualTo(1);

        identityService.setAuthentication(USER, List.of(GROUP), List.of(Tenants.office("P5002")));
        try {
            Reads inEngine = Reads.during(() -> List.of(filterService.list(filterId),
                    filterService.count(filterId)));
            assertThat(inEngine.filterReads()).as("statements reading the filter, two commands outside a request")
                    .isEqualTo(2);
            assertThat(filterService.<Task>list(filterId)).extracting(Task::getId)
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void aFilterChangedBetweenTwoRequestsListsAsChangedInTheSecond() throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, USER, PASSWORD);
        assertThat(count(tasklist.firstPage(filterId))).isEqualTo(2);

        configuration.setAuthorizationEnabled(false);
        Filter filter = filterService.getFilter(filterId);
        filter.setQuery(taskService.createTaskQuery().taskName("filter-reads-a"));
        filterService.saveFilter(filter);
        configuration.setAuthorizationEnabled(true);

        assertThat(count(tasklist.firstPage(filterId))).isEqualTo(1);
    }

    @Test
    void aUserWhoseGrantOnTheFilterIsRemovedIsRefusedByTheNextRequest() throws Exception {
        TasklistSession tasklist = TasklistSession.logIn(port, USER, PASSWORD);
        assertThat(tasklist.firstPage(filterId).statusCode()).isEqualTo(200);

        configuration.setAuthorizationEnabled(false);
        authorizationService.deleteAuthorization(grantId);
        configuration.setAuthorizationEnabled(true);

        HttpResponse<String> refused = tasklist.firstPage(filterId);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains(filterId);
    }

    @Test
    void aReadWithoutTheReadCheckServesNoLaterCommandThatChecks() {
        configuration.setAuthorizationEnabled(false);
        authorizationService.deleteAuthorization(grantId);
        configuration.setAuthorizationEnabled(true);
        CommandExecutor commands = ((ProcessEngineConfigurationImpl) configuration).getCommandExecutorTxRequired();

        identityService.setAuthentication(USER, List.of(GROUP), List.of(Tenants.office("P5002")));
        try {
            FilterReadsPerRequest.inRequest(() -> {
                Filter unchecked = commands.execute(context -> {
                    context.disableAuthorizationCheck();
                    return context.getFilterManager().findFilterById(filterId);
                });
                assertThat(unchecked.getName()).isEqualTo("filter-reads");

                assertThatThrownBy(() -> filterService.getFilter(filterId))
                        .isInstanceOf(AuthorizationException.class).hasMessageContaining(filterId);
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static long count(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return new ObjectMapper().readTree(page.body()).get("count").asLong();
    }

    /** The statements that read a filter by id (MyBatis' log of the engine's mapping) while a call runs. */
    record Reads(HttpResponse<String> answer, long filterReads) {

        @SuppressWarnings("unchecked")
        static <T> Reads during(Callable<T> call) throws Exception {
            StatementLog.Captured<T> captured = StatementLog.during(
                    "org.camunda.bpm.engine.impl.persistence.entity.FilterEntity", call);
            long reads = captured.events().stream()
                    .filter(event -> event.getLoggerName().matches(".*\\.selectFilter(_\\w+)?")
                            && event.getFormattedMessage().contains("Preparing:")).count();
            return new Reads(captured.answer() instanceof HttpResponse<?> response
                    ? (HttpResponse<String>) response : null, reads);
        }
    }
}
