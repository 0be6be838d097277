package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.identity.Groups;

/**
 * The shared Tasklist filters as the application's start leaves them: once each however often it starts, brought
 * back to their definition, renamed from earlier releases in place, readable by the right groups with
 * authorization on, and each listing the tasks its name promises.
 */
@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTest {

    static final String OWN_OFFICE = Groups.coordinators("P5002");
    static final String OTHER_OFFICE = Groups.coordinators("P5001");
    static final String DIRECTORS = Groups.directors("P5002");
    static final String REVIEWERS = Groups.reviewers("15");

    static final List<String> EVERYONE_SEES = List.of(TasklistFilters.MY_OFFICE_TASKS, TasklistFilters.OVERDUE,
            TasklistFilters.DUE_IN_7_DAYS, TasklistFilters.MY_CLAIMED_TASKS);

    @Autowired
    TasklistFilters filters;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;

    final List<String> deployments = new ArrayList<>();

    final Date now = new Date(1_700_000_000_000L);

    boolean authorizationWasEnabled;

    @BeforeEach
    void freezeClock() {
        ClockUtil.setCurrentTime(now);
        // the engine checks authorizations (application.yml); these tests switch it on where they mean to, and the
        // engine is shared with the other tests of this context, so it is restored afterwards
        authorizationWasEnabled = engineConfiguration.isAuthorizationEnabled();
        engineConfiguration.setAuthorizationEnabled(false);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        engineConfiguration.setAuthorizationEnabled(false);
        identityService.clearAuthentication();
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
        deployments.clear();
        taskService.createTaskQuery().taskNameLike("filter-test-%").list()
                .forEach(task -> taskService.deleteTask(task.getId(), true));
        filters.sync();
        engineConfiguration.setAuthorizationEnabled(authorizationWasEnabled);
    }

    @Test
    void startingTwiceLeavesOneSharedFilterOfEachNameAndOneGrantPerGroup() {
        filters.run(null);
        filters.run(null);

        for (TasklistFilters.Definition definition : filters.definitions()) {
            List<Filter> named = filterService.createFilterQuery().filterName(definition.name()).list();
            assertThat(named).as(definition.name()).hasSize(1);
            List<Authorization> grants = authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.FILTER).resourceId(named.get(0).getId()).list();
            assertThat(grants).extracting(Authorization::getGroupId).as("grants of " + definition.name())
                    .doesNotHaveDuplicates();
            assertThat(grants).allMatch(grant -> grant.isPermissionGranted(Permissions.READ));
        }
        assertThat(filterService.createFilterQuery().filterName("งานของกลุ่มฉัน").count()).isZero();
    }

    @Test
    void theFirstFilterInTasklistIsMyOfficesTasks() {
        List<String> byPriority = filterService.createFilterQuery().list().stream()
                .filter(filter -> filter.getOwner() == null)
                .sorted((a, b) -> Integer.compare(priority(a), priority(b)))
                .map(Filter::getName).toList();

        assertThat(byPriority).startsWith(TasklistFilters.MY_OFFICE_TASKS, TasklistFilters.OVERDUE,
                TasklistFilters.DUE_IN_7_DAYS, TasklistFilters.AWAITING_REVIEW, TasklistFilters.NATIONAL_TASKS,
                TasklistFilters.MY_CLAIMED_TASKS);
    }

    @Test
    void restartRenamesTheFilterOfAnEarlierReleaseInPlaceAndRestoresAChangedOne() {
        Filter current = shared(TasklistFilters.MY_OFFICE_TASKS);
        filterService.deleteFilter(current.getId());
        Filter earlier = filterService.newTaskFilter("งานของกลุ่มฉัน");
        earlier.setProperties(new LinkedHashMap<>(Map.of("priority", -10)));
        earlier.setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
        filterService.saveFilter(earlier);
        Filter overdue = shared(TasklistFilters.OVERDUE);
        overdue.setQuery(taskService.createTaskQuery());
        overdue.setProperties(new LinkedHashMap<>(Map.of("priority", 99)));
        filterService.saveFilter(overdue);

        filters.run(null);

        Filter renamed = filterService.getFilter(earlier.getId());
        assertThat(renamed.getName()).isEqualTo(TasklistFilters.MY_OFFICE_TASKS);
        assertThat(renamed.getProperties()).containsKey("variables").containsEntry("priority", -30);
        assertThat(filterService.createFilterQuery().filterName("งานของกลุ่มฉัน").count()).isZero();
        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_OFFICE_TASKS).count()).isEqualTo(1);
        assertThat(filterService.getFilter(overdue.getId()).getProperties()).containsEntry("priority", -25);
        Task late = task("filter-test-late", OWN_OFFICE, -1);
        task("filter-test-later", OWN_OFFICE, 3);
        assertThat(listAs(TasklistFilters.OVERDUE, OWN_OFFICE)).containsExactly(late.getId());
    }

    @Test
    void aFilterAUserSavedUnderTheSameNameIsLeftAlone() {
        Filter own = filterService.newTaskFilter(TasklistFilters.OVERDUE);
        own.setOwner("coord.p5002");
        own.setQuery(taskService.createTaskQuery().taskAssignee("coord.p5002"));
        filterService.saveFilter(own);

        filters.run(null);

        assertThat(filterService.getFilter(own.getId()).getOwner()).isEqualTo("coord.p5002");
        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.OVERDUE).count()).isEqualTo(2);
        filterService.deleteFilter(own.getId());
    }

    @Test
    void withAuthorizationOnEachRoleSeesTheFiltersMeantForIt() {
        engineConfiguration.setAuthorizationEnabled(true);

        assertThat(visibleFilters("coord.test", OWN_OFFICE)).containsExactlyInAnyOrderElementsOf(EVERYONE_SEES);
        assertThat(visibleFilters("director.test", DIRECTORS))
                .containsExactlyInAnyOrderElementsOf(plus(EVERYONE_SEES, TasklistFilters.AWAITING_REVIEW));
        assertThat(visibleFilters("reviewer.test", REVIEWERS))
                .containsExactlyInAnyOrderElementsOf(plus(EVERYONE_SEES, TasklistFilters.AWAITING_REVIEW));
        assertThat(visibleFilters("analyst.test", Groups.OBEC_MONITOR))
                .containsExactlyInAnyOrderElementsOf(plus(EVERYONE_SEES, TasklistFilters.NATIONAL_TASKS));
        assertThat(visibleFilters("stranger", "some-other-group")).isEmpty();
    }

    @Test
    void myOfficesTasksShowsACoordinatorOnlyTheirOwnOfficesTasksSoonestDueFirst() {
        Task later = task("filter-test-later", OWN_OFFICE, 20);
        Task sooner = task("filter-test-sooner", OWN_OFFICE, 2);
        task("filter-test-other", OTHER_OFFICE, 1);

        assertThat(listAs(TasklistFilters.MY_OFFICE_TASKS, OWN_OFFICE))
                .containsExactly(sooner.getId(), later.getId());
    }

    @Test
    void overdueAndDueWithinSevenDaysSplitTheTasksByTheirDueDate() {
        Task late = task("filter-test-late", OWN_OFFICE, -3);
        Task soon = task("filter-test-soon", OWN_OFFICE, 6);
        task("filter-test-later", OWN_OFFICE, 8);
        task("filter-test-other-late", OTHER_OFFICE, -3);

        assertThat(listAs(TasklistFilters.OVERDUE, OWN_OFFICE)).containsExactly(late.getId());
        assertThat(listAs(TasklistFilters.DUE_IN_7_DAYS, OWN_OFFICE)).containsExactly(soon.getId());
    }

    @Test
    void awaitingReviewListsOnlyTheApprovalsAndScreeningsOfMyGroups() {
        Task plan = task("filter-test-plan", DIRECTORS, 5, "Task_ReviewPlan");
        task("filter-test-progress", DIRECTORS, 5, "Task_RecordImplementation");
        Task report = task("filter-test-report", REVIEWERS, 5, "Task_ReviewMidYearReport");

        assertThat(listAs(TasklistFilters.AWAITING_REVIEW, DIRECTORS)).containsExactly(plan.getId());
        assertThat(listAs(TasklistFilters.AWAITING_REVIEW, REVIEWERS)).containsExactly(report.getId());
    }

    @Test
    void nationalTasksListsObecMonitorsTasksEvenWhenClaimed() {
        Task open = task("filter-test-national", Groups.OBEC_MONITOR, 5);
        Task claimed = task("filter-test-claimed", Groups.OBEC_MONITOR, 9);
        taskService.claim(claimed.getId(), "analyst");
        task("filter-test-office", OWN_OFFICE, 1);

        assertThat(listAs(TasklistFilters.NATIONAL_TASKS, Groups.OBEC_MONITOR))
                .containsExactly(open.getId(), claimed.getId());
    }

    @Test
    void everyFilterShowsTheOfficePhaseAndRoundOfEachTask() {
        for (String name : List.of(TasklistFilters.MY_OFFICE_TASKS, TasklistFilters.OVERDUE,
                TasklistFilters.DUE_IN_7_DAYS, TasklistFilters.AWAITING_REVIEW, TasklistFilters.MY_CLAIMED_TASKS)) {
            assertThat(variableNames(shared(name))).as(name)
                    .containsExactly("officeName", "phaseLabel", "roundLabel", "fiscalYear");
        }
        assertThat(variableNames(shared(TasklistFilters.NATIONAL_TASKS))).containsExactly("fiscalYear", "roundLabel");
    }

    private Filter shared(String name) {
        return filterService.createFilterQuery().filterName(name).list().stream()
                .filter(filter -> filter.getOwner() == null).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> variableNames(Filter filter) {
        List<Map<String, Object>> variables = (List<Map<String, Object>>) filter.getProperties().get("variables");
        variables.forEach(variable -> assertThat(variable.get("label").toString()).matches(".*[\\u0E00-\\u0E7F].*"));
        return variables.stream().map(variable -> variable.get("name").toString()).toList();
    }

    private static int priority(Filter filter) {
        return ((Number) filter.getProperties().getOrDefault("priority", 0)).intValue();
    }

    private List<String> visibleFilters(String user, String group) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> listAs(String filterName, String group) {
        Filter filter = shared(filterName);
        identityService.setAuthentication("someone", List.of(group));
        try {
            return filterService.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static List<String> plus(List<String> names, String name) {
        return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(name)).toList();
    }

    private Task task(String name, String candidateGroup, int dueInDays) {
        return task(name, candidateGroup, dueInDays, null);
    }

    /** A task of a throw-away process whose only user task has the id {@code definitionKey}. */
    private Task task(String name, String candidateGroup, int dueInDays, String definitionKey) {
        Task task;
        if (definitionKey == null) {
            task = taskService.newTask();
        } else {
            String processKey = "Process_FilterTest_" + definitionKey;
            Deployment deployment = repositoryService.createDeployment().name("filter-test").addModelInstance(
                    processKey + ".bpmn", Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1)
                            .startEvent().userTask(definitionKey).endEvent().done()).deploy();
            deployments.add(deployment.getId());
            String instanceId = runtimeService.startProcessInstanceByKey(processKey).getId();
            task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        }
        task.setName(name);
        task.setDueDate(new Date(now.getTime() + TimeUnit.DAYS.toMillis(dueInDays)));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        return task;
    }
}
