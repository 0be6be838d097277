package th.obec.apimr.deadline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An open task escalated after its grace period: to whom, when, and which deadline it missed. */
@Entity
@Table(name = "task_escalation")
class TaskEscalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private String taskId;

    @Column(name = "task_name")
    private String taskName;

    @Column(name = "task_definition_key")
    private String taskDefinitionKey;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "cycle_id")
    private Long cycleId;

    @Column(name = "office_code")
    private String officeCode;

    @Column(name = "region_code")
    private String regionCode;

    @Column(name = "deadline_key")
    private String deadlineKey;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "escalated_at", nullable = false)
    private Instant escalatedAt;

    @Column(name = "grace_days", nullable = false)
    private int graceDays;

    @Column(name = "notified_groups", nullable = false)
    private String notifiedGroups;

    protected TaskEscalation() {
    }

    TaskEscalation(String taskId, String taskName, String taskDefinitionKey, String processInstanceId, Long cycleId,
                   String officeCode, String regionCode, String deadlineKey, Instant dueAt, Instant escalatedAt,
                   int graceDays, String notifiedGroups) {
        this.taskId = taskId;
        this.taskName = taskName;
        this.taskDefinitionKey = taskDefinitionKey;
        this.processInstanceId = processInstanceId;
        this.cycleId = cycleId;
        this.officeCode = officeCode;
        this.regionCode = regionCode;
        this.deadlineKey = deadlineKey;
        this.dueAt = dueAt;
        this.escalatedAt = escalatedAt;
        this.graceDays = graceDays;
        this.notifiedGroups = notifiedGroups;
    }

    EscalationView view() {
        return new EscalationView(id, taskId, taskName, taskDefinitionKey, processInstanceId, cycleId, officeCode,
                regionCode, deadlineKey, dueAt, escalatedAt, graceDays, TaskNoticeDelegate.groups(notifiedGroups));
    }
}
