package th.obec.apimr.system;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The product's additions to the engine's own tables (indexes the Tasklist filters need), versioned like the
 * application's schema but applied after the engine: Camunda creates and updates its {@code ACT_*} tables when it
 * is built, which is after the application's Flyway ran, so these scripts cannot live in {@code db/migration}.
 * A second Flyway with its own history table ({@code flyway_engine_history}) runs
 * {@code classpath:db/engine-migration} once the process engine exists (this bean depends on it), before the
 * application's start-up runners. The scripts use {@code CREATE INDEX IF NOT EXISTS} (H2 and PostgreSQL), so an
 * index an administrator made by hand under the same name is kept. Not a Spring {@code Flyway} bean, so the
 * application's own Flyway configuration stays Spring Boot's.
 */
@Component
class EngineSchemaMigrations implements InitializingBean {

    static final String LOCATION = "classpath:db/engine-migration";
    static final String HISTORY_TABLE = "flyway_engine_history";

    private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaMigrations.class);

    private final DataSource dataSource;
    private final ProcessEngine engine;

    EngineSchemaMigrations(DataSource dataSource, ProcessEngine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
    }

    @Override
    public void afterPropertiesSet() {
        MigrateResult result = flyway(dataSource).migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Engine schema of '{}': {} migration(s) applied, now at version {}", engine.getName(),
                    result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /** The engine tables' Flyway: the schema holds the application's tables already, hence baseline at 0. */
    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("engine schema created by Camunda")
                .load();
    }
}
