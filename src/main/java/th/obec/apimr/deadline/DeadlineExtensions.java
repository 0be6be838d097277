package th.obec.apimr.deadline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import th.obec.apimr.cycle.CycleCalendar;
import th.obec.apimr.cycle.CycleService;
import th.obec.apimr.cycle.CycleView;
import th.obec.apimr.cycle.Deadline;
import th.obec.apimr.office.OfficeService;
import th.obec.apimr.system.TaskContext;
import th.obec.apimr.system.ThaiFormats;
import th.obec.apimr.task.FormValidationException;

/**
 * Extends a deadline of a running cycle for one office or for all, and moves what depends on it in the same
 * transaction: the open tasks' due dates, their pending reminders and escalations (Process_TaskDeadline plans
 * again on {@code DeadlineChanged}) and the national round timer of a review deadline. Every extension is recorded.
 */
@Service
class DeadlineExtensions {

    static final String FIELD_DEADLINE_KEY = "deadlineKey";
    static final String FIELD_OFFICE_CODE = "officeCode";
    static final String FIELD_NEW_DATE = "newDate";
    static final String FIELD_REASON = "reason";
    static final String FIELD_CYCLE_ID = "cycleId";
    static final int REASON_LIMIT = 1000;

    /** OBEC's own deadlines: they have no office of their own to extend them for. */
    static final Set<Deadline> NATIONAL = EnumSet.of(Deadline.NATIONAL_ANALYSIS, Deadline.MID_YEAR_COMPILE,
            Deadline.ANNUAL_COMPILE, Deadline.NATIONAL_REFLECTION);

    /** The national process's timers that wait for a review deadline of every office. */
    static final Map<Deadline, String> ROUND_TIMERS = Map.of(
            Deadline.MID_YEAR_REVIEW, "Event_MidYearReviewDeadline",
            Deadline.ANNUAL_REVIEW, "Event_AnnualReviewDeadline");

    private final CycleService cycles;
    private final CycleCalendar calendar;
    private final OfficeService offices;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskDeadlines taskDeadlines;
    private final DeadlineExtensionRepository extensions;
    private final TaskEscalationRepository escalations;

    DeadlineExtensions(CycleService cycles, CycleCalendar calendar, OfficeService offices, TaskService taskService,
                       RuntimeService runtimeService, ManagementService managementService,
                       TaskDeadlines taskDeadlines, DeadlineExtensionRepository extensions,
                       TaskEscalationRepository escalations) {
        this.cycles = cycles;
        this.calendar = calendar;
        this.offices = offices;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskDeadlines = taskDeadlines;
        this.extensions = extensions;
        this.escalations = escalations;
    }

    /** What an administrator asks for; {@code officeCode} null or blank means every office. */
    record Request(String officeCode, String newDate, String reason) {
    }

    @Transactional
    ExtensionView extend(Long cycleId, String deadlineKey, Request request, String userId) {
        Deadline deadline = deadline(deadlineKey);
        CycleView cycle = runningCycle(cycleId);
        String officeCode = officeCode(cycle, deadline, request.officeCode());
        LocalDate newDate = newDate(cycle, request.newDate());
        LocalDate oldDate = calendar.date(cycleId, officeCode, deadline);
        if (!newDate.isAfter(oldDate)) {
            throw new FormValidationException(FIELD_NEW_DATE,
                    "ต้องหลังกำหนดเดิม " + ThaiFormats.date(oldDate),
                    "must be after the current date " + oldDate);
        }
        String reason = reason(request.reason());

        calendar.move(cycleId, officeCode, deadline, newDate);
        int moved = moveOpenTasks(cycleId, officeCode, deadline);
        moveRoundTimer(cycle, deadline);
        return extensions.save(new DeadlineExtension(cycleId, deadline.name(), officeCode, oldDate, newDate, reason,
                userId, TaskContext.now(), moved)).view();
    }

    @Transactional(readOnly = true)
    List<ExtensionView> extensions(Long cycleId, String deadlineKey) {
        runningOrClosedCycle(cycleId);
        if (deadlineKey == null) {
            return extensions.findByCycleIdOrderByExtendedAtAscIdAsc(cycleId).stream()
                    .map(DeadlineExtension::view).toList();
        }
        return extensions.findByCycleIdAndDeadlineKeyOrderByExtendedAtAscIdAsc(cycleId, deadline(deadlineKey).name())
                .stream().map(DeadlineExtension::view).toList();
    }

    @Transactional(readOnly = true)
    List<EscalationView> escalations(Long cycleId) {
        List<TaskEscalation> found = cycleId == null ? escalations.findAllByOrderByEscalatedAtAscIdAsc()
                : escalations.findByCycleIdOrderByEscalatedAtAscIdAsc(cycleId);
        return found.stream().map(TaskEscalation::view).toList();
    }

