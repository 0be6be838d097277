package th.obec.apimr.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import th.obec.apimr.cluster.ReferenceDataLock;
import th.obec.apimr.cycle.OfficeCycles;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.identity.IdentitySync;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.office.OfficeView;
import th.obec.apimr.office.OfficesImported;
import th.obec.apimr.office.RegionView;
import th.obec.apimr.office.RegionsImported;

/**
 * The Tasklist filters everybody shares (no owner), created at every start and kept exactly as defined here: a
 * filter is found by its name among the shared filters and updated in place, so a restart never duplicates it;
 * a filter renamed since an earlier release is renamed in place (its id, and so its links and grants, stay); a
 * shared filter of a name this release no longer uses is deleted. Filters users saved for themselves (with an
 * owner) are left alone.
 *
 * <p>Each filter is readable by the groups that need it through an authorization GRANT READ on the filter, so
 * that the filters stay visible with Camunda authorization on. The groups are computed from the reference data
 * (as {@link IdentitySync} does), so an authorization may precede its group; grants are brought in line again
 * after every office or region import.
 */
@Component
@Order(TasklistFilters.ORDER)
class TasklistFilters implements ApplicationRunner {

    /** After the groups exist ({@link IdentitySync}). */
    static final int ORDER = IdentitySync.ORDER + 50;

    static final String MY_OFFICE_TASKS = "งานของสำนักงานฉัน";
    static final String OVERDUE = "เกินกำหนด";
    static final String DUE_IN_7_DAYS = "ครบกำหนดใน 7 วัน";
    static final String AWAITING_REVIEW = "รอการพิจารณา";
    static final String NATIONAL_TASKS = "งานระดับชาติ";
    static final String MY_CLAIMED_TASKS = "งานที่ฉันรับไว้";

    /** Names of earlier releases, renamed in place: old name to the filter that replaces it. */
    static final Map<String, String> RENAMED = Map.of("งานของกลุ่มฉัน", MY_OFFICE_TASKS);

    /** Shared filters of earlier releases without a successor: deleted. */
    static final Set<String> RETIRED = Set.of();

    /** The user tasks of a director or a reviewer: approving, deciding, screening. */
    static final List<String> REVIEW_TASKS = List.of("Task_ReviewPlan", "Task_DecideOnImplementation",
            "Task_ReviewMidYearReport", "Task_ReviewAnnualReport");

    private static final String MY_GROUPS = "${currentUserGroups()}";
    private static final String NOW = "${now()}";
    private static final String IN_7_DAYS = "${dateTime().plusDays(7).toDate()}";

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

    /** One shared filter: its query, the variables Tasklist shows on each task, and who may read it. */
    record Definition(String name, String description, int priority, Supplier<TaskQuery> query,
                      List<Map<String, String>> variables, Function<ProductGroups, Set<String>> readers) {
    }

    /** The product's groups, from the reference data. */
    record ProductGroups(Set<String> coordinators, Set<String> directors, Set<String> reviewers) {

        Set<String> everyone() {
            Set<String> all = new LinkedHashSet<>(coordinators);
            all.addAll(directors);
            all.addAll(reviewers);
            all.add(Groups.OBEC_MONITOR);
            all.add(Groups.OBEC_ADMIN);
            return all;
        }

        Set<String> judges() {
            Set<String> all = new LinkedHashSet<>(directors);
            all.addAll(reviewers);
            return all;
        }

        static Set<String> national() {
            return new LinkedHashSet<>(List.of(Groups.OBEC_MONITOR, Groups.OBEC_ADMIN));
        }

