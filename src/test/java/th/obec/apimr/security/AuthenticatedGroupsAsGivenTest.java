package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.identity.Groups;

@SpringBootTest
@ActiveProfiles("test")
class AuthenticatedGroupsAsGivenTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void theUsersGroupsAreKeptAsGivenWithoutDuplicatesOrNulls() {
        AuthenticatedGroupsAsGiven manager = new AuthenticatedGroupsAsGiven();

        assertThat(manager.filterAuthenticatedGroupIds(Arrays.asList("office-P5002-coordinators", null,
                "no-grants-at-all", "office-P5002-coordinators")))
                .containsExactly("office-P5002-coordinators", "no-grants-at-all");
        assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
        assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
    }

    @Test
    void theEngineChecksWithItAndNeverChecksRevokes() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();

        assertThat(configuration.getSessionFactories().get(AuthorizationManager.class).openSession())
                .isInstanceOf(AuthenticatedGroupsAsGiven.class);
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
    }

    @Test
    void aGroupWithoutAuthorizationsChangesNoAnswer() {
        List<String> withExtra = List.of(Groups.coordinators("P5002"), "no-grants-at-all");

        assertThat(authorizationService.isUserAuthorized("someone", withExtra, Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizationService.isUserAuthorized("someone", withExtra, Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(authorizationService.isUserAuthorized("someone", List.of("no-grants-at-all"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isFalse();
    }
}
