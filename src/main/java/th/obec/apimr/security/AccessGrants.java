package th.obec.apimr.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.identity.GroupsSynchronised;
import th.obec.apimr.identity.Tenants;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;

/**
 * Keeps the engine's tenants and authorizations in line with the groups, every time the groups are synchronised
 * (at start-up and after each office or region import, in that transaction). Idempotent: what exists and is right
 * is left alone, what is missing is created, what is wrong is corrected.
 * <ul>
 * <li>One tenant per office (id = office code, name = the office's Thai short name). Its members: the office's
 * coordinators and directors, the reviewers of the office's inspection region, {@code obec-monitor} and
 * {@code obec-admin}. A product group's membership that no longer fits (an office moved to another region) is
 * removed.</li>
 * <li>Authorizations of the product's groups on the applications, process and decision definitions and
 * deployments, and the one global authorization on the office cycle process, as listed in {@link #wantedGrants()}.
 * For those resources the product owns the product groups' grants and the global ones: one set by hand in Camunda
 * Admin is put back on the next start, and per-group grants on the office cycle process (how earlier releases
 * granted it, one per office group) are removed. Grants on tasks are the engine's own (candidate groups), grants on
 * Tasklist filters are made where the filters are made.</li>
 * </ul>
 */
@Component
class AccessGrants {

    static final String PROCESS_OFFICE_CYCLE = "Process_AreaOfficeCycle";
    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";
    static final String ANY = Authorization.ANY;
    /** In a {@link Grant}: every user, a global authorization (user id {@code *}) rather than a group's. */
    static final String GLOBAL = "*";

    /** Office process, tasks, instances and history: which ones a user sees, their tenants decide. */
    static final Permission[] READ_OFFICE_PROCESS = {Permissions.READ, Permissions.READ_TASK,
            Permissions.READ_INSTANCE, Permissions.READ_HISTORY};

    private static final Logger LOG = LoggerFactory.getLogger(AccessGrants.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final RuntimeService runtimeService;
    private final OfficeService offices;

    AccessGrants(IdentityService identityService, AuthorizationService authorizationService,
                 RuntimeService runtimeService, OfficeService offices) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.runtimeService = runtimeService;
        this.offices = offices;
    }

    @EventListener
    void groupsSynchronised(GroupsSynchronised event) {
        sync();
    }

