package th.obec.apimr.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import th.obec.apimr.cycle.CycleCalendar;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.Deadline;
import th.obec.apimr.cycle.LaunchRequest;
import th.obec.apimr.identity.Groups;
import th.obec.apimr.notification.NoticeKind;
import th.obec.apimr.notification.TaskNotifier;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.support.DueJobs;
import th.obec.apimr.support.TestUsers;

/**
 * The deadlines of a real office cycle in the application: the office's analysis task gets its reminders, due
 * notice and escalation through Process_TaskDeadline; administrators extend deadlines over HTTP. The engine's job
 * executor is off: the test moves the engine clock and runs the deadline jobs of its own tasks, as the executor
 * would. Each test uses offices of its own, so that their tasks and timers never meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "apimr.test.context=deadlines")
@ActiveProfiles("test")
class DeadlinesInCycleTest {

    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final String ADMIN = "dl.admin";
    private static final String COORDINATOR = "dl.coordinator";
    private static final String PASSWORD = "secret";
    private static final Map<Integer, Long> CYCLES = new ConcurrentHashMap<>();

    /** The notices the deadline processes asked for (email delivery is the notification capability's job). */
    record Notice(String taskId, NoticeKind kind, int step, List<String> groups, LocalDateTime at) {
    }

    static final class RecordingNotifier implements TaskNotifier {
        final List<Notice> notices = new CopyOnWriteArrayList<>();

        @Override
        public void notifyTask(String taskId, NoticeKind kind, int step, Collection<String> groupIds) {
            notices.add(new Notice(taskId, kind, step, List.copyOf(groupIds),
                    LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BANGKOK)));
        }

        List<Notice> of(String taskId) {
            return notices.stream().filter(notice -> notice.taskId().equals(taskId)).toList();
        }
    }

    @TestConfiguration
    static class Notifier {
        @Bean
        @Primary
        RecordingNotifier recordingTaskNotifier() {
            return new RecordingNotifier();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    CycleService cycles;
    @Autowired
    CycleCalendar calendar;
    @Autowired
    OfficeService offices;
    @Autowired
    RecordingNotifier notifier;

    @BeforeEach
    void usersAndClock() {
        ProcessEngines.registerProcessEngine(processEngine);
        user(ADMIN, Groups.OBEC_ADMIN);
        user(COORDINATOR, Groups.coordinators("P5001"));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void remindsTheCoordinatorsSevenThreeAndOneWorkingDaysBeforeTheAnalysisIsDue() {
        long cycleId = cycle(2566);
        at(2023, 1, 4, 10, 0);
        Task task = analysisTask(startOffice(cycleId, 2566, "P5001"));
        assertThat(local(task.getDueDate())).isEqualTo(LocalDateTime.of(2023, 1, 20, 16, 30));

        runDeadlineJobsUntil(task, LocalDateTime.of(2023, 1, 10, 8, 59));
        assertThat(notifier.of(task.getId())).as("nothing before the first lead time").isEmpty();
        runDeadlineJobsUntil(task, LocalDateTime.of(2023, 1, 19, 12, 0));

        // Teachers' Day (Monday 16 January) is not a working day: 7 working days before Friday 20 January is the 10th
        assertThat(notifier.of(task.getId())).extracting(Notice::kind, Notice::step, Notice::groups, Notice::at)
                .containsExactly(
                        tuple(NoticeKind.REMINDER, 7, List.of("office-P5001-coordinators"), LocalDateTime.of(2023, 1, 10, 9, 0)),
                        tuple(NoticeKind.REMINDER, 3, List.of("office-P5001-coordinators"), LocalDateTime.of(2023, 1, 17, 9, 0)),
                        tuple(NoticeKind.REMINDER, 1, List.of("office-P5001-coordinators"), LocalDateTime.of(2023, 1, 19, 9, 0)));
    }

    @Test
    void overdueTaskGetsTheDueNoticeThenIsEscalatedAndListedForAdministrators() {
        long cycleId = cycle(2566);
        at(2023, 1, 19, 12, 0);
        Task task = analysisTask(startOffice(cycleId, 2566, "P5002"));
        String reviewers = Groups.reviewers(offices.find("P5002").orElseThrow().regionCode());

        runDeadlineJobsUntil(task, LocalDateTime.of(2023, 1, 30, 12, 0));
        assertThat(taskService.getVariableLocal(task.getId(), "escalated")).as("not before the grace period").isNull();
        runDeadlineJobsUntil(task, LocalDateTime.of(2023, 1, 31, 9, 0));

        // 7 working days after Friday 20 January: 23-27 and 30-31 January
        assertThat(notifier.of(task.getId())).extracting(Notice::kind, Notice::step, Notice::groups, Notice::at)
                .containsExactly(
                        tuple(NoticeKind.DUE, 0, List.of("office-P5002-coordinators", "office-P5002-directors"),
                                LocalDateTime.of(2023, 1, 20, 16, 30)),
                        tuple(NoticeKind.ESCALATION, 7, List.of(reviewers, Groups.OBEC_MONITOR),
                                LocalDateTime.of(2023, 1, 31, 9, 0)));
        assertThat(taskService.getVariableLocal(task.getId(), "escalated")).isEqualTo(true);
        assertThat(local((Date) taskService.getVariableLocal(task.getId(), "escalatedAt")))
                .isEqualTo(LocalDateTime.of(2023, 1, 31, 9, 0));

        ResponseEntity<JsonNode> listed = client(ADMIN).get().uri("/api/admin/escalations?cycleId=" + cycleId)
                .retrieve().toEntity(JsonNode.class);
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        JsonNode escalation = single(listed.getBody(), "taskId", task.getId());
        assertThat(escalation.get("officeCode").asText()).isEqualTo("P5002");
        assertThat(escalation.get("deadlineKey").asText()).isEqualTo("ANALYSIS");
        assertThat(escalation.get("graceDays").asInt()).isEqualTo(7);
        assertThat(escalation.get("taskDefinitionKey").asText()).isEqualTo("Task_AnalysePolicy");
    }

    @Test
    void extendingForOneOfficeMovesItsTaskAndRemindersAndRecordsWhoWhenAndWhy() {
        long cycleId = cycle(2566);
        at(2023, 1, 4, 10, 0);
        Task extended = analysisTask(startOffice(cycleId, 2566, "P5003"));
        Task other = analysisTask(startOffice(cycleId, 2566, "P5004"));

        at(2023, 1, 5, 14, 15);
        ResponseEntity<JsonNode> answer = extend(ADMIN, cycleId, "ANALYSIS",
                Map.of("officeCode", "P5003", "newDate", "2023-02-03", "reason", "น้ำท่วมสำนักงานเขต"));

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody().get("tasksMoved").asInt()).isEqualTo(1);
        assertThat(local(task(extended).getDueDate())).isEqualTo(LocalDateTime.of(2023, 2, 3, 16, 30));
        assertThat(local(task(other).getDueDate())).as("another office keeps its date")
                .isEqualTo(LocalDateTime.of(2023, 1, 20, 16, 30));
        assertThat(calendar.date(cycleId, "P5003", Deadline.ANALYSIS)).isEqualTo(LocalDate.of(2023, 2, 3));
        assertThat(calendar.date(cycleId, "P5004", Deadline.ANALYSIS)).isEqualTo(LocalDate.of(2023, 1, 20));

        runDeadlineJobsUntil(extended, LocalDateTime.of(2023, 1, 24, 12, 0));
        runDeadlineJobsUntil(other, LocalDateTime.of(2023, 1, 24, 12, 0));
        assertThat(notifier.of(extended.getId())).as("no reminder or due notice on the old dates").isEmpty();
        assertThat(notifier.of(other.getId())).extracting(Notice::kind).contains(NoticeKind.DUE);
        runDeadlineJobsUntil(extended, LocalDateTime.of(2023, 2, 3, 16, 30));
        assertThat(notifier.of(extended.getId())).extracting(Notice::kind, Notice::step, Notice::at).containsExactly(
                tuple(NoticeKind.REMINDER, 7, LocalDateTime.of(2023, 1, 25, 9, 0)),
                tuple(NoticeKind.REMINDER, 3, LocalDateTime.of(2023, 1, 31, 9, 0)),
                tuple(NoticeKind.REMINDER, 1, LocalDateTime.of(2023, 2, 2, 9, 0)),
                tuple(NoticeKind.DUE, 0, LocalDateTime.of(2023, 2, 3, 16, 30)));

        JsonNode recorded = single(client(ADMIN).get().uri("/api/admin/cycles/" + cycleId + "/deadlines/ANALYSIS/extensions")
                .retrieve().body(JsonNode.class), "officeCode", "P5003");
        assertThat(recorded.get("extendedBy").asText()).isEqualTo(ADMIN);
        assertThat(recorded.get("reason").asText()).isEqualTo("น้ำท่วมสำนักงานเขต");
        assertThat(recorded.get("oldDate").asText()).isEqualTo("2023-01-20");
        assertThat(recorded.get("newDate").asText()).isEqualTo("2023-02-03");
        assertThat(java.time.Instant.parse(recorded.get("extendedAt").asText()))
                .isEqualTo(LocalDateTime.of(2023, 1, 5, 14, 15).atZone(BANGKOK).toInstant());
    }

    @Test
    void aDueDateEditedOnAnEscalatedTaskClearsTheMarkRecordsWhoAndWatchesTheNewDate() {
        long cycleId = cycle(2569, "P5001");
        at(2026, 1, 19, 12, 0);
        Task task = analysisTask(startOffice(cycleId, 2569, "P5001"));
        runDeadlineJobsUntil(task, LocalDateTime.of(2026, 1, 29, 9, 0));
        assertThat(taskService.getVariableLocal(task.getId(), "escalated")).isEqualTo(true);
        assertThat(deadlineProcess(task)).as("the watch ended with the escalation").isNull();

        at(2026, 2, 2, 10, 0);
        // only administrators may change a task's due date (candidate groups get TASK_WORK, not UPDATE)
        identityService.setAuthentication(ADMIN, List.of(Groups.OBEC_ADMIN));
        try {
            Task edited = task(task);
            edited.setDueDate(Date.from(LocalDateTime.of(2026, 2, 13, 16, 30).atZone(BANGKOK).toInstant()));
            taskService.saveTask(edited);
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(taskService.getVariableLocal(task.getId(), "escalated")).as("mark cleared").isNull();
        assertThat(deadlineProcess(task)).as("watched again").isNotNull();
        JsonNode cleared = single(client(ADMIN).get().uri("/api/admin/escalations?cycleId=" + cycleId)
                .retrieve().body(JsonNode.class), "taskId", task.getId());
        assertThat(cleared.get("clearedCause").asText()).isEqualTo("DUE_DATE_EDITED");
        assertThat(cleared.get("clearedBy").asText()).isEqualTo(ADMIN);
        assertThat(java.time.Instant.parse(cleared.get("clearedAt").asText()))
                .isEqualTo(LocalDateTime.of(2026, 2, 2, 10, 0).atZone(BANGKOK).toInstant());

        runDeadlineJobsUntil(task, LocalDateTime.of(2026, 2, 24, 12, 0));
        String reviewers = Groups.reviewers(offices.find("P5001").orElseThrow().regionCode());
        assertThat(notifier.of(task.getId())).extracting(Notice::kind, Notice::step, Notice::at).containsExactly(
                tuple(NoticeKind.DUE, 0, LocalDateTime.of(2026, 1, 20, 16, 30)),
                tuple(NoticeKind.ESCALATION, 7, LocalDateTime.of(2026, 1, 29, 9, 0)),
                tuple(NoticeKind.REMINDER, 7, LocalDateTime.of(2026, 2, 4, 9, 0)),
                tuple(NoticeKind.REMINDER, 3, LocalDateTime.of(2026, 2, 10, 9, 0)),
                tuple(NoticeKind.REMINDER, 1, LocalDateTime.of(2026, 2, 12, 9, 0)),
                tuple(NoticeKind.DUE, 0, LocalDateTime.of(2026, 2, 13, 16, 30)),
                tuple(NoticeKind.ESCALATION, 7, LocalDateTime.of(2026, 2, 24, 9, 0)));
        assertThat(notifier.of(task.getId()).get(6).groups()).containsExactly(reviewers, Groups.OBEC_MONITOR);
        assertThat(taskService.getVariableLocal(task.getId(), "escalated")).as("escalated again").isEqualTo(true);
        assertThat(client(ADMIN).get().uri("/api/admin/escalations?cycleId=" + cycleId).retrieve()
                .body(JsonNode.class)).hasSize(2);
    }

    @Test
    void extendingForAllOfficesMovesEveryOfficesTaskButAnOfficeExtendedFurtherKeepsItsDate() {
        long cycleId = cycle(2567, "P5001", "P5002");
        at(2024, 1, 4, 10, 0);
        Task extendedFurther = analysisTask(startOffice(cycleId, 2567, "P5001"));
        Task following = analysisTask(startOffice(cycleId, 2567, "P5002"));
        assertThat(extend(ADMIN, cycleId, "ANALYSIS", Map.of("officeCode", "P5001", "newDate", "2024-02-20",
                "reason", "เขตประสบอุทกภัย")).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> answer = extend(ADMIN, cycleId, "ANALYSIS",
                Map.of("newDate", "2024-02-09", "reason", "เลื่อนตามมติที่ประชุมผู้บริหาร"));

        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody().has("officeCode")).as("every office").isFalse();
        assertThat(answer.getBody().get("oldDate").asText()).isEqualTo("2024-01-20");
        assertThat(answer.getBody().get("tasksMoved").asInt()).isEqualTo(1);
        assertThat(local(task(following).getDueDate())).isEqualTo(LocalDateTime.of(2024, 2, 9, 16, 30));
        assertThat(local(task(extendedFurther).getDueDate())).isEqualTo(LocalDateTime.of(2024, 2, 20, 16, 30));
        assertThat(cycles.cycle(cycleId).orElseThrow().deadlines()).containsEntry(Deadline.ANALYSIS, LocalDate.of(2024, 2, 9));
        assertThat(local(calendar.latestDueDate(cycleId, "ANALYSIS"))).isEqualTo(LocalDateTime.of(2024, 2, 20, 16, 30));
        // 7 working days before Friday 9 February 2024, and before Tuesday 20 February 2024
        assertThat(nextDeadlineTimer(following)).isEqualTo(LocalDateTime.of(2024, 1, 31, 9, 0));
        assertThat(nextDeadlineTimer(extendedFurther)).isEqualTo(LocalDateTime.of(2024, 2, 9, 9, 0));
        assertThat(client(ADMIN).get().uri("/api/admin/cycles/" + cycleId + "/deadlines/extensions")
                .retrieve().body(JsonNode.class)).extracting(item -> item.path("officeCode").asText(""))
                .containsExactly("P5001", "");
    }

    @Test
    void extendingAReviewDeadlineForOneOfficeMakesTheNationalRoundWaitForIt() {
        at(2024, 10, 7, 10, 0);
        ProcessInstance national = runtimeService.startProcessInstanceByKey("Process_NationalCycle",
                Map.of("fiscalYear", 2568, "catalogueYear", 2566, "officeCodes", "P5001,P5002"));
        Task analysis = taskService.createTaskQuery().processInstanceId(national.getId())
                .taskDefinitionKey("Task_AnalyseNationalPolicy").singleResult();
        assertThat(deadlineProcess(analysis)).as("national tasks are followed too").isNotNull();
        // signed in with their groups, as the REST filter and the webapps do: authorization is on
        identityService.setAuthentication(ADMIN, List.of(Groups.OBEC_ADMIN));
        try {
            formService.submitTaskForm(analysis.getId(), Map.of("policySummary", "นโยบายเร่งด่วน",
                    "guidanceToOffices", "ให้เขตวิเคราะห์บริบทและเลือกตัวชี้วัด"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(deadlineProcess(analysis)).isNull();
        long cycleId = ((Number) runtimeService.getVariable(national.getId(), "cycleId")).longValue();
        Job roundTimer = managementService.createJobQuery().processInstanceId(national.getId())
                .activityId("Event_MidYearReviewDeadline").singleResult();
        assertThat(local(roundTimer.getDuedate())).isEqualTo(LocalDateTime.of(2025, 5, 31, 16, 30));

        assertThat(extend(ADMIN, cycleId, "MID_YEAR_REVIEW", Map.of("officeCode", "P5002", "newDate", "2025-06-13",
                "reason", "ผู้กลั่นกรองของเขตตรวจราชการติดภารกิจ")).getStatusCode().value()).isEqualTo(201);

        assertThat(local(managementService.createJobQuery().jobId(roundTimer.getId()).singleResult().getDuedate()))
                .isEqualTo(LocalDateTime.of(2025, 6, 13, 16, 30));
    }

    @Test
    void completingATaskOrCancellingItsOfficeCycleCancelsItsReminders() {
        long cycleId = cycle(2566);
        at(2023, 1, 4, 10, 0);
        Task completed = analysisTask(startOffice(cycleId, 2566, "P5005"));
        ProcessInstance cancelledOffice = startOffice(cycleId, 2566, "P5006");
        Task cancelled = analysisTask(cancelledOffice);
        assertThat(deadlineProcess(completed)).isNotNull();
        assertThat(deadlineProcess(cancelled)).isNotNull();

        formService.submitTaskForm(completed.getId(), Map.of("participants", "ผอ.สพท. และคณะทำงาน",
                "policyLinkage", "เชื่อมโยงนโยบายกับบริบทของเขต",
                "indicatorTargets", Spin.JSON("[{\"code\":\"1\",\"chosen\":true,\"targetPercent\":80}]")));
        runtimeService.deleteProcessInstance(cancelledOffice.getId(), "ยกเลิกวงจรของเขต");

        assertThat(deadlineProcess(completed)).as("ended with the task").isNull();
        assertThat(deadlineProcess(cancelled)).as("ended with the cancelled office cycle").isNull();
        assertThat(jobs(completed).count()).isZero();
        assertThat(jobs(cancelled).count()).isZero();
        assertThat(notifier.of(completed.getId())).isEmpty();
        assertThat(notifier.of(cancelled.getId())).isEmpty();
    }

    @Test
    void refusesABadExtensionNamingTheFieldAndSavesNothing() {
        long cycleId = cycle(2566);
        int before = client(ADMIN).get().uri("/api/admin/cycles/" + cycleId + "/deadlines/extensions")
                .retrieve().body(JsonNode.class).size();

        assertRefused(extend(ADMIN, cycleId, "SUBMISSION", Map.of("newDate", "2023-02-03", "reason", "x")), "deadlineKey");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS", Map.of("newDate", "2023-01-10", "reason", "x")), "newDate");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS", Map.of("newDate", "2030-01-10", "reason", "x")), "newDate");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS", Map.of("newDate", "3 ก.พ. 2566", "reason", "x")), "newDate");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS", Map.of("reason", "x")), "newDate");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS", Map.of("newDate", "2023-02-03")), "reason");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS", Map.of("newDate", "2023-02-03", "reason", "  ")), "reason");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS",
                Map.of("officeCode", "X9999", "newDate", "2023-02-03", "reason", "x")), "officeCode");
        assertRefused(extend(ADMIN, cycleId, "ANALYSIS",
                Map.of("officeCode", "S1002", "newDate", "2023-02-03", "reason", "x")), "officeCode");
        assertRefused(extend(ADMIN, cycleId, "NATIONAL_ANALYSIS",
                Map.of("officeCode", "P5001", "newDate", "2022-11-30", "reason", "x")), "officeCode");

        assertThat(client(ADMIN).get().uri("/api/admin/cycles/" + cycleId + "/deadlines/extensions")
                .retrieve().body(JsonNode.class).size()).isEqualTo(before);
        assertThat(calendar.date(cycleId, "P5001", Deadline.ANALYSIS)).isEqualTo(LocalDate.of(2023, 1, 20));
    }

    @Test
    void onlyAdministratorsExtendDeadlinesOrSeeEscalations() {
        long cycleId = cycle(2566);

        assertThat(extend(COORDINATOR, cycleId, "ANALYSIS",
                Map.of("officeCode", "P5001", "newDate", "2023-02-03", "reason", "ขอขยาย")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(client(COORDINATOR).get().uri("/api/admin/escalations").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(client(COORDINATOR).get().uri("/api/admin/cycles/" + cycleId + "/deadlines/extensions")
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(calendar.date(cycleId, "P5001", Deadline.ANALYSIS)).isEqualTo(LocalDate.of(2023, 1, 20));
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The cycle of a fiscal year (launched once for the class): the analysis is due 20 January, the plan
     * 31 January and its approval 15 February of the year's second half.
     */
    private long cycle(int fiscalYear, String... officeCodes) {
        return CYCLES.computeIfAbsent(fiscalYear, year -> {
            int ce = year - 543;
            LinkedHashSet<String> codes = new LinkedHashSet<>(officeCodes.length > 0 ? List.of(officeCodes)
                    : List.of("P5001", "P5002", "P5003", "P5004", "P5005", "P5006"));
            CycleView cycle = cycles.register(new LaunchRequest(year, 2566, codes, Map.of(
                    Deadline.ANALYSIS, LocalDate.of(ce, 1, 20),
                    Deadline.PLAN, LocalDate.of(ce, 1, 31),
                    Deadline.PLAN_APPROVAL, LocalDate.of(ce, 2, 15))), ADMIN, null);
            return cycle.id();
        });
    }

    private ProcessInstance startOffice(long cycleId, int fiscalYear, String officeCode) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("cycleId", cycleId);
        variables.put("fiscalYear", fiscalYear);
        variables.put("officeCode", officeCode);
        return runtimeService.startProcessInstanceByKey("Process_AreaOfficeCycle",
                cycles.businessKey(cycleId, officeCode), variables);
    }

    private Task analysisTask(ProcessInstance office) {
        Task task = taskService.createTaskQuery().processInstanceId(office.getId())
                .taskDefinitionKey("Task_AnalysePolicy").singleResult();
        assertThat(task).isNotNull();
        return task;
    }

    private Task task(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).singleResult();
    }

    private ProcessInstance deadlineProcess(Task task) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("Process_TaskDeadline")
                .processInstanceBusinessKey(task.getId()).singleResult();
    }

    /**
     * The jobs of the task's deadline process: the running one, else the last one (started with the task, so it is
     * in the history; a task watched again after its escalation has had more than one).
     */
    private org.camunda.bpm.engine.runtime.JobQuery jobs(Task task) {
        ProcessInstance running = deadlineProcess(task);
        String deadlineProcessId = running != null ? running.getId() : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey("Process_TaskDeadline").processInstanceBusinessKey(task.getId())
                .orderByProcessInstanceStartTime().desc().list().get(0).getId();
        return managementService.createJobQuery().processInstanceId(deadlineProcessId);
    }

    private LocalDateTime nextDeadlineTimer(Task task) {
        Job timer = jobs(task).timers()
                .singleResult();
        return local(timer.getDuedate());
    }

    /**
     * Lives through the time up to {@code until} for the task's deadline process only, as the job executor would:
     * the clock moves to each of its timers in turn and every job of the process that is due then runs.
     */
    private void runDeadlineJobsUntil(Task task, LocalDateTime until) {
        Date target = Date.from(until.atZone(BANGKOK).toInstant());
        for (int round = 0; round < 100; round++) {
            Job timer = jobs(task).timers()
                    .orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
            if (timer == null || timer.getDuedate().after(target)) {
                break;
            }
            if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(timer.getDuedate());
            }
            runDueJobs(task);
        }
        ClockUtil.setCurrentTime(target);
        runDueJobs(task);
    }

    private void runDueJobs(Task task) {

        DueJobs.run(managementService, () -> jobs(task).executable().list(), 50);
    }

    private ResponseEntity<JsonNode> extend(String userId, long cycleId, String key, Map<String, String> body) {
        return client(userId).post().uri("/api/admin/cycles/" + cycleId + "/deadlines/" + key + "/extensions")
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode().value()).as("refused for " + field).isEqualTo(400);
        assertThat(answer.getBody().get("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().get("message").asText()).startsWith(field + ": ");
    }

    private static JsonNode single(JsonNode list, String field, String value) {
        List<JsonNode> found = new CopyOnWriteArrayList<>();
        list.forEach(item -> {
            if (item.path(field).asText().equals(value)) {
                found.add(item);
            }
        });
        assertThat(found).as(field + " = " + value).hasSize(1);
        return found.get(0);
    }

    private static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(BANGKOK).toInstant()));
    }

    private static LocalDateTime local(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), BANGKOK);
    }

    private void user(String id, String groupId) {
        TestUsers.ensure(identityService, id, PASSWORD, null, groupId);
    }

    private RestClient client(String userId) {
        String token = Base64.getEncoder().encodeToString((userId + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
