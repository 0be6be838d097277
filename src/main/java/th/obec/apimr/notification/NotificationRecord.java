package th.obec.apimr.notification;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One recorded notification as administrators see it ({@code GET /api/admin/notifications}). */
public record NotificationRecord(
        long id,
        String recipient,
        String email,
        String kind,
        int step,
        String taskId,
        String taskName,
        String processInstanceId,
        String officeCode,
        LocalDate dueDate,
        String language,
        String subject,
        NoticeStatus status,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        Long digestId) {
}
