package th.obec.apimr.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private long insert(NewNotice notice, Instant now) {
        MapSqlParameterSource row = new MapSqlParameterSource()
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
        jdbc.update("INSERT INTO notification (notice_key, recipient, email, kind, step, task_id, task_name, "
                + "process_instance_id, office_code, due_date, language, subject, status, attempts, created_at) "
                + "VALUES (:key, :recipient, :email, :kind, :step, :taskId, :taskName, :processInstanceId, "
                + ":officeCode, :dueDate, :language, :subject, :status, 0, :createdAt)", row);
        return id(notice.key()).orElseThrow();
    }

    /**
     * Claims the notice for sending: a conditional update that succeeds for exactly one caller when the notice is
     * {@code PENDING} or {@code FAILED}, or {@code SENDING} under a claim older than {@code staleAfter} (its run
     * crashed or outlived its job lock). Counts the attempt.
     *
     * @return the claim's token, empty when the notice is sent, being sent by a fresh claim, or not sendable
     */
    Optional<String> claim(String key, Instant now, Duration staleAfter) {
        String token = UUID.randomUUID().toString();
        Integer updated = ownTransaction.execute(status -> jdbc.update(
                "UPDATE notification SET status = 'SENDING', claim_token = :token, claimed_at = :now, "
                        + "attempts = attempts + 1 WHERE notice_key = :key AND (status IN ('PENDING', 'FAILED') "
                        + "OR (status = 'SENDING' AND claimed_at < :stale))",
                new MapSqlParameterSource("token", token).addValue("now", utc(now)).addValue("key", key)
                        .addValue("stale", utc(now.minus(staleAfter)))));
        return updated != null && updated == 1 ? Optional.of(token) : Optional.empty();
    }

    /**
     * Marks a claimed notice sent, and runs {@code alsoInTheSameTransaction} (a digest marks its notices) in the
     * same transaction. False when the claim was taken over meanwhile.
     */
    boolean markSent(String key, String token, Instant now, Consumer<Long> alsoInTheSameTransaction) {
        Boolean marked = ownTransaction.execute(status -> {
            int updated = jdbc.update("UPDATE notification SET status = 'SENT', sent_at = :now, last_error = NULL, "
                            + "claim_token = NULL WHERE notice_key = :key AND claim_token = :token",
                    new MapSqlParameterSource("now", utc(now)).addValue("key", key).addValue("token", token));
            if (updated == 1) {
                alsoInTheSameTransaction.accept(id(key).orElseThrow());
            }
            return updated == 1;
        });
        return Boolean.TRUE.equals(marked);
    }

    /** Gives a claimed notice back as {@code FAILED} with the error, for the next run to try again. */
    void markFailed(String key, String token, String error) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE notification SET status = 'FAILED', last_error = :error, claim_token = NULL "
                        + "WHERE notice_key = :key AND claim_token = :token",
                new MapSqlParameterSource("error", truncate(error, MAX_ERROR)).addValue("key", key)
                        .addValue("token", token)));
    }

    /** A notice waiting to be sent when no SMTP server is configured any more is recorded only. */
    void markRecordedOnly(String key) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE notification SET status = 'RECORDED_ONLY', claim_token = NULL "
                        + "WHERE notice_key = :key AND status IN ('PENDING', 'FAILED')",
                new MapSqlParameterSource("key", key)));
    }

    Optional<NoticeStatus> status(String key) {
        return jdbc.query("SELECT status FROM notification WHERE notice_key = :key",
                new MapSqlParameterSource("key", key),
                (rs, n) -> NoticeStatus.valueOf(rs.getString(1))).stream().findFirst();
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
