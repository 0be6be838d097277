package th.obec.apimr.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start, before anything is created, when the engine administrator's initial credentials would leave
 * a production system open: every profile except {@code demo} needs {@code APIMR_ADMIN_USER} (default
 * {@code admin}) and a strong {@code APIMR_ADMIN_PASSWORD} (see {@link AdminPasswordPolicy}). They reach the
 * engine as {@code camunda.bpm.admin-user.id} and {@code .password}, which creates the user at the first start.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ProductionSafeguards implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_PROFILE = "demo";
    static final String USER_PROPERTY = "camunda.bpm.admin-user.id";
    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    static final String USER_VARIABLE = "APIMR_ADMIN_USER";
    static final String PASSWORD_VARIABLE = "APIMR_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE)) {
            return;
        }
        String userId = environment.getProperty(USER_PROPERTY);
        if (userId == null || userId.isBlank()) {
            throw new IllegalStateException(USER_VARIABLE + " is not set: give the engine administrator's user id"
                    + " (" + USER_PROPERTY + "). Only the demo profile runs without it.");
        }
        List<String> weaknesses = AdminPasswordPolicy.weaknesses(userId, environment.getProperty(PASSWORD_PROPERTY));
        if (!weaknesses.isEmpty()) {
            throw new IllegalStateException(PASSWORD_VARIABLE + " (" + PASSWORD_PROPERTY + ") is refused: "
                    + String.join("; ", weaknesses) + ". Set it to at least " + AdminPasswordPolicy.MIN_LENGTH
                    + " characters with " + AdminPasswordPolicy.MIN_CLASSES + " of lower-case, upper-case, digits"
                    + " and other characters, without the user id or a common word such as demo, admin or password."
                    + " Only the demo profile runs with the demo password.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
