package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;

@SpringBootTest
@ActiveProfiles("test")
class AccessPolicyTest {

    @Autowired
    AccessPolicy access;
    @Autowired
    IdentityService identityService;
    @Autowired
    OfficeService offices;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    @Test
    void coordinatorSeesAndWorksForTheirOwnOfficeOnly() {
        signIn(Groups.coordinators("P5002"));

        assertThat(access.visibleOfficeCodes()).containsExactly("P5002");
        assertThat(access.canSeeOffice("p5002")).isTrue();
        assertThat(access.canSeeOffice("P5001")).isFalse();
        assertThat(access.canWorkForOffice("P5002")).isTrue();
        assertThat(access.canWorkForOffice("P5001")).isFalse();
        assertThat(access.canSeeRegion("15")).isFalse();
        assertThat(access.seesEveryOffice()).isFalse();
        assertForbidden(() -> access.requireOffice("P5001"), "P5001");
        assertForbidden(() -> access.requireWorkForOffice("P4001"), "P4001");
        assertForbidden(access::requireEveryOffice, "OBEC");
        access.requireOffice("P5002");
    }

    @Test
    void directorOfTwoOfficesSeesBoth() {
        signIn(Groups.directors("P5002"), Groups.directors("P4001"));

        assertThat(access.visibleOfficeCodes()).containsExactlyInAnyOrder("P5002", "P4001");
        assertThat(access.canWorkForOffice("P4001")).isTrue();
    }

    @Test
    void regionReviewerSeesEveryOfficeOfTheirRegionButWorksForNone() {
        signIn(Groups.reviewers("15"));
        Set<String> region15 = offices.all().stream().filter(office -> office.regionCode().equals("15"))
                .map(OfficeView::code).collect(Collectors.toSet());

        assertThat(region15).contains("P5001", "P5002").doesNotContain("P4001");
        assertThat(access.visibleOfficeCodes()).isEqualTo(region15);
        assertThat(access.canSeeRegion("15")).isTrue();
        assertThat(access.canSeeRegion("12")).isFalse();
        assertThat(access.canWorkForOffice("P5002")).isFalse();
        assertForbidden(() -> access.requireOffice("P4001"), "P4001");
        assertForbidden(() -> access.requireRegion("12"), "12");
        assertThat(access.filter(List.of("P4001", "P5002", "P1000", "P5001"), code -> code))
                .containsExactly("P5002", "P5001");
    }

    @Test
    void monitorSeesEveryOfficeAndWorksForNone() {
        signIn(Groups.OBEC_MONITOR);

        assertThat(access.seesEveryOffice()).isTrue();
        assertThat(access.scope().everyOffice()).isTrue();
        assertThat(access.visibleOfficeCodes()).hasSize(offices.all().size());
        assertThat(access.canSeeRegion("03")).isTrue();
        assertThat(access.canWorkForOffice("P5002")).isFalse();
        assertThat(access.isAdmin()).isFalse();
        access.requireEveryOffice();
    }

    @Test
    void adminSeesAndWorksForEveryOffice() {
        signIn(Groups.OBEC_ADMIN);

        assertThat(access.isAdmin()).isTrue();
        assertThat(access.canSeeOffice("S1001")).isTrue();
        assertThat(access.canWorkForOffice("S1001")).isTrue();
    }

    @Test
    void someoneWithoutAnyProductGroupSeesNoOffice() {
        signIn("some-other-group");

        assertThat(access.visibleOfficeCodes()).isEmpty();
        assertThat(access.canSeeOffice("P5002")).isFalse();
        assertThat(access.canSeeOffice(null)).isFalse();
    }

    @Test
    void nobodySignedInIsAskedToAuthenticate() {
        assertThatThrownBy(() -> access.canSeeOffice("P5002")).isInstanceOfSatisfying(ResponseStatusException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(401));
    }

    private void signIn(String... groups) {
        identityService.setAuthentication("policy.user", List.of(groups));
    }

    private static void assertForbidden(Runnable call, String named) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ResponseStatusException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(403);
            assertThat(e.getReason()).contains(named);
        });
    }
}
