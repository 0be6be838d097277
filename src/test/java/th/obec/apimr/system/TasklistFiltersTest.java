package th.obec.apimr.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import th.obec.apimr.identity.Groups;

@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTest {

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

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        taskService.createTaskQuery().taskNameLike("filter-test-%").list()
                .forEach(task -> taskService.deleteTask(task.getId(), true));
    }

    @Test
    void restartingKeepsOneFilterOfEachName() {
        filters.run(null);
        filters.run(null);

        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).count()).isEqualTo(1);
        assertThat(filterService.createFilterQuery().filterName(TasklistFilters.MY_CLAIMED_TASKS).count()).isEqualTo(1);
    }

    @Test
    void myGroupTasksShowsACoordinatorOnlyTheirOwnOfficesTasks() {
        Task own = task("filter-test-own", Groups.coordinators("P5002"));
        task("filter-test-other", Groups.coordinators("P5001"));
        Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.MY_GROUP_TASKS).singleResult();
        // with authorization on, a user lists a filter only with READ on it
        Authorization readFilter = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        readFilter.setGroupId(Groups.coordinators("P5002"));
        readFilter.setResource(Resources.FILTER);
        readFilter.setResourceId(filter.getId());
        readFilter.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(readFilter);

        identityService.setAuthentication("coord.test", List.of(Groups.coordinators("P5002")));
        List<Task> visible = filterService.list(filter.getId());

        assertThat(visible).extracting(Task::getId).containsExactly(own.getId());
    }

    private Task task(String name, String candidateGroup) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        return task;
    }
}
