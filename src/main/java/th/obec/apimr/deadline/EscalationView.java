package th.obec.apimr.deadline;

import java.time.Instant;
import java.util.List;

/**
 * An escalated task as administrators see it ({@code GET /api/admin/escalations}). {@code clearedAt},
 * {@code clearedBy}, {@code clearedCause} ({@code EXTENSION} or {@code DUE_DATE_EDITED}) and {@code newDueAt} are
 * set once the task's deadline moved ahead again and the mark was cleared.
 */
record EscalationView(Long id, String taskId, String taskName, String taskDefinitionKey, String processInstanceId,
                      Long cycleId, String officeCode, String regionCode, String deadlineKey, Instant dueAt,
                      Instant escalatedAt, int graceDays, List<String> notifiedGroups, Instant clearedAt,
                      String clearedBy, String clearedCause, Instant newDueAt) {
}
