package th.obec.apimr.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring test of task form handlers that commits what the handlers save, as the engine does. Its context has
 * a database of its own (the property only tells the context apart), so the committed cycles and office data
 * never meet tests that expect an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "apimr.test.context=task-forms")
@ActiveProfiles("test")
public @interface TaskFormSpringTest {
}
