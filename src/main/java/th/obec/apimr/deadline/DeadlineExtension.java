package th.obec.apimr.deadline;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrator moved a deadline of a running cycle, for one office or (office null) for all of them. */
@Entity
@Table(name = "deadline_extension")
class DeadlineExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Column(name = "deadline_key", nullable = false)
    private String deadlineKey;

    @Column(name = "office_code")
    private String officeCode;

    @Column(name = "old_date", nullable = false)
    private LocalDate oldDate;

    @Column(name = "new_date", nullable = false)
    private LocalDate newDate;

    @Column(nullable = false)
    private String reason;

    @Column(name = "extended_by", nullable = false)
    private String extendedBy;

    @Column(name = "extended_at", nullable = false)
    private Instant extendedAt;

    @Column(name = "tasks_moved", nullable = false)
    private int tasksMoved;

    protected DeadlineExtension() {
    }

    DeadlineExtension(Long cycleId, String deadlineKey, String officeCode, LocalDate oldDate, LocalDate newDate,
                      String reason, String extendedBy, Instant extendedAt, int tasksMoved) {
        this.cycleId = cycleId;
        this.deadlineKey = deadlineKey;
        this.officeCode = officeCode;
        this.oldDate = oldDate;
        this.newDate = newDate;
        this.reason = reason;
        this.extendedBy = extendedBy;
        this.extendedAt = extendedAt;
        this.tasksMoved = tasksMoved;
    }

    ExtensionView view() {
        return new ExtensionView(id, cycleId, deadlineKey, officeCode, oldDate, newDate, reason, extendedBy,
                extendedAt, tasksMoved);
    }
}
