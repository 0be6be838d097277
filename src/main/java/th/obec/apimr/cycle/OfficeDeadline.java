package th.obec.apimr.cycle;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One office's own date for a deadline of a cycle, after an administrator extended it for that office. */
@Entity
@Table(name = "office_deadline")
@IdClass(OfficeDeadline.Key.class)
class OfficeDeadline {

    @Id
    @Column(name = "cycle_id")
    private Long cycleId;

    @Id
    @Column(name = "office_code")
    private String officeCode;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_key")
    private Deadline deadline;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    protected OfficeDeadline() {
    }

    OfficeDeadline(Long cycleId, String officeCode, Deadline deadline, LocalDate dueDate) {
        this.cycleId = cycleId;
        this.officeCode = officeCode;
        this.deadline = deadline;
        this.dueDate = dueDate;
    }

    String getOfficeCode() {
        return officeCode;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    void move(LocalDate date) {
        this.dueDate = date;
    }

    static class Key implements Serializable {
        private Long cycleId;
        private String officeCode;
        private Deadline deadline;

        Key() {
        }

        Key(Long cycleId, String officeCode, Deadline deadline) {
            this.cycleId = cycleId;
            this.officeCode = officeCode;
            this.deadline = deadline;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(cycleId, key.cycleId)
                    && Objects.equals(officeCode, key.officeCode) && deadline == key.deadline;
        }

        @Override
        public int hashCode() {
            return Objects.hash(cycleId, officeCode, deadline);
        }
    }
}
