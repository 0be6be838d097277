package th.obec.apimr.deadline;

import java.time.Instant;
import java.util.List;

/** An escalated task as administrators see it ({@code GET /api/admin/escalations}). */
record EscalationView(Long id, String taskId, String taskName, String taskDefinitionKey, String processInstanceId,
                      Long cycleId, String officeCode, String regionCode, String deadlineKey, Instant dueAt,
                      Instant escalatedAt, int graceDays, List<String> notifiedGroups) {
}