    /** Each open task of the deadline (of the office, or of every office) gets its office's new due moment. */
    private int moveOpenTasks(Long cycleId, String officeCode, Deadline deadline) {
        TaskQuery query = taskService.createTaskQuery()
                .taskVariableValueEquals(DeadlineVariables.DEADLINE_KEY, deadline.name())
                .processVariableValueEquals(DeadlineVariables.CYCLE_ID, cycleId);
        if (officeCode != null) {
            query.processVariableValueEquals(DeadlineVariables.OFFICE_CODE, officeCode);
        }
        int moved = 0;
        for (Task task : query.list()) {
            Object taskOffice = runtimeService.getVariable(task.getExecutionId(), DeadlineVariables.OFFICE_CODE);
            Date due = calendar.dueDate(cycleId, taskOffice == null ? null : taskOffice.toString(), deadline.name());
            if (due.equals(task.getDueDate())) {
                continue;
            }
            task.setDueDate(due);
            taskService.saveTask(task);
            taskDeadlines.moved(task.getId(), due);
            moved++;
        }
        return moved;
    }

    private void moveRoundTimer(CycleView cycle, Deadline deadline) {
        String timer = ROUND_TIMERS.get(deadline);
        if (timer == null || cycle.processInstanceId() == null) {
            return;
        }
        Date latest = calendar.latestDueDate(cycle.id(), deadline.name());
        for (Job job : managementService.createJobQuery().processInstanceId(cycle.processInstanceId())
                .activityId(timer).timers().list()) {
            managementService.setJobDuedate(job.getId(), latest);
        }
    }

    private static Deadline deadline(String key) {
        try {
            return Deadline.valueOf(key == null ? "" : key.trim());
        } catch (IllegalArgumentException e) {
            throw new FormValidationException(FIELD_DEADLINE_KEY, "ไม่รู้จักกำหนดส่ง " + key,
                    "unknown deadline key " + key + " (one of " + List.of(Deadline.values()) + ")");
        }
    }

    private CycleView runningOrClosedCycle(Long cycleId) {
        return cycles.cycle(cycleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "ไม่พบวงจร " + cycleId + " (no cycle " + cycleId + ")"));
    }

    private CycleView runningCycle(Long cycleId) {
        CycleView cycle = runningOrClosedCycle(cycleId);
        if (!"RUNNING".equals(cycle.status())) {
            throw new FormValidationException(FIELD_CYCLE_ID, "วงจรนี้ปิดแล้ว ขยายกำหนดไม่ได้",
                    "cycle " + cycleId + " is closed");
        }
        return cycle;
    }

    private String officeCode(CycleView cycle, Deadline deadline, String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String code = requested.trim().toUpperCase(java.util.Locale.ROOT);
        if (offices.find(code).isEmpty()) {
            throw new FormValidationException(FIELD_OFFICE_CODE, "ไม่พบรหัสเขตพื้นที่ " + code,
                    "unknown office code " + code);
        }
        if (!cycles.officeCodes(cycle.id()).contains(code)) {
            throw new FormValidationException(FIELD_OFFICE_CODE, "เขตพื้นที่ " + code + " ไม่ได้อยู่ในวงจรนี้",
                    "office " + code + " does not take part in cycle " + cycle.id());
        }
        if (NATIONAL.contains(deadline)) {
            throw new FormValidationException(FIELD_OFFICE_CODE,
                    "กำหนดส่ง " + deadline.name() + " เป็นงานระดับชาติ ขยายให้รายเขตไม่ได้",
                    deadline.name() + " is OBEC's own deadline, not an office's");
        }
        return code;
    }

    private static LocalDate newDate(CycleView cycle, String text) {
        if (text == null || text.isBlank()) {
            throw new FormValidationException(FIELD_NEW_DATE, "ต้องระบุวันที่ใหม่", "required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new FormValidationException(FIELD_NEW_DATE, "ต้องเป็นวันที่รูปแบบ YYYY-MM-DD",
                    "not a date YYYY-MM-DD: " + text);
        }
        LocalDate earliest = CycleCalendar.earliestDate(cycle.fiscalYear());
        LocalDate latest = CycleCalendar.latestDate(cycle.fiscalYear());
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw new FormValidationException(FIELD_NEW_DATE,
                    "วันที่อยู่นอกช่วงปีงบประมาณ " + cycle.fiscalYear() + " (" + ThaiFormats.date(earliest) + " ถึง "
                            + ThaiFormats.date(latest) + ")",
                    "date outside fiscal year " + cycle.fiscalYear() + " (" + earliest + " to " + latest + ")");
        }
        return date;
    }

    private static String reason(String text) {
        if (text == null || text.isBlank()) {
            throw new FormValidationException(FIELD_REASON, "ต้องระบุเหตุผลของการขยายกำหนด", "required");
        }
        if (text.trim().length() > REASON_LIMIT) {
            throw new FormValidationException(FIELD_REASON, "ยาวเกิน " + REASON_LIMIT + " ตัวอักษร",
                    "longer than " + REASON_LIMIT + " characters");
        }
        return text.trim();
    }
}
