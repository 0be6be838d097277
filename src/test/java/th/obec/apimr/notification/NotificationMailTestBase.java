package th.obec.apimr.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Spring tests of email delivery against a real SMTP server (GreenMail, {@link MailCatcher}), with the engine's job
 * executor off: tests set the engine clock and run jobs themselves. Test users live in two groups of their own; the
 * test process {@code Process_RemindTestTask} (src/test/resources/notification) has an office's user task and a job
 * that notifies its groups as the deadline models do.
 */
@SpringBootTest(properties = "apimr.test.context=notification-mail")
@ActiveProfiles("test")
@ContextConfiguration(initializers = MailCatcher.PortInitializer.class)
@Import(NotificationMailTestBase.RemindJob.class)
abstract class NotificationMailTestBase {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final String COORDINATORS = "notify-test-coordinators";
    static final String DIRECTORS = "notify-test-directors";
    static final String OFFICE_CODE = "P9901";
    static final String OFFICE_NAME = "สพป.ทดสอบ เขต 1";
    static final String TASK_NAME = "จัดทำแผนงาน/โครงการ";

    /** Notifies the groups in {@code notifyGroups} about the process's {@code Task_Work}: REMINDER, 3 days. */
    @TestConfiguration
    static class RemindJob {
        @Bean("remindTestTaskDelegate")
        JavaDelegate remindTestTaskDelegate(TaskNotifier notifier, TaskService taskService) {
            return execution -> {
                Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey("Task_Work").singleResult();
                List<String> groups = Arrays.asList(execution.getVariable("notifyGroups").toString().split(","));
                notifier.notifyTask(task.getId(), NoticeKind.REMINDER, 3, groups);
            };
        }
    }

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskNotifier notifier;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @BeforeEach
    void prepare() {
        MailCatcher.start();
        MailCatcher.purge();
        repositoryService.createDeployment().name("notification-tests").enableDuplicateFiltering(true)
                .addClasspathResource("notification/RemindTestTask.bpmn").deploy();
        group(COORDINATORS);
        group(DIRECTORS);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        MailCatcher.start();
        for (String key : List.of("Process_RemindTestTask", "Process_DailyDigest")) {
            runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
        }
        for (String groupId : List.of(COORDINATORS, DIRECTORS)) {
            identityService.createUserQuery().memberOfGroup(groupId).list()
                    .forEach(user -> identityService.deleteUser(user.getId()));
        }
        jdbc.update("UPDATE notification SET digest_id = NULL", Map.of());
        jdbc.update("DELETE FROM notification", Map.of());
        jdbc.update("DELETE FROM notification_preference", Map.of());
    }

    /** The engine clock at a local time in Bangkok. */
    static void clock(LocalDateTime bangkok) {
        ClockUtil.setCurrentTime(Date.from(bangkok.atZone(BANGKOK).toInstant()));
    }

    void user(String id, String email, String firstName, String lastName, String... groups) {
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword("secret");
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
    }

    /** Starts the test process: an open task of the office, due at 16:30 Bangkok time on {@code due}. */
    ProcessInstance startTask(String taskName, String officeName, LocalDate due, String... notifyGroups) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("taskName", taskName);
        variables.put("groupA", COORDINATORS);
        variables.put("due", Date.from(due.atTime(LocalTime.of(16, 30)).atZone(BANGKOK).toInstant()));
        variables.put("officeCode", OFFICE_CODE);
        variables.put("officeName", officeName);
        variables.put("cycleId", 1L);
        variables.put("notifyGroups", String.join(",", notifyGroups));
        return runtimeService.startProcessInstanceByKey("Process_RemindTestTask", variables);
    }

    String taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Work")
                .singleResult().getId();
    }

    List<Map<String, Object>> rows(String recipient) {
        return jdbc.queryForList("SELECT * FROM notification WHERE recipient = :recipient ORDER BY id",
                new MapSqlParameterSource("recipient", recipient));
    }

    private void group(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(id);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }
}
