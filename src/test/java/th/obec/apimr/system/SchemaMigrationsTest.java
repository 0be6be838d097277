package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import th.obec.apimr.support.PostgresTestDatabase;

/**
 * The application's Flyway migrations (src/main/resources/db/migration), without the application: they run on an
 * empty H2 and an empty PostgreSQL database and give both the same tables and columns; and a database left by the
 * previous release (every migration but the newest) with data in it upgrades to the newest and keeps its rows.
 * The PostgreSQL parts use a database of their own on 127.0.0.1:5432 and are skipped without a server (not in CI).
 */
class SchemaMigrationsTest {

    /** Rows of a running installation, in tables that exist since the first migrations. */
    private static final List<String> DATA = List.of(
            "INSERT INTO inspection_region (code, name_th, name_en, provinces_th, updated_at)"
                    + " VALUES ('15', 'เขตตรวจราชการที่ 15', 'Region 15', 'เชียงใหม่', CURRENT_TIMESTAMP)",
            "INSERT INTO office (code, office_type, short_name_th, full_name_th, area_no, provinces_th,"
                    + " seat_province_code, seat_province_en, region_code, active, updated_at)"
                    + " VALUES ('P5002', 'PRIMARY', 'สพป.เชียงใหม่ เขต 2', 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 2',"
                    + " 2, 'เชียงใหม่', '50', 'Chiang Mai', '15', TRUE, CURRENT_TIMESTAMP)",
            "INSERT INTO cycle (id, fiscal_year, catalogue_year, status, process_instance_id, launched_by, launched_at)"
                    + " VALUES (1, 2566, 2566, 'RUNNING', 'pi-national', 'admin', CURRENT_TIMESTAMP)",
            "INSERT INTO cycle_deadline (cycle_id, deadline_key, due_date) VALUES (1, 'ANALYSIS', DATE '2022-11-30')",
            "INSERT INTO office_cycle (cycle_id, office_code, business_key, process_instance_id, phase, started_at)"
                    + " VALUES (1, 'P5002', 'FY2566-P5002', 'pi-office', 'PLANNING', CURRENT_TIMESTAMP)",
            "INSERT INTO office_deadline (cycle_id, office_code, deadline_key, due_date)"
                    + " VALUES (1, 'P5002', 'PLAN', DATE '2022-12-20')",
            "INSERT INTO task_escalation (task_id, task_name, task_definition_key, process_instance_id, cycle_id,"
                    + " office_code, region_code, deadline_key, due_at, escalated_at, grace_days, notified_groups)"
                    + " VALUES ('task-1', 'จัดทำแผนงาน/โครงการ', 'Task_PlanProjects', 'pi-office', 1, 'P5002', '15',"
                    + " 'PLAN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 7, 'region-15-reviewers,obec-monitor')");
    private static final List<String> TABLES_WITH_DATA = List.of("inspection_region", "office", "cycle",
            "cycle_deadline", "office_cycle", "office_deadline", "task_escalation");

    /** H2 stores TEXT as a CHARACTER VARYING of this length. */
    private static final long H2_TEXT_LENGTH = 1_000_000_000L;

    @Test
    void everyMigrationGivesH2AndPostgresTheSameTablesAndColumns() throws SQLException {
        String h2 = newH2();
        migrate(h2, "sa", null);
        PostgresTestDatabase postgres = PostgresTestDatabase.create();
        try {
            migrate(postgres.url(), postgres.user(), null);
            Map<String, String> onH2 = columns(h2, "sa");
            Map<String, String> onPostgres = columns(postgres.url(), postgres.user());
            assertThat(onH2).as("tables and columns").isNotEmpty().containsKey("task_escalation.cleared_at");
            assertThat(onPostgres).containsExactlyInAnyOrderEntriesOf(onH2);
        } finally {
            postgres.drop();
        }
    }

    @Test
    void aPreviousReleasesH2DatabaseUpgradesWithItsData() throws SQLException {
        previousReleaseUpgradesWithItsData(newH2(), "sa");
    }

    @Test
    void aPreviousReleasesPostgresDatabaseUpgradesWithItsData() throws SQLException {
        PostgresTestDatabase postgres = PostgresTestDatabase.create();
        try {
            previousReleaseUpgradesWithItsData(postgres.url(), postgres.user());
        } finally {
            postgres.drop();
        }
    }

    private void previousReleaseUpgradesWithItsData(String url, String user) throws SQLException {
        List<MigrationVersion> versions = List.of(Flyway.configure().dataSource(url, user, "")
                .locations("classpath:db/migration").load().info().all()).stream()
                .map(MigrationInfo::getVersion).sorted(Comparator.naturalOrder()).toList();
        assertThat(versions).hasSizeGreaterThan(1);
        MigrationVersion previous = versions.get(versions.size() - 2);
        MigrationVersion newest = versions.get(versions.size() - 1);

        migrate(url, user, previous);
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            for (String row : DATA) {
                statement.executeUpdate(row);
            }
        }
        Map<String, Long> before = counts(url, user);

        Flyway upgrade = flyway(url, user, null);
        upgrade.migrate();
        assertThat(upgrade.info().current().getVersion()).isEqualTo(newest);
        assertThat(counts(url, user)).as("rows kept by the upgrade").isEqualTo(before)
                .allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

        String fresh = newH2();
        migrate(fresh, "sa", null);
        assertThat(columns(url, user)).as("the upgraded schema is the newest one")
                .containsExactlyInAnyOrderEntriesOf(columns(fresh, "sa"));
    }

    private static String newH2() {
        return "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static Flyway flyway(String url, String user, MigrationVersion target) {
        var configuration = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static void migrate(String url, String user, MigrationVersion target) {
        Flyway flyway = flyway(url, user, target);
        flyway.migrate();
        MigrationVersion newest = List.of(flyway.info().all()).stream().map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(flyway.info().current().getVersion()).isEqualTo(target == null ? newest : target);
    }

    private static Map<String, Long> counts(String url, String user) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            for (String table : TABLES_WITH_DATA) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Every column of the application's tables (Flyway's history left out) as "table.column" to
     * "type(length) null|not null", type names written the same for both databases.
     */
    private static Map<String, String> columns(String url, String user) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        String schema = url.startsWith("jdbc:h2:") ? "PUBLIC" : "public";
        try (Connection connection = DriverManager.getConnection(url, user, "");
             var query = connection.prepareStatement("SELECT table_name, column_name, data_type,"
                     + " character_maximum_length, is_nullable FROM information_schema.columns WHERE table_schema = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1).toLowerCase(Locale.ROOT);
                    if (table.equals("flyway_schema_history")) {
                        continue;
                    }
                    String type = type(rows.getString(3));
                    if (type.equals("varchar") && rows.getLong(4) >= H2_TEXT_LENGTH) {
                        type = "text";
                    }
                    String length = type.equals("varchar") ? "(" + rows.getLong(4) + ")" : "";
                    String nullable = "YES".equalsIgnoreCase(rows.getString(5)) ? " null" : " not null";
                    columns.put(table + "." + rows.getString(2).toLowerCase(Locale.ROOT), type + length + nullable);
                }
            }
        }
        return columns;
    }

    private static String type(String name) {
        String type = name.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "character varying" -> "varchar";
            case "character large object", "text" -> "text";
            case "timestamp with time zone" -> "timestamptz";
            case "numeric", "decimal" -> "numeric";
            case "double precision", "double" -> "double";
            default -> type;
        };
    }
}
