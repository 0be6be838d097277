package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import th.obec.apimr.ApimrApplication;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.PostgresTestDatabase;

/**
 * The product's indexes on the engine's tables exist after the application started on an empty database, H2 and
 * PostgreSQL, and a second start on the same database applies nothing again and does not fail. Grants on open
 * tasks made by an earlier release are brought in line on the upgrade.
 */
class EngineSchemaMigrationsTest {

    static final List<String> INDEXES = List.of("APIMR_IDX_IDENT_LNK_GROUP_TASK");
    static final String COORDINATORS = Groups.coordinators("P5002");

    @Test
    void indexesOnH2AndRestart(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("apimr").toAbsolutePath();
        startTwice(url, "sa", "engineSchemaH2",
                jdbc -> jdbc.queryForList("select index_name from information_schema.indexes"
                        + " where index_name like 'APIMR_IDX_%'", String.class));
    }

    @Test
    void indexesOnPostgresAndRestart() {
        PostgresTestDatabase database = PostgresTestDatabase.create();
        try {
            startTwice(database.url(), database.user(), "engineSchemaPostgres",
                    jdbc -> jdbc.queryForList("select upper(indexname) from pg_indexes"
                            + " where indexname like 'apimr_idx_%'", String.class));
        } finally {
            database.drop();
        }
    }

    @Test
    void onTheUpgradeTheCandidatesGrantOnAnOpenOfficeTaskKeepsOnlyTheWorkPermission(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("apimr").toAbsolutePath();
        String officeTask;
        String otherTask;
        try (ConfigurableApplicationContext release1 = start(url, "sa", "grantsUpgrade1")) {
            CycleService cycles = release1.getBean(CycleService.class);
            RuntimeService runtime = release1.getBean(RuntimeService.class);
            TaskService tasks = release1.getBean(TaskService.class);
            Long cycleId = cycles.register(new LaunchRequest(2566, 2566, Set.of("P5002"), Map.of()), "admin", null)
                    .id();
            String instanceId = runtime.startProcessInstanceByKey("Process_AreaOfficeCycle",
                    cycles.officeCycles(cycleId).get(0).businessKey(),
                    Map.of("cycleId", cycleId, "fiscalYear", 2566, "officeCode", "P5002")).getId();
            officeTask = tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            release1.getBean(RepositoryService.class).createDeployment().addModelInstance("other.bpmn",
                    Bpmn.createExecutableProcess("Process_TestOther").camundaHistoryTimeToLive(1).startEvent()
                            .userTask().camundaCandidateGroups(COORDINATORS).endEvent().done()).deploy();
            otherTask = tasks.createTaskQuery().processInstanceId(runtime
                    .startProcessInstanceByKey("Process_TestOther").getId()).singleResult().getId();
            // as an earlier release's engine granted it: READ and TASK_WORK
            AuthorizationService authorizations = release1.getBean(AuthorizationService.class);
            Authorization grant = grantOn(authorizations, officeTask);
            grant.setPermissions(new Permission[] {Permissions.READ, Permissions.TASK_WORK});
            authorizations.saveAuthorization(grant);
            release1.getBean(JdbcTemplate.class).update("delete from \"" + EngineSchemaMigrations.HISTORY_TABLE
                    + "\" where \"version\" = '19'");
        }
        try (ConfigurableApplicationContext release2 = start(url, "sa", "grantsUpgrade2")) {
            AuthorizationService authorizations = release2.getBean(AuthorizationService.class);
            assertThat(grantOn(authorizations, officeTask).isPermissionGranted(Permissions.READ)).isFalse();
            assertThat(grantOn(authorizations, officeTask).isPermissionGranted(Permissions.TASK_WORK)).isTrue();
            assertThat(grantOn(authorizations, otherTask).isPermissionGranted(Permissions.READ)).isTrue();
            IdentityService identity = release2.getBean(IdentityService.class);
            identity.setAuthentication("coordinator", List.of(COORDINATORS), List.of("P5002"));
            try {
                assertThat(release2.getBean(TaskService.class).createTaskQuery().taskCandidateGroup(COORDINATORS)
                        .list()).extracting(Task::getId).contains(officeTask, otherTask);
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    private static Authorization grantOn(AuthorizationService authorizations, String taskId) {
        return authorizations.createAuthorizationQuery().groupIdIn(COORDINATORS).resourceType(Resources.TASK)
                .resourceId(taskId).singleResult();
    }

    private static ConfigurableApplicationContext start(String url, String user, String engineName) {
        return new SpringApplicationBuilder(ApimrApplication.class).profiles("test")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=", "--server.port=0",
                        "--camunda.bpm.process-engine-name=" + engineName);
    }

    interface IndexNames {
        List<String> of(JdbcTemplate jdbc);
    }

    private static void startTwice(String url, String user, String engineName, IndexNames indexNames) {
        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = start(url, user, engineName + start)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(indexNames.of(jdbc)).as("start %d", start).containsAll(INDEXES);
                assertThat(jdbc.queryForList("select \"version\" from \"" + EngineSchemaMigrations.HISTORY_TABLE
                        + "\" where \"success\" = true and \"version\" is not null order by \"installed_rank\"",
                        String.class))
                        .as("engine migrations recorded after start %d", start)
                        .containsExactly("0", "18", "19");
            }
        }
    }
}