        boolean isProductGroup(String groupId) {
            return groupId.equals(Groups.OBEC_MONITOR) || groupId.equals(Groups.OBEC_ADMIN)
                    || (groupId.startsWith("office-") && (groupId.endsWith("-coordinators")
                    || groupId.endsWith("-directors")))
                    || (groupId.startsWith("region-") && groupId.endsWith("-reviewers"));
        }
    }

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final OfficeService offices;
    private final TransactionTemplate transaction;
    private final ReferenceDataLock lock;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
                    OfficeService offices, PlatformTransactionManager transactions, ReferenceDataLock lock) {
        this.lock = lock;
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.offices = offices;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        sync();
    }

    @EventListener
    void officesImported(OfficesImported event) {
        sync();
    }

    @EventListener
    void regionsImported(RegionsImported event) {
        sync();
    }

    /**
     * Brings the shared filters and their grants in line with {@link #definitions()}, in one transaction; nodes of a
     * cluster take turns ({@link ReferenceDataLock}), so a filter is never created twice.
     */
    void sync() {
        transaction.executeWithoutResult(status -> {
            lock.lockForThisTransaction();
            ProductGroups groups = productGroups();
            retire();
            for (Definition definition : definitions()) {
                Filter filter = save(definition);
                grantRead(filter, definition.readers().apply(groups), groups);
            }
        });
    }

    /** The shared filters, in the order Tasklist lists them (by priority). */
    List<Definition> definitions() {
        List<Map<String, String>> officeColumns = List.of(
                variable(TaskContext.OFFICE_NAME, "สำนักงานเขตพื้นที่"),
                variable(OfficeCycles.PHASE_LABEL, "ขั้นตอน"),
                variable("roundLabel", "รอบรายงาน"),
                variable(TaskContext.FISCAL_YEAR, "ปีงบประมาณ"));
        List<Map<String, String>> nationalColumns = List.of(
                variable(TaskContext.FISCAL_YEAR, "ปีงบประมาณ"),
                variable("roundLabel", "รอบรายงาน"));
        return List.of(
                new Definition(MY_OFFICE_TASKS,
                        "งานของกลุ่มที่ฉันสังกัด (สำนักงานเขต เขตตรวจราชการ หรือ สพฐ.) ที่ยังไม่เสร็จ เรียงตามวันครบกำหนด"
                                + " · Open tasks of my groups, soonest due first",
                        -30, () -> myGroups().orderByDueDate().asc().orderByTaskCreateTime().asc(),
                        officeColumns, ProductGroups::everyone),
                new Definition(OVERDUE,
                        "งานของกลุ่มฉันที่เลยวันครบกำหนดแล้ว ค้างนานที่สุดก่อน · My groups' overdue tasks",
                        -25, () -> myGroups().dueBeforeExpression(NOW).orderByDueDate().asc(),
                        officeColumns, ProductGroups::everyone),
                new Definition(DUE_IN_7_DAYS,
                        "งานของกลุ่มฉันที่ครบกำหนดภายใน 7 วันข้างหน้า · My groups' tasks due within 7 days",
                        -20, () -> myGroups().dueAfterExpression(NOW).dueBeforeExpression(IN_7_DAYS)
                                .orderByDueDate().asc(),
                        officeColumns, ProductGroups::everyone),
                new Definition(AWAITING_REVIEW,
                        "แผน ประเด็นขอการตัดสินใจ และรายงานตัวชี้วัดที่รอ ผอ.สพท. หรือผู้กลั่นกรองพิจารณา"
                                + " · Plans, decisions and reports awaiting my review",
                        -15, () -> myGroups().taskDefinitionKeyIn(REVIEW_TASKS.toArray(String[]::new))
                                .orderByDueDate().asc().orderByTaskCreateTime().asc(),
                        officeColumns, ProductGroups::judges),
                new Definition(NATIONAL_TASKS,
                        "งานระดับชาติของ สพฐ.: วิเคราะห์นโยบาย สรุปผลแต่ละรอบ และสะท้อนผลระดับชาติ · OBEC's national tasks",
                        -10, () -> taskService.createTaskQuery().taskCandidateGroup(Groups.OBEC_MONITOR)
                                .includeAssignedTasks().orderByDueDate().asc(),
                        nationalColumns, groups -> ProductGroups.national()),
                new Definition(MY_CLAIMED_TASKS,
                        "งานที่ฉันรับไว้ทำ เรียงตามวันครบกำหนด · Tasks I have claimed, soonest due first",
                        -5, () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                                .orderByDueDate().asc(),
                        officeColumns, ProductGroups::everyone));
    }

    private TaskQuery myGroups() {
        return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }

    private static Map<String, String> variable(String name, String label) {
        Map<String, String> variable = new LinkedHashMap<>();
        variable.put("name", name);
        variable.put("label", label);
        return variable;
    }

    /** Renames filters of earlier releases in place and deletes retired ones. */
    private void retire() {
        for (Map.Entry<String, String> renamed : RENAMED.entrySet()) {
            List<Filter> old = shared(renamed.getKey());
            if (old.isEmpty()) {
                continue;
            }
            if (shared(renamed.getValue()).isEmpty()) {
                Filter kept = old.remove(0);
                kept.setName(renamed.getValue());
                filterService.saveFilter(kept);
                LOG.info("Tasklist filter '{}' renamed to '{}'", renamed.getKey(), renamed.getValue());
            }
            old.forEach(this::delete);
        }
        for (String name : RETIRED) {
            shared(name).forEach(this::delete);
        }
    }

    private Filter save(Definition definition) {
        List<Filter> existing = shared(definition.name());
        Filter filter;
        if (existing.isEmpty()) {
            filter = filterService.newTaskFilter(definition.name());
            LOG.info("Tasklist filter '{}' created", definition.name());
        } else {
            filter = existing.remove(0);
            existing.forEach(this::delete);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put("variables", new ArrayList<>(definition.variables()));
        filter.setName(definition.name());
        filter.setOwner(null);
        filter.setProperties(properties);
        filter.setQuery(definition.query().get());
        return filterService.saveFilter(filter);
    }

    /** Shared filters (no owner) of this name, oldest first. */
    private List<Filter> shared(String name) {
        List<Filter> found = new ArrayList<>(filterService.createFilterQuery().filterName(name).orderByFilterId().asc()
                .list());
        found.removeIf(filter -> filter.getOwner() != null);
        return found;
    }

    private void delete(Filter filter) {
        authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                .list().forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        filterService.deleteFilter(filter.getId());
        LOG.info("Tasklist filter '{}' of an earlier release deleted", filter.getName());
    }

    /**
     * Grants READ on the filter to each reader group that lacks it, and withdraws it from the product's groups
     * that are no longer readers. Grants to other groups (given by an administrator) are left alone.
     */
    private void grantRead(Filter filter, Set<String> readers, ProductGroups groups) {
        String filterId = filter.getId();
        Map<String, Authorization> byGroup = new LinkedHashMap<>();
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .resourceType(Resources.FILTER).resourceId(filterId).list()) {
            if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                    && authorization.getGroupId() != null) {
                byGroup.put(authorization.getGroupId(), authorization);
            }
        }
        int granted = 0;
        for (String group : readers) {
            Authorization authorization = byGroup.get(group);
            if (authorization == null) {
                authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(group);
                authorization.setResource(Resources.FILTER);
                authorization.setResourceId(filterId);
                authorization.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(authorization);
                granted++;
            } else if (!authorization.isPermissionGranted(Permissions.READ)) {
                authorization.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(authorization);
                granted++;
            }
        }
        for (Map.Entry<String, Authorization> entry : byGroup.entrySet()) {
            Authorization authorization = entry.getValue();
            if (readers.contains(entry.getKey()) || !groups.isProductGroup(entry.getKey())
                    || !authorization.isPermissionGranted(Permissions.READ)) {
                continue;
            }
            if (authorization.isPermissionGranted(Permissions.UPDATE)
                    || authorization.isPermissionGranted(Permissions.DELETE)) {
                authorization.removePermission(Permissions.READ);
                authorizationService.saveAuthorization(authorization);
            } else {
                authorizationService.deleteAuthorization(authorization.getId());
            }
        }
        if (granted > 0) {
            LOG.info("Tasklist filter '{}': READ granted to {} groups", filter.getName(), granted);
        }
    }

    private ProductGroups productGroups() {
        Set<String> coordinators = new LinkedHashSet<>();
        Set<String> directors = new LinkedHashSet<>();
        Set<String> reviewers = new LinkedHashSet<>();
        for (OfficeView office : offices.all()) {
            coordinators.add(Groups.coordinators(office.code()));
            directors.add(Groups.directors(office.code()));
        }
        for (RegionView region : offices.regions()) {
            reviewers.add(Groups.reviewers(region.code()));
        }
        return new ProductGroups(coordinators, directors, reviewers);
    }
}
