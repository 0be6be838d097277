package th.obec.apimr.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records each change to the offices' and OBEC's cycle data (who, when, which entity, before and after as JSON)
 * in {@code audit_entry}, inside the transaction of the change: the services that save analyses, plans,
 * implementation records, indicator reports, compilations and reflections call it; a change that rolls back
 * leaves no entry. Reads the trail for administrators and offices.
 */
@Service
public class AuditTrail {

    /** Most entries one read returns. */
    public static final int MAX_LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditTrail(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a change to an office's data; the office and cycle are those of the office cycle.
     *
     * @param before the entity as it was (null when it is new), anything Jackson writes as JSON
     * @param after  the entity as it is now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void officeChange(String entityType, Object entityId, String action, Long officeCycleId,
                             Object before, Object after, String actor, Instant at) {
        Map<String, Object> officeCycle = jdbc.queryForMap(
                "select office_code, cycle_id from office_cycle where id = ?", officeCycleId);
        insert(entityType, entityId, action, (String) officeCycle.get("office_code"),
                ((Number) officeCycle.get("cycle_id")).longValue(), before, after, actor, at);
    }

    /** Records a change to OBEC's national data of a cycle (no office). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void nationalChange(String entityType, Object entityId, String action, Long cycleId,
                               Object before, Object after, String actor, Instant at) {
        insert(entityType, entityId, action, null, cycleId, before, after, actor, at);
    }

    /** Entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> find(AuditFilter filter) {
        StringBuilder sql = new StringBuilder("select id, recorded_at, actor, entity_type, entity_id, action,"
                + " office_code, cycle_id, before_json, after_json from audit_entry where 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(sql, args, "office_code = ?", filter.officeCode());
        condition(sql, args, "entity_type = ?", filter.entityType());
        condition(sql, args, "entity_id = ?", filter.entityId());
        condition(sql, args, "actor = ?", filter.actor());
        condition(sql, args, "cycle_id = ?", filter.cycleId());
        condition(sql, args, "recorded_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, args, "recorded_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        sql.append(" order by recorded_at desc, id desc");
        sql.append(" fetch first ").append(filter.limit()).append(" rows only");
        return jdbc.query(sql.toString(), (rs, row) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("action"), rs.getString("office_code"),
                (Long) rs.getObject("cycle_id", Long.class), read(rs.getString("before_json")),
                read(rs.getString("after_json"))), args.toArray());
    }

    private void insert(String entityType, Object entityId, String action, String officeCode, Long cycleId,
                        Object before, Object after, String actor, Instant at) {
        jdbc.update("insert into audit_entry (recorded_at, actor, entity_type, entity_id, action, office_code,"
                        + " cycle_id, before_json, after_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(at), actor, entityType, String.valueOf(entityId), action, officeCode, cycleId,
                before == null ? null : write(before), write(after));
    }

    private static void condition(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the audit snapshot as JSON", e);
        }
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry is not JSON", e);
        }
    }
}
