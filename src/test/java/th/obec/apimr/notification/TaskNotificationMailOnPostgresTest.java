package th.obec.apimr.notification;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import th.obec.apimr.support.PostgresTestDatabase;

/**
 * The single-email tests on PostgreSQL, the production database: its row locks and unique index decide the
 * concurrent runs and the claims. The engine has a name of its own so that closing this context leaves the
 * JVM-wide "default" engine of other test contexts registered.
 */
@ExtendWith(PostgresTestDatabase.DropAfterAll.class) // first: its afterAll runs after Spring closed the context
@SpringBootTest(properties = {"apimr.test.context=notification-postgres",
        "camunda.bpm.process-engine-name=notificationPostgres"})
@DirtiesContext
class TaskNotificationMailOnPostgresTest extends TaskNotificationMailTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.useFor(registry);
    }
}
