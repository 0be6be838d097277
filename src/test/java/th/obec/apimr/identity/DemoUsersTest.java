package th.obec.apimr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.office.OfficeService;

/**
 * The demo profile's users (the demo cycle is switched off: not this test's subject). The engine has a name of its
 * own so as not to displace other contexts' engine.
 */
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=refdataDemo", "apimr.demo.launch-cycle=false"})
@ActiveProfiles({"refdatatest", "demo"})
class DemoUsersTest {

    @Autowired
    IdentityService identityService;

    @Autowired
    DemoUsers demoUsers;

    @Autowired
    OfficeService offices;

    @Test
    void theDemoOfficesAreTwoInRegion15AndOneElsewhere() {
        assertThat(DemoUsers.OFFICE_CODES).containsExactly("P5002", "P5001", "P4001");
        assertThat(DemoUsers.OFFICE_CODES).allSatisfy(code -> assertThat(offices.find(code)).isPresent());
        assertThat(offices.find("P5002").orElseThrow().regionCode()).isEqualTo("15");
        assertThat(offices.find("P5001").orElseThrow().regionCode()).isEqualTo("15");
        assertThat(offices.find("P4001").orElseThrow().regionCode()).isEqualTo("12");
    }

    @Test
    void eachDemoOfficeHasACoordinatorAndADirectorWithPasswordDemo() {
        for (String code : DemoUsers.OFFICE_CODES) {
            assertUser(DemoUsers.coordinator(code), Groups.coordinators(code));
            assertUser(DemoUsers.director(code), Groups.directors(code));
        }
        assertThat(DemoUsers.coordinator("P5002")).isEqualTo("coord.p5002");
        assertThat(DemoUsers.director("P5002")).isEqualTo("director.p5002");
        User coordinator = identityService.createUserQuery().userId("coord.p5002").singleResult();
        assertThat(coordinator.getFirstName()).isEqualTo("ผู้ประสานงาน");
        assertThat(coordinator.getLastName()).isEqualTo("สพป.เชียงใหม่ เขต 2");
        assertThat(coordinator.getEmail()).isEqualTo("coord.p5002@demo.apimr.local");
    }

    @Test
    void reviewersAndTheAnalystExist() {
        assertUser("reviewer.r15", Groups.reviewers("15"));
        assertUser("reviewer.r12", Groups.reviewers("12"));
        assertUser("analyst", Groups.OBEC_MONITOR);
    }

    @Test
    void theEngineAdministratorJoinsObecAdminAndObecMonitor() {
        List<String> groups = identityService.createGroupQuery().groupMember(DemoUsers.ADMIN).list().stream()
                .map(g -> g.getId()).toList();

        assertThat(groups).contains(Groups.OBEC_ADMIN, Groups.OBEC_MONITOR, "camunda-admin");
    }

    @Test
    void runningAgainCreatesNothingNew() throws Exception {
        long users = identityService.createUserQuery().count();

        demoUsers.run(null);

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.coordinators("P5002")).count()).isEqualTo(1);
    }

    private void assertUser(String userId, String groupId) {
        assertThat(identityService.checkPassword(userId, DemoUsers.PASSWORD)).as(userId).isTrue();
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count())
                .as(userId + " in " + groupId).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId(userId).singleResult().getEmail())
                .endsWith("@demo.apimr.local");
    }
}