    /**
     * Brings tenants, tenant memberships and grants up to date; joins the caller's transaction.
     *
     * @return how many tenants, memberships and authorizations were created, changed or removed
     */
    int sync() {
        Set<String> groups = new HashSet<>();
        identityService.createGroupQuery().list().stream().map(Group::getId).forEach(groups::add);
        int tenantChanges = syncTenants(groups);
        int grantChanges = syncGrants(groups);
        if (tenantChanges + grantChanges > 0) {
            LOG.info("Access control synchronised: {} tenant or membership changes, {} authorization changes",
                    tenantChanges, grantChanges);
        }
        long untenanted = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_OFFICE_CYCLE)
                .withoutTenantId().count();
        if (untenanted > 0) {
            LOG.warn("{} running {} instances have no tenant (started before access control was switched on): every"
                    + " signed-in user can read them; start with a fresh database", untenanted, PROCESS_OFFICE_CYCLE);
        }
        return tenantChanges + grantChanges;
    }

    private int syncTenants(Set<String> groups) {
        Map<String, Tenant> existing = new HashMap<>();
        identityService.createTenantQuery().list().forEach(tenant -> existing.put(tenant.getId(), tenant));
        int changes = 0;
        for (OfficeView office : offices.all()) {
            String tenantId = Tenants.office(office.code());
            Tenant tenant = existing.get(tenantId);
            if (tenant == null) {
                tenant = identityService.newTenant(tenantId);
                tenant.setName(office.shortNameTh());
                identityService.saveTenant(tenant);
                changes++;
            } else if (!office.shortNameTh().equals(tenant.getName())) {
                tenant.setName(office.shortNameTh());
                identityService.saveTenant(tenant);
                changes++;
            }
            changes += syncMembers(tenantId, tenantMembers(office), groups);
        }
        return changes;
    }

    /** The groups that see an office's instances. */
    static Set<String> tenantMembers(OfficeView office) {
        Set<String> members = new LinkedHashSet<>();
        members.add(Groups.coordinators(office.code()));
        members.add(Groups.directors(office.code()));
        if (office.regionCode() != null && !office.regionCode().isBlank()) {
            members.add(Groups.reviewers(office.regionCode()));
        }
        members.add(Groups.OBEC_MONITOR);
        members.add(Groups.OBEC_ADMIN);
        return members;
    }

    private int syncMembers(String tenantId, Set<String> wanted, Set<String> groups) {
        Set<String> current = new HashSet<>();
        identityService.createGroupQuery().memberOfTenant(tenantId).list().forEach(g -> current.add(g.getId()));
        int changes = 0;
        for (String groupId : wanted) {
            if (groups.contains(groupId) && !current.contains(groupId)) {
                identityService.createTenantGroupMembership(tenantId, groupId);
                changes++;
            }
        }
        for (String groupId : current) {
            if (Groups.isProductGroup(groupId) && !wanted.contains(groupId)) {
                identityService.deleteTenantGroupMembership(tenantId, groupId);
                changes++;
            }
        }
        return changes;
    }

    /** One grant: a group's permissions on one resource, or every user's ({@link #GLOBAL}, a global authorization). */
    record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {

        boolean global() {
            return GLOBAL.equals(groupId);
        }

        Key key() {
            return new Key(groupId, resource.resourceType(), resourceId);
        }

        int mask() {
            int mask = 0;
            for (Permission permission : permissions) {
                mask |= permission.getValue();
            }
            return mask;
        }
    }

    record Key(String groupId, int resourceType, String resourceId) {
    }

    /**
     * What each role may do in the engine, beyond the tasks its candidate groups are offered:
     * <ul>
     * <li>coordinators, directors and region reviewers: Tasklist;</li>
     * <li>every user (one global authorization): read the office cycle process, its tasks, instances and history.
     * Which instances, tasks and history rows a user sees, the tenants decide: every office cycle instance is in its
     * office's tenant, and only the office's groups, its region's reviewers and OBEC are members of it, so a user of
     * no product group sees none of them. One global grant rather than one per office group (about 490 rows on the
     * one definition) keeps the authorization join of every task query short: the engine reads, for each candidate
     * task, every grant on its definition. Not the deadline watch ({@code Process_TaskDeadline}): it has no user
     * task, and its instances for national tasks have no tenant;</li>
     * <li>{@code obec-monitor}: Tasklist and Cockpit; read every process definition, task, instance and history,
     * the decisions and their history, the deployments;</li>
     * <li>{@code obec-admin}: everything on every resource (it is also an engine administrator group).</li>
     * </ul>
     */
    List<Grant> wantedGrants() {
        List<Grant> grants = new ArrayList<>();
        List<String> workflowGroups = new ArrayList<>();
        for (OfficeView office : offices.all()) {
            workflowGroups.add(Groups.coordinators(office.code()));
            workflowGroups.add(Groups.directors(office.code()));
        }
        offices.regions().forEach(region -> workflowGroups.add(Groups.reviewers(region.code())));
        for (String groupId : workflowGroups) {
            grants.add(new Grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
        }
        grants.add(new Grant(GLOBAL, Resources.PROCESS_DEFINITION, PROCESS_OFFICE_CYCLE, READ_OFFICE_PROCESS));
        String monitor = Groups.OBEC_MONITOR;
        grants.add(new Grant(monitor, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
        grants.add(new Grant(monitor, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(new Grant(monitor, Resources.PROCESS_DEFINITION, ANY, READ_OFFICE_PROCESS));
        grants.add(new Grant(monitor, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(monitor, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(monitor, Resources.DEPLOYMENT, ANY, Permissions.READ));
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(Groups.OBEC_ADMIN, resource, ANY, Permissions.ALL));
        }
        return grants;
    }

    private int syncGrants(Set<String> groups) {
        Map<Key, Grant> wanted = new LinkedHashMap<>();
        for (Grant grant : wantedGrants()) {
            if (grant.global() || groups.contains(grant.groupId())) {
                wanted.put(grant.key(), grant);
            }
        }
        Map<Key, Authorization> existing = new HashMap<>();
        Set<Key> places = new LinkedHashSet<>();
        wanted.keySet().forEach(key -> places.add(new Key(null, key.resourceType(), key.resourceId())));
        // earlier releases granted the office cycle process to each office group: those grants are removed
        places.add(new Key(null, Resources.PROCESS_DEFINITION.resourceType(), PROCESS_OFFICE_CYCLE));
        List<Authorization> stale = new ArrayList<>();
        for (Key place : places) {
            for (Authorization authorization : authorizationService.createAuthorizationQuery()
                    .resourceType(place.resourceType()).resourceId(place.resourceId()).list()) {
                String owner = owner(authorization);
                Key key = new Key(owner, place.resourceType(), place.resourceId());
                if (owner == null || GLOBAL.equals(owner) && !wanted.containsKey(key)) {
                    continue;
                }
                if (wanted.containsKey(key) && !existing.containsKey(key)) {
                    existing.put(key, authorization);
                } else {
                    stale.add(authorization);
                }
            }
        }
        int changes = 0;
        for (Authorization authorization : stale) {
            authorizationService.deleteAuthorization(authorization.getId());
            changes++;
        }
        for (Map.Entry<Key, Grant> entry : wanted.entrySet()) {
            Grant grant = entry.getValue();
            Authorization authorization = existing.get(entry.getKey());
            if (authorization == null) {
                if (grant.global()) {
                    authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
                    authorization.setUserId(Authorization.ANY);
                } else {
                    authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    authorization.setGroupId(grant.groupId());
                }
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
            } else if (((AuthorizationEntity) authorization).getPermissions() == grant.mask()) {
                continue;
            }
            authorization.setPermissions(grant.permissions());
            authorizationService.saveAuthorization(authorization);
            changes++;
        }
        return changes;
    }

    /**
     * Whose authorization it is, if the product may own it: a product group's grant (the group) or a global one
     * ({@link #GLOBAL}, owned only where the product wants a global grant); {@code null} for the rest (users' own,
     * other groups', revokes), which are left alone.
     */
    private static String owner(Authorization authorization) {
        if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL) {
            return GLOBAL;
        }
        String groupId = authorization.getGroupId();
        if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && groupId != null
                && Groups.isProductGroup(groupId)) {
            return groupId;
        }
        return null;
    }
}
