package th.obec.apimr.implementation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** How far one project of the approved plan had come at one implementation record. */
@Entity
@Table(name = "project_progress")
class ProjectProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id", updatable = false)
    private ImplementationRecord record;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "sort_order", nullable = false, updatable = false)
    private int sortOrder;

    @Column(name = "progress_percent", nullable = false, updatable = false)
    private int progressPercent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private ProgressStatus status;

    @Column(length = 300, updatable = false)
    private String note;

    protected ProjectProgress() {
    }

    ProjectProgress(ImplementationRecord record, int sortOrder, ImplementationInput.Progress input) {
        this.record = record;
        this.sortOrder = sortOrder;
        this.projectId = input.projectId();
        this.progressPercent = input.progressPercent();
        this.status = input.status();
        this.note = input.note();
    }

    Long getProjectId() {
        return projectId;
    }

    int getSortOrder() {
        return sortOrder;
    }

    int getProgressPercent() {
        return progressPercent;
    }

    ProgressStatus getStatus() {
        return status;
    }

    String getNote() {
        return note;
    }
}
