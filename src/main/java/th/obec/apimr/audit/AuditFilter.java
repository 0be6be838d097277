package th.obec.apimr.audit;

import java.time.Instant;

/** Which entries to read; null means any. {@code from} inclusive, {@code to} exclusive; at most {@code limit}. */
public record AuditFilter(String officeCode, String entityType, String entityId, String actor, Long cycleId,
                          Instant from, Instant to, int limit) {

    public AuditFilter {
        if (limit < 1 || limit > AuditTrail.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + AuditTrail.MAX_LIMIT);
        }
    }

    public AuditFilter forOffice(String code) {
        return new AuditFilter(code, entityType, entityId, actor, cycleId, from, to, limit);
    }
}
