package th.obec.apimr.cycle;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.obec.apimr.support.PostgresTestDatabase;

/** The end-to-end cycle on PostgreSQL, in a database of its own on 127.0.0.1:5432. */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class)
@DirtiesContext
class CycleEndToEndPostgresIT extends CycleEndToEndScenario {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }
}
