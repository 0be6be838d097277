package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import th.obec.apimr.ApimrApplication;

/**
 * Outside the demo profile the application refuses to start while the engine administrator's initial password is
 * missing or weak, and says which variable to set and why.
 */
class AdminPasswordAtStartupTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing                         | ''                   | it is not set",
            "the demo password               | demo                 | shorter than 12",
            "too short                       | Kx9!vb2              | shorter than 12",
            "contains the user id            | root-Kx9vb2Lq!       | contains the user id",
            "a common word                   | MyPassword-2566      | common word 'password'",
            "another common word             | Demo#Kx9vb2Lq        | common word 'demo'",
            "too few kinds of character      | kxqvbzlqmnrtwy       | fewer than 3",
            "digits only                     | 258925672568         | fewer than 3"})
    void productionProfileRefusesToStartWithAWeakAdminPassword(String problem, String password, String reason) {
        SpringApplicationBuilder app = application("prod", "APIMR_ADMIN_USER=root", "APIMR_ADMIN_PASSWORD=" + password);

        assertThatThrownBy(() -> close(app.run()))
                .as(problem)
                .hasMessageContaining("APIMR_ADMIN_PASSWORD")
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "profile {0}")
    @CsvSource({"prod", "default"})
    void aMissingAdminPasswordIsRefusedInEveryProfileButDemo(String profile) {
        SpringApplicationBuilder app = application(profile, "APIMR_ADMIN_USER=ops.admin");

        assertThatThrownBy(() -> close(app.run()))
                .hasMessageContaining("APIMR_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is refused: it is not set");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Kx9-vb2Lq-7781", "ครูไทย-2566-สพฐ-ok", "correct Horse battery 9"})
    void strongPasswordsPassThePolicy(String password) {
        assertThat(AdminPasswordPolicy.weaknesses("ops.admin", password)).isEmpty();
    }

    private static SpringApplicationBuilder application(String profile, String... properties) {
        return new SpringApplicationBuilder(ApimrApplication.class)
                .profiles(profile)
                .properties("spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID(),
                        "camunda.bpm.process-engine-name=startupCheck", "camunda.bpm.job-execution.enabled=false",
                        "spring.main.web-application-type=none")
                .properties(properties);
    }

    private static void close(ConfigurableApplicationContext context) {
        context.close();
    }
}
