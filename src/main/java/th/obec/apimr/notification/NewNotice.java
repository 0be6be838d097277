package th.obec.apimr.notification;

import java.time.LocalDate;

/** A notification row about to be recorded under its unique key. */
record NewNotice(
        String key,
        String recipient,
        String email,
        String kind,
        int step,
        String taskId,
        String taskName,
        String processInstanceId,
        String officeCode,
        LocalDate dueDate,
        Language language,
        String subject,
        NoticeStatus status) {

    NewNotice withStatus(NoticeStatus newStatus) {
        return new NewNotice(key, recipient, email, kind, step, taskId, taskName, processInstanceId, officeCode,
                dueDate, language, subject, newStatus);
    }
}
