package th.obec.apimr.audit;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One recorded change: who changed which entity when, and its state before (null when new) and after. */
public record AuditEntry(long id, Instant at, String actor, String entityType, String entityId, String action,
                         String officeCode, Long cycleId, JsonNode before, JsonNode after) {
}
