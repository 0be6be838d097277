package th.obec.apimr.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Health and metrics answer without login, so they never share the users' port. */
class ManagementPortGuardTest {

    @Test
    void refusesTheUsersPortOrNoPortAndNamesTheVariable() {
        assertThatThrownBy(() -> new ManagementPortGuard("8080", "8080"))
                .hasMessageContaining("APIMR_MANAGEMENT_PORT").hasMessageContaining("8080");
        assertThatThrownBy(() -> new ManagementPortGuard("8080", ""))
                .hasMessageContaining("APIMR_MANAGEMENT_PORT").hasMessageContaining("empty");
        assertThatThrownBy(() -> new ManagementPortGuard("9000", " 9000 ")).hasMessageContaining("9000");
    }

    @Test
    void acceptsAPortOfItsOwnAFreePortOrNone() {
        assertThat(ManagementPortGuard.problem("8080", "8081")).isNull();
        assertThat(ManagementPortGuard.problem("0", "0")).as("tests: free ports, always two").isNull();
        assertThat(ManagementPortGuard.problem("8080", "-1")).as("actuator over HTTP off").isNull();
    }
}
