package th.obec.apimr.cycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import th.obec.apimr.support.PostgresTestDatabase;

/** A release that changes the office process, rolled out on an installation with a PostgreSQL database. */
class ModelUpgradePostgresIT extends ModelUpgradeScenario {

    private static PostgresTestDatabase postgres;

    @BeforeAll
    static void createDatabase() {
        postgres = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (postgres != null) {
            postgres.drop();
        }
    }

    @Override
    String[] database() {
        return new String[] {postgres.url(), postgres.user(), ""};
    }
}
