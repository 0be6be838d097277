package th.obec.apimr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.identity.Groups;
import th.obec.apimr.support.TestUsers;

/**
 * The demo setting: no SMTP server configured. Notices are recorded (RECORDED_ONLY) and administrators list them over
 * HTTP; users set their own preferences.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "apimr.test.context=notification-no-smtp")
@ActiveProfiles("test")
class NotificationsWithoutSmtpApiTest {

    private static final String ADMIN = "notify.admin";
    private static final String COORDINATOR = "notify.coordinator";
    private static final String OTHER = "notify.other";
    private static final String GROUP = "notify-api-coordinators";
    private static final String PASSWORD = "secret";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskNotifier notifier;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    DailyDigests digests;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @BeforeEach
    void createUsers() {
        ProcessEngines.registerProcessEngine(processEngine);
        group(GROUP);
        user(ADMIN, "admin@test.local", Groups.OBEC_ADMIN);
        user(COORDINATOR, "coordinator@test.local", Groups.coordinators("P5002"), GROUP);
        user(OTHER, null, GROUP);
        repositoryService.createDeployment().name("notification-tests").enableDuplicateFiltering(true)
                .addClasspathResource("notification/RemindTestTask.bpmn").deploy();
    }

    @AfterEach
    void removeUsers() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_RemindTestTask").list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test over"));
        for (String id : List.of(ADMIN, COORDINATOR, OTHER)) {
            identityService.deleteUser(id);
        }
        jdbc.update("UPDATE notification SET digest_id = NULL", Map.of());
        jdbc.update("DELETE FROM notification", Map.of());
        jdbc.update("DELETE FROM notification_preference", Map.of());
    }

    @Test
    void withoutAnSmtpServerNoticesAreRecordedAndAdministratorsListThemNewestFirst() {
        assertThat(context.getBeanNamesForType(org.springframework.mail.javamail.JavaMailSender.class)).isEmpty();
        String first = startTask("P5002", "สพป.เชียงใหม่ เขต 2");
        String second = startTask("P4001", "สพป.ขอนแก่น เขต 1");

        notifier.notifyTask(first, NoticeKind.REMINDER, 7, List.of(GROUP));
        notifier.notifyTask(second, NoticeKind.DUE, 0, List.of(GROUP));
        notifier.notifyTask(second, NoticeKind.DUE, 0, List.of(GROUP));

        JsonNode all = client(ADMIN).get().uri("/api/admin/notifications").retrieve().body(JsonNode.class);
        assertThat(all.get("total").asLong()).isEqualTo(4);
        JsonNode newest = all.get("items").get(0);
        assertThat(newest.get("taskId").asText()).isEqualTo(second);
        assertThat(all.get("items").get(3).get("taskId").asText()).isEqualTo(first);

        JsonNode recorded = client(ADMIN).get()
                .uri("/api/admin/notifications?status=RECORDED_ONLY&recipient={r}", COORDINATOR)
                .retrieve().body(JsonNode.class);
        assertThat(recorded.get("total").asLong()).isEqualTo(2);
        JsonNode row = recorded.get("items").get(1);
        assertThat(row.get("kind").asText()).isEqualTo("REMINDER");
        assertThat(row.get("step").asInt()).isEqualTo(7);
        assertThat(row.get("officeCode").asText()).isEqualTo("P5002");
        assertThat(row.get("email").asText()).isEqualTo("coordinator@test.local");
        assertThat(row.get("subject").asText()).contains("แจ้งเตือน", "สพป.เชียงใหม่ เขต 2");
        assertThat(row.get("dueDate").asText()).isEqualTo("2023-04-28");

        JsonNode byOffice = client(ADMIN).get().uri("/api/admin/notifications?officeCode=p4001&taskId={t}", second)
                .retrieve().body(JsonNode.class);
        assertThat(byOffice.get("total").asLong()).isEqualTo(2);
        JsonNode skipped = client(ADMIN).get().uri("/api/admin/notifications?status=skipped_no_email")
                .retrieve().body(JsonNode.class);
        assertThat(skipped.get("items")).hasSize(2);
        assertThat(skipped.get("items").get(0).get("recipient").asText()).isEqualTo(OTHER);

        JsonNode page = client(ADMIN).get().uri("/api/admin/notifications?size=1&page=1").retrieve()
                .body(JsonNode.class);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(4);
    }

    @Test
    void withoutAnSmtpServerTheDigestIsRecordedAndTheQueuedNoticesSettled() {
        jdbc.update("INSERT INTO notification_preference (user_id, digest, language, updated_at) "
                + "VALUES (:user, TRUE, 'th', CURRENT_TIMESTAMP)", Map.of("user", COORDINATOR));
        String task = startTask("P5002", "สพป.เชียงใหม่ เขต 2");
        notifier.notifyTask(task, NoticeKind.REMINDER, 3, List.of(GROUP));

        digests.send(java.time.LocalDate.of(2023, 4, 25));
        digests.send(java.time.LocalDate.of(2023, 4, 25));

        JsonNode mine = client(ADMIN).get().uri("/api/admin/notifications?recipient={r}", COORDINATOR)
                .retrieve().body(JsonNode.class);
        assertThat(mine.get("total").asLong()).isEqualTo(2);
        JsonNode digest = mine.get("items").get(0);
        assertThat(digest.get("kind").asText()).isEqualTo("DIGEST");
        assertThat(digest.get("status").asText()).isEqualTo("RECORDED_ONLY");
        assertThat(digest.get("subject").asText()).contains("สรุปงานประจำวัน 25 เมษายน 2566");
        JsonNode notice = mine.get("items").get(1);
        assertThat(notice.get("status").asText()).isEqualTo("DIGESTED");
        assertThat(notice.get("digestId").asLong()).isEqualTo(digest.get("id").asLong());
    }

    @Test
    void aCoordinatorMayNotListNotifications() {
        ResponseEntity<String> answer = client(COORDINATOR).get().uri("/api/admin/notifications").retrieve()
                .toEntity(String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aBadFilterIsRefusedNamingTheField() {
        ResponseEntity<JsonNode> status = client(ADMIN).get().uri("/api/admin/notifications?status=LOST")
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> size = client(ADMIN).get().uri("/api/admin/notifications?size=5000")
                .retrieve().toEntity(JsonNode.class);

        assertThat(status.getStatusCode().value()).isEqualTo(400);
        assertThat(status.getBody().get("field").asText()).isEqualTo("status");
        assertThat(size.getStatusCode().value()).isEqualTo(400);
        assertThat(size.getBody().get("field").asText()).isEqualTo("size");
    }

    @Test
    void usersReadAndChangeTheirOwnPreferences() {
        JsonNode initial = client(COORDINATOR).get().uri("/api/me/notification-preferences").retrieve()
                .body(JsonNode.class);
        assertThat(initial.get("digest").asBoolean()).isFalse();
        assertThat(initial.get("language").asText()).isEqualTo("th");

        ResponseEntity<JsonNode> saved = client(COORDINATOR).put().uri("/api/me/notification-preferences")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("digest", true, "language", "en"))
                .retrieve().toEntity(JsonNode.class);
        assertThat(saved.getStatusCode().value()).isEqualTo(200);

        JsonNode mine = client(COORDINATOR).get().uri("/api/me/notification-preferences").retrieve()
                .body(JsonNode.class);
        assertThat(mine.get("digest").asBoolean()).isTrue();
        assertThat(mine.get("language").asText()).isEqualTo("en");
        JsonNode others = client(ADMIN).get().uri("/api/me/notification-preferences").retrieve()
                .body(JsonNode.class);
        assertThat(others.get("digest").asBoolean()).isFalse();

        String task = startTask("P5002", "สพป.เชียงใหม่ เขต 2");
        notifier.notifyTask(task, NoticeKind.REMINDER, 3, List.of(GROUP));
        JsonNode queued = client(ADMIN).get().uri("/api/admin/notifications?recipient={r}", COORDINATOR)
                .retrieve().body(JsonNode.class);
        assertThat(queued.get("items").get(0).get("status").asText()).isEqualTo("QUEUED_FOR_DIGEST");
        assertThat(queued.get("items").get(0).get("language").asText()).isEqualTo("en");
    }

    @Test
    void invalidPreferencesAreRefusedNamingTheFieldAndNothingIsSaved() {
        ResponseEntity<JsonNode> language = client(COORDINATOR).put().uri("/api/me/notification-preferences")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("digest", true, "language", "fr"))
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> digest = client(COORDINATOR).put().uri("/api/me/notification-preferences")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("digest", "yes", "language", "en"))
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<JsonNode> broken = client(COORDINATOR).put().uri("/api/me/notification-preferences")
                .contentType(MediaType.APPLICATION_JSON).body("{\"digest\": tru")
                .retrieve().toEntity(JsonNode.class);
        ResponseEntity<String> anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build()
                .get().uri("/api/me/notification-preferences").retrieve().toEntity(String.class);

        assertThat(language.getStatusCode().value()).isEqualTo(400);
        assertThat(language.getBody().get("field").asText()).isEqualTo("language");
        assertThat(language.getBody().get("message").asText()).contains("th", "en");
        assertThat(digest.getStatusCode().value()).isEqualTo(400);
        assertThat(digest.getBody().get("field").asText()).isEqualTo("digest");
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        JsonNode mine = client(COORDINATOR).get().uri("/api/me/notification-preferences").retrieve()
                .body(JsonNode.class);
        assertThat(mine.get("digest").asBoolean()).isFalse();
        assertThat(mine.get("language").asText()).isEqualTo("th");
    }

    private String startTask(String officeCode, String officeName) {
        Date due = Date.from(java.time.LocalDate.of(2023, 4, 28).atTime(LocalTime.of(16, 30))
                .atZone(ZoneId.of("Asia/Bangkok")).toInstant());
        String instance = runtimeService.startProcessInstanceByKey("Process_RemindTestTask", Map.of(
                "taskName", "จัดทำแผนงาน/โครงการ", "groupA", GROUP, "due", due, "officeCode", officeCode,
                "officeName", officeName, "cycleId", 1L, "notifyGroups", GROUP)).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private void group(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(id);
            identityService.saveGroup(group);
        }
        if (identityService.createGroupQuery().groupId(Groups.OBEC_ADMIN).count() == 0) {
            Group admin = identityService.newGroup(Groups.OBEC_ADMIN);
            admin.setName(Groups.OBEC_ADMIN);
            identityService.saveGroup(admin);
        }
        String coordinators = Groups.coordinators("P5002");
        if (identityService.createGroupQuery().groupId(coordinators).count() == 0) {
            Group office = identityService.newGroup(coordinators);
            office.setName(coordinators);
            identityService.saveGroup(office);
        }
    }

    private void user(String id, String email, String... groups) {
        TestUsers.ensure(identityService, id, PASSWORD, email, groups);
    }

    private RestClient client(String userId) {
        String token = Base64.getEncoder()
                .encodeToString((userId + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
