package th.obec.apimr.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import th.obec.apimr.identity.IdentitySync;

/**
 * The Tasklist filters everybody shares, created at start and kept as they are defined here (matched by name, so a
 * restart neither duplicates them nor leaves an old definition behind). "My group's tasks" shows what the signed-in
 * user's groups may work on, soonest due first: a coordinator sees their own office's tasks, a reviewer their
 * region's.
 */
@Component
@Order(IdentitySync.ORDER + 50)
class TasklistFilters implements ApplicationRunner {

    static final String MY_GROUP_TASKS = "งานของกลุ่มฉัน";
    static final String MY_CLAIMED_TASKS = "งานที่ฉันรับไว้";

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        save(MY_GROUP_TASKS, "งานที่กลุ่มของฉันรับผิดชอบ เรียงตามวันครบกำหนด (tasks of my groups, soonest due first)", -10,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        save(MY_CLAIMED_TASKS, "งานที่ฉันรับไว้ทำ (tasks I have claimed)", -5,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    }

    private void save(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        filter.setProperties(properties);
        filter.setQuery(query);
        filterService.saveFilter(filter);
    }
}
