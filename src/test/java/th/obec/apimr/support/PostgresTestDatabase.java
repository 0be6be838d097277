package th.obec.apimr.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL database of the test's own on 127.0.0.1:5432 (user postgres, trust authentication), created
 * for one test class and dropped after it. Where no server answers, the test is skipped on a developer's
 * machine and fails in CI (CI=true), which starts PostgreSQL before the tests.
 * <p>
 * Declare {@code @ExtendWith(PostgresTestDatabase.DropAfterAll.class)} before {@code @SpringBootTest} (with
 * {@code @DirtiesContext}): its callback then runs after Spring has closed the context and its connections.
 */
public final class PostgresTestDatabase {

    private static final java.util.List<PostgresTestDatabase> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Drops every database this JVM created and has not dropped yet. */
    public static class DropAfterAll implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            for (PostgresTestDatabase database : OPEN) {
                database.drop();
            }
        }
    }

    public static final String HOST = System.getProperty("apimr.test.postgres.host", "127.0.0.1:5432");
    public static final String USER = System.getProperty("apimr.test.postgres.user", "postgres");

    private final String name = "apimr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public static PostgresTestDatabase create() {
        PostgresTestDatabase database = new PostgresTestDatabase();
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name + " ENCODING 'UTF8'");
            OPEN.add(database);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL at " + HOST + " is required in CI", e);
            }
            Assumptions.abort("No PostgreSQL at " + HOST + ": " + e.getMessage());
        }
        return database;
    }

    /**
     * Creates a database for the Spring context being built and points its data source at it; with
     * {@link DropAfterAll} on the test class the database is dropped after the class. Call it from the class's
     * {@code @DynamicPropertySource} method.
     */
    public static void useFor(org.springframework.test.context.DynamicPropertyRegistry registry) {
        PostgresTestDatabase database = create();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", () -> "");
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    public String user() {
        return USER;
    }

    public void drop() {
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            OPEN.remove(this);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
    }
}
