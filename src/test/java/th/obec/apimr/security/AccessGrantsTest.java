package th.obec.apimr.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;

@SpringBootTest
@ActiveProfiles("test")
class AccessGrantsTest {

    @Autowired
    AccessGrants grants;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    OfficeService offices;

    @Test
    void everyOfficeIsATenantOfItsOwnGroupsItsRegionsReviewersAndObec() {
        List<OfficeView> all = offices.all();
        assertThat(identityService.createTenantQuery().count()).isEqualTo(all.size());
        for (OfficeView office : all) {
            assertThat(tenantMembers(office.code())).as(office.code()).containsExactlyInAnyOrder(
                    Groups.coordinators(office.code()), Groups.directors(office.code()),
                    Groups.reviewers(office.regionCode()), Groups.OBEC_MONITOR, Groups.OBEC_ADMIN);
        }
        assertThat(identityService.createTenantQuery().tenantId("P5002").singleResult().getName())
                .isEqualTo(offices.find("P5002").orElseThrow().shortNameTh());
    }

    @Test
    void officeGroupsReadTheOfficeProcessesButNotTheNationalOne() {
        String coordinators = Groups.coordinators("P5002");
        for (Permission permission : AccessGrants.READ_OFFICE_PROCESS) {
            assertThat(allowed(coordinators, permission, Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle"))
                    .as(permission.getName()).isTrue();
            assertThat(allowed(Groups.reviewers("15"), permission, Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle"))
                    .isTrue();
            // the deadline watches run for national tasks too, without a tenant: OBEC's to see
            assertThat(allowed(coordinators, permission, Resources.PROCESS_DEFINITION, "Process_TaskDeadline"))
                    .isFalse();
            assertThat(allowed(Groups.OBEC_MONITOR, permission, Resources.PROCESS_DEFINITION, "Process_TaskDeadline"))
                    .isTrue();
            assertThat(allowed(coordinators, permission, Resources.PROCESS_DEFINITION, "Process_NationalCycle"))
                    .isFalse();
            assertThat(allowed(Groups.OBEC_MONITOR, permission, Resources.PROCESS_DEFINITION, "Process_NationalCycle"))
                    .isTrue();
        }
        for (Permission change : List.of(Permissions.UPDATE_INSTANCE, Permissions.DELETE_INSTANCE,
                Permissions.CREATE_INSTANCE, Permissions.UPDATE_TASK, Permissions.TASK_WORK)) {
            assertThat(allowed(coordinators, change, Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle"))
                    .as(change.getName()).isFalse();
            assertThat(allowed(Groups.OBEC_MONITOR, change, Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle"))
                    .as("monitor " + change.getName()).isFalse();
            assertThat(allowed(Groups.OBEC_ADMIN, change, Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle"))
                    .isTrue();
        }
        assertThat(allowed(coordinators, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(allowed(coordinators, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(allowed(Groups.OBEC_MONITOR, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        assertThat(allowed(Groups.OBEC_MONITOR, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
        assertThat(allowed(Groups.OBEC_MONITOR, Permissions.READ, Resources.DEPLOYMENT, "any")).isTrue();
        assertThat(allowed(Groups.OBEC_MONITOR, Permissions.DELETE, Resources.DEPLOYMENT, "any")).isFalse();
        assertThat(allowed(Groups.OBEC_ADMIN, Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
    }

    @Test
    void startingAgainChangesNothing() {
        grants.sync();

        assertThat(grants.sync()).isZero();
    }

    @Test
    void grantsAndMembershipsChangedByHandArePutBackOnTheNextSynchronisation() {
        String coordinators = Groups.coordinators("P5001");
        grant(coordinators, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        Authorization office = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("Process_AreaOfficeCycle").singleResult();
        office.addPermission(Permissions.DELETE_INSTANCE);
        authorizationService.saveAuthorization(office);
        identityService.deleteTenantGroupMembership("P5001", Groups.reviewers("15"));
        identityService.createTenantGroupMembership("P5001", Groups.reviewers("12"));

        assertThat(grants.sync()).isEqualTo(4);

        assertThat(allowed(coordinators, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
        assertThat(allowed(coordinators, Permissions.DELETE_INSTANCE, Resources.PROCESS_DEFINITION,
                "Process_AreaOfficeCycle")).isFalse();
        assertThat(allowed(coordinators, Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION,
                "Process_AreaOfficeCycle")).isTrue();
        assertThat(tenantMembers("P5001")).contains(Groups.reviewers("15")).doesNotContain(Groups.reviewers("12"));
    }

    @Test
    void theOfficeProcessIsReadByOneGlobalGrantAndTheOfficeGroupsGrantsOfEarlierReleasesAreRemoved() {
        List<String> earlierGroups = List.of(Groups.coordinators("P5002"), Groups.directors("P5002"),
                Groups.reviewers("15"));
        for (String group : earlierGroups) {
            grant(group, Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle", AccessGrants.READ_OFFICE_PROCESS);
        }
        Authorization someoneElses = grant("camunda-admin", Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle", Permissions.READ);

        assertThat(grants.sync()).isEqualTo(earlierGroups.size());

        List<Authorization> onTheProcess = authorizationService.createAuthorizationQuery()
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("Process_AreaOfficeCycle").list();
        assertThat(onTheProcess).extracting(Authorization::getGroupId).containsExactlyInAnyOrder(null, "camunda-admin");
        Authorization global = onTheProcess.stream().filter(a -> a.getGroupId() == null).findFirst().orElseThrow();
        assertThat(global.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GLOBAL);
        assertThat(global.getUserId()).isEqualTo(Authorization.ANY);
        // read, and only read: which instances, tasks and history rows, the user's tenants decide (OfficeAccessIT)
        for (Permission permission : AccessGrants.READ_OFFICE_PROCESS) {
            assertThat(authorizationService.isUserAuthorized("someone", List.of(), permission,
                    Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle")).as(permission.getName()).isTrue();
        }
        assertThat(authorizationService.isUserAuthorized("someone", List.of(), Permissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, "Process_AreaOfficeCycle")).isFalse();
        assertThat(authorizationService.isUserAuthorized("someone", List.of(), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).as("Tasklist stays the office groups'").isFalse();
        authorizationService.deleteAuthorization(someoneElses.getId());
    }

    /** A group's grant, saved as one set by hand in Camunda Admin. */
    private Authorization grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.setPermissions(permissions);
        return authorizationService.saveAuthorization(authorization);
    }

    private boolean allowed(String groupId, Permission permission, Resource resource, String resourceId) {
        return authorizationService.isUserAuthorized("someone", List.of(groupId), permission, resource, resourceId);
    }

    private Set<String> tenantMembers(String tenantId) {
        return identityService.createGroupQuery().memberOfTenant(tenantId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
    }
}
