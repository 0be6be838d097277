package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import th.obec.apimr.ApimrApplication;
import th.obec.apimr.support.PostgresTestDatabase;

/**
 * The product's indexes on the engine's tables exist after the application started on an empty database, H2 and
 * PostgreSQL, and a second start on the same database applies nothing again and does not fail.
 */
class EngineSchemaMigrationsTest {

    static final List<String> INDEXES = List.of("APIMR_IDX_IDENT_LNK_GROUP_TASK");

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

    interface IndexNames {
        List<String> of(JdbcTemplate jdbc);
    }

    private static void startTwice(String url, String user, String engineName, IndexNames indexNames) {
        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ApimrApplication.class)
                    .profiles("test")
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                            "--spring.datasource.password=", "--server.port=0",
                            "--camunda.bpm.process-engine-name=" + engineName + start)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(indexNames.of(jdbc)).as("start %d", start).containsAll(INDEXES);
                assertThat(jdbc.queryForList("select \"version\" from \"" + EngineSchemaMigrations.HISTORY_TABLE
                        + "\" where \"success\" = true and \"version\" is not null order by \"installed_rank\"",
                        String.class))
                        .as("engine migrations recorded after start %d", start)
                        .containsExactly("0", "18");
            }
        }
    }
}
