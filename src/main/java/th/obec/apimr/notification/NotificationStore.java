package th.obec.apimr.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification} table. Every write runs in a transaction of its own ({@code REQUIRES_NEW}) and is
 * committed before the method returns, whatever transaction the caller is in: a job that fails after an email
 * went out rolls back its own work, never the record that the email was sent.
 */
@Component
class NotificationStore {

    static final int MAX_ERROR = 1000;

    private static final String COLUMNS = "id, recipient, email, kind, step, task_id, task_name, process_instance_id, "
            + "office_code, due_date, language, subject, status, attempts, last_error, created_at, sent_at, digest_id";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    NotificationStore(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the notice unless its key is recorded already; true when this call recorded it. */
    boolean insertIfAbsent(NewNotice notice, Instant now) {
        try {
            ownTransaction.executeWithoutResult(status -> insert(notice, now));
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        } catch (DataAccessException conflict) {
            // A concurrent insert of the same key may surface as a lock conflict rather than a duplicate key.
            if (id(notice.key()).isPresent()) {
                return false;
            }
            throw conflict;
        }
    }

    /**
     * Records the notices whose keys are not recorded yet, in one transaction: one look-up of the keys, then one
     * batch of inserts in key order. When a concurrent run recorded one of them meanwhile (its insert fails on the
     * unique key and rolls the batch back), each notice is recorded on its own as {@link #insertIfAbsent} does.
     */
    void insertAllIfAbsent(List<NewNotice> notices, Instant now) {
        if (notices.isEmpty()) {
            return;
        }
        List<NewNotice> sorted = notices.stream().sorted(Comparator.comparing(NewNotice::key)).toList();
        try {
            ownTransaction.executeWithoutResult(status -> {
                Set<String> recorded = new HashSet<>(jdbc.queryForList(
                        "SELECT notice_key FROM notification WHERE notice_key IN (:keys)",
                        new MapSqlParameterSource("keys", sorted.stream().map(NewNotice::key).toList()),
                        String.class));
                SqlParameterSource[] rows = sorted.stream().filter(notice -> !recorded.contains(notice.key()))
                        .map(notice -> row(notice, now)).toArray(SqlParameterSource[]::new);
                if (rows.length > 0) {
                    jdbc.batchUpdate(INSERT, rows);
                }
            });
        } catch (DataAccessException recordedByAConcurrentRun) {
            sorted.forEach(notice -> insertIfAbsent(notice, now));
        }
    }

    /** Wins a notice for one caller: {@code PENDING}, {@code FAILED} or claimed longer ago than {@code :stale}. */
    private static final String CLAIM = "UPDATE notification SET status = 'SENDING', claim_token = :token, "
            + "claimed_at = :now, attempts = attempts + 1 WHERE notice_key = :key AND (status IN ('PENDING', "
            + "'FAILED') OR (status = 'SENDING' AND claimed_at < :stale))";

    /** Settles a claimed notice, provided the claim is still the caller's. */
    private static final String MARK_SENT = "UPDATE notification SET status = 'SENT', sent_at = :now, "
            + "last_error = NULL, claim_token = NULL WHERE notice_key = :key AND claim_token = :token";
    private static final String MARK_FAILED = "UPDATE notification SET status = 'FAILED', last_error = :error, "
            + "claim_token = NULL WHERE notice_key = :key AND claim_token = :token";

    private static final String INSERT = "INSERT INTO notification (notice_key, recipient, email, kind, step, "
            + "task_id, task_name, process_instance_id, office_code, due_date, language, subject, status, attempts, "
            + "created_at) VALUES (:key, :recipient, :email, :kind, :step, :taskId, :taskName, :processInstanceId, "
            + ":officeCode, :dueDate, :language, :subject, :status, 0, :createdAt)";

    private long insert(NewNotice notice, Instant now) {
        jdbc.update(INSERT, row(notice, now));
        return id(notice.key()).orElseThrow();
    }

    private static MapSqlParameterSource row(NewNotice notice, Instant now) {
        return new MapSqlParameterSource()
                .addValue("key", notice.key())
                .addValue("recipient", notice.recipient())
                .addValue("email", notice.email())
                .addValue("kind", notice.kind())
                .addValue("step", notice.step())
                .addValue("taskId", notice.taskId())
                .addValue("taskName", truncate(notice.taskName(), 300))
                .addValue("processInstanceId", notice.processInstanceId())
                .addValue("officeCode", notice.officeCode())
                .addValue("dueDate", notice.dueDate())
                .addValue("language", notice.language().code())
                .addValue("subject", truncate(notice.subject(), 500))
                .addValue("status", notice.status().name())
                .addValue("createdAt", utc(now));
    }

    /**
     * Claims the notices for sending in one transaction, under one token: for each key, in key order (so that
     * concurrent claimers lock the rows in the same order), a conditional update that succeeds for exactly one
     * caller when the notice is {@code PENDING} or {@code FAILED}, or {@code SENDING} under a claim older than
     * {@code staleAfter} (its run crashed or outlived its job lock). Counts an attempt on each notice claimed.
     *
     * @return the token and the keys it claimed (none when every notice is sent, freshly claimed or not sendable)
     */
    Claim claimAll(Collection<String> keys, Instant now, Duration staleAfter) {
        String token = UUID.randomUUID().toString();
        if (keys.isEmpty()) {
            return new Claim(token, Set.of());
        }
        List<String> sorted = keys.stream().distinct().sorted().toList();
        Set<String> claimed = ownTransaction.execute(status -> {
            jdbc.batchUpdate(CLAIM,
                    sorted.stream().map(key -> new MapSqlParameterSource("token", token).addValue("now", utc(now))
                            .addValue("key", key).addValue("stale", utc(now.minus(staleAfter))))
                            .toArray(SqlParameterSource[]::new));
            // The rows now carrying the token, read in the claiming transaction (drivers need not count batches).
            return new HashSet<>(jdbc.queryForList("SELECT notice_key FROM notification WHERE notice_key IN (:keys) "
                    + "AND claim_token = :token", new MapSqlParameterSource("keys", sorted).addValue("token", token),
                    String.class));
        });
        return new Claim(token, claimed == null ? Set.of() : claimed);
    }

    /** The token of a {@link #claimAll} and the keys it claimed. */
    record Claim(String token, Set<String> keys) {
        Claim {
            keys = Set.copyOf(keys);
        }
    }

    /**
     * Settles claimed notices in one transaction: {@code SENT} for {@code sent}, {@code FAILED} with the error for
     * {@code failed}, each provided the claim token is still {@code token}. For each notice marked sent,
     * {@code alsoForEachSent} runs in the same transaction with its key and id (a digest marks the notices it
     * lists); {@code null} for none.
     *
     * @return the sent keys whose claim had been taken over meanwhile (left as the other run set them)
     */
    Set<String> settleAll(String token, Collection<String> sent, Map<String, String> failed, Instant now,
                          BiConsumer<String, Long> alsoForEachSent) {
        if (sent.isEmpty() && failed.isEmpty()) {
            return Set.of();
        }
        List<String> sentKeys = sent.stream().sorted().toList();
        Set<String> takenOver = ownTransaction.execute(status -> {
            Set<String> lost = new HashSet<>();
            if (!sentKeys.isEmpty()) {
                int[] updated = jdbc.batchUpdate(MARK_SENT,
                        sentKeys.stream().map(key -> new MapSqlParameterSource("now", utc(now)).addValue("key", key)
                                .addValue("token", token)).toArray(SqlParameterSource[]::new));
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 0) {
                        lost.add(sentKeys.get(i));
                    } else if (alsoForEachSent != null) {
                        alsoForEachSent.accept(sentKeys.get(i), id(sentKeys.get(i)).orElseThrow());
                    }
                }
            }
            if (!failed.isEmpty()) {
                jdbc.batchUpdate(MARK_FAILED,
                        new TreeMap<>(failed).entrySet().stream().map(entry -> new MapSqlParameterSource("error",
                                        truncate(entry.getValue(), MAX_ERROR)).addValue("key", entry.getKey())
                                .addValue("token", token)).toArray(SqlParameterSource[]::new));
            }
            return lost;
        });
        return takenOver == null ? Set.of() : takenOver;
    }

    /** Notices waiting to be sent when no SMTP server is configured any more are recorded only. */
    void markAllRecordedOnly(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE notification SET status = 'RECORDED_ONLY', claim_token = NULL "
                        + "WHERE notice_key IN (:keys) AND status IN ('PENDING', 'FAILED')",
                new MapSqlParameterSource("keys", List.copyOf(keys))));
    }

    /** The statuses of the recorded notices among {@code keys}, by key. */
    Map<String, NoticeStatus> statuses(Collection<String> keys) {
        Map<String, NoticeStatus> statuses = new HashMap<>();
        if (keys.isEmpty()) {
            return statuses;
        }
        jdbc.query("SELECT notice_key, status FROM notification WHERE notice_key IN (:keys)",
                new MapSqlParameterSource("keys", List.copyOf(keys)),
                rs -> {
                    statuses.put(rs.getString(1), NoticeStatus.valueOf(rs.getString(2)));
                });
        return statuses;
    }

    /** Users with notices waiting for their digest, by user id. */
    List<String> recipientsWithQueuedNotices() {
        return jdbc.queryForList("SELECT DISTINCT recipient FROM notification WHERE status = 'QUEUED_FOR_DIGEST' "
                + "ORDER BY recipient", new MapSqlParameterSource(), String.class);
    }

    /** The notices waiting for one user's digest, oldest first. */
    List<NotificationRecord> queuedFor(String recipient) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE recipient = :recipient "
                        + "AND status = 'QUEUED_FOR_DIGEST' ORDER BY created_at, id",
                new MapSqlParameterSource("recipient", recipient), ROW);
    }

    /** Sets queued notices to a final status, linked to the digest that carried them (or null). */
    void settleQueued(List<Long> ids, NoticeStatus status, Long digestId) {
        if (ids.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> settleQueuedInCurrentTransaction(ids, status, digestId));
    }

    void settleQueuedInCurrentTransaction(List<Long> ids, NoticeStatus status, Long digestId) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE notification SET status = :status, digest_id = :digestId "
                        + "WHERE id IN (:ids) AND status = 'QUEUED_FOR_DIGEST'",
                new MapSqlParameterSource("status", status.name()).addValue("digestId", digestId)
                        .addValue("ids", ids));
    }

    /** Records a digest that is not sent (no SMTP server, no email) and settles its notices, in one transaction. */
    boolean recordDigestNotSent(NewNotice digest, Instant now, List<Long> queuedIds, NoticeStatus noticesStatus) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                long digestId = insert(digest, now);
                settleQueuedInCurrentTransaction(queuedIds, noticesStatus, digestId);
            });
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /** Newest first, filtered by whichever of the criteria are given. */
    NotificationPage page(NoticeStatus status, String recipient, String taskId, String officeCode, int page,
                          int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (status != null) {
            where.append(" AND status = :status");
            parameters.addValue("status", status.name());
        }
        if (recipient != null) {
            where.append(" AND recipient = :recipient");
            parameters.addValue("recipient", recipient);
        }
        if (taskId != null) {
            where.append(" AND task_id = :taskId");
            parameters.addValue("taskId", taskId);
        }
        if (officeCode != null) {
            where.append(" AND office_code = :officeCode");
            parameters.addValue("officeCode", officeCode);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM notification" + where, parameters, Long.class);
        parameters.addValue("limit", size).addValue("offset", (long) page * size);
        List<NotificationRecord> items = jdbc.query("SELECT " + COLUMNS + " FROM notification" + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset", parameters, ROW);
        return new NotificationPage(items, page, size, total == null ? 0 : total);
    }

    Optional<NotificationRecord> find(String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE notice_key = :key",
                new MapSqlParameterSource("key", key), ROW).stream().findFirst();
    }

    private Optional<Long> id(String key) {
        return jdbc.queryForList("SELECT id FROM notification WHERE notice_key = :key",
                new MapSqlParameterSource("key", key), Long.class).stream().findFirst();
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final RowMapper<NotificationRecord> ROW = NotificationStore::row;

    private static NotificationRecord row(ResultSet rs, int rowNumber) throws SQLException {
        long digestId = rs.getLong("digest_id");
        Long digest = rs.wasNull() ? null : digestId;
        return new NotificationRecord(rs.getLong("id"), rs.getString("recipient"), rs.getString("email"),
                rs.getString("kind"), rs.getInt("step"), rs.getString("task_id"), rs.getString("task_name"),
                rs.getString("process_instance_id"), rs.getString("office_code"),
                rs.getObject("due_date", LocalDate.class), rs.getString("language"), rs.getString("subject"),
                NoticeStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                digest);
    }

    /** One page of the newest notifications. */
    record NotificationPage(List<NotificationRecord> items, int page, int size, long total) {
        NotificationPage {
            items = new ArrayList<>(items);
        }
    }
}
