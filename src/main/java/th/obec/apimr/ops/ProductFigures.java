package th.obec.apimr.ops;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import th.obec.apimr.notification.NoticeStatus;

/**
 * The figures behind the product's gauges ({@link ProductMetrics}) and the job executor's health details, read from
 * the database in a handful of grouped counts and kept for {@code apimr.metrics.refresh} (30 s): however often
 * Prometheus (or several of them, or the health check) asks, the database answers at most once per interval. Read
 * lazily on the first request after the interval, so a node nobody scrapes never queries.
 *
 * <p>"Now" for overdue tasks and due jobs is the engine's clock, as for the Tasklist filter "เกินกำหนด" and the job
 * executor. When the database does not answer, {@link #current()} is empty (the gauges then read NaN) until the next
 * interval; the {@code db} health component says why.
 */
@Component
class ProductFigures {

    /** One reading of the database. Maps are keyed by step letter (A, P, I, M, R) and by notification status. */
    record Snapshot(Instant readAt, long cyclesRunning, long officeCyclesRunning, Map<String, Long> openTasks,
                    Map<String, Long> overdueTasks, Map<NoticeStatus, Long> notifications, long executableJobs,
                    long failedJobs, long openIncidents) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProductFigures.class);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final long refreshNanos;
    private final LongSupplier nanoTime;

    private Snapshot last;
    private long lastReadNanos;
    private boolean read;

    @Autowired
    ProductFigures(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime,
                   @Value("${apimr.metrics.refresh:PT30S}") Duration refresh) {
        this(jdbc, management, runtime, refresh, System::nanoTime);
    }

    ProductFigures(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime, Duration refresh,
                   LongSupplier nanoTime) {
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("apimr.metrics.refresh must not be negative: " + refresh);
        }
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.refreshNanos = refresh.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The latest figures, read again when older than the refresh interval; empty while the database fails. */
    synchronized Optional<Snapshot> current() {
        long now = nanoTime.getAsLong();
        if (!read || now - lastReadNanos >= refreshNanos) {
            last = readOrNull();
            lastReadNanos = now;
            read = true;
        }
        return Optional.ofNullable(last);
    }

    private Snapshot readOrNull() {
        try {
            return readNow();
        } catch (RuntimeException e) {
            LOG.warn("Product metrics not read from the database: {}", e.toString());
            return null;
        }
    }

    Snapshot readNow() {
        Instant engineNow = ClockUtil.getCurrentTime().toInstant();
        long cyclesRunning = count("select count(*) from cycle where status = 'RUNNING'");
        long officeCyclesRunning = count("select count(*) from office_cycle oc join cycle c on c.id = oc.cycle_id"
                + " where c.status = 'RUNNING' and oc.started_at is not null and oc.completed_at is null");

        Map<String, Long> open = zeroPerPhase();
        Map<String, Long> overdue = zeroPerPhase();
        // the engine keeps due dates as local timestamps, written and compared as java.sql.Timestamp
        jdbc.query("select TASK_DEF_KEY_, count(*), sum(case when DUE_DATE_ < ? then 1 else 0 end)"
                        + " from ACT_RU_TASK group by TASK_DEF_KEY_",
                rs -> {
                    String taskKey = rs.getString(1);
                    long all = rs.getLong(2);
                    long late = rs.getLong(3);
                    TaskPhases.ofTask(taskKey).ifPresent(phase -> {
                        open.merge(phase, all, Long::sum);
                        overdue.merge(phase, late, Long::sum);
                    });
                },
                Timestamp.from(engineNow));

        Map<NoticeStatus, Long> notifications = new EnumMap<>(NoticeStatus.class);
        for (NoticeStatus status : NoticeStatus.values()) {
            notifications.put(status, 0L);
        }
        jdbc.query("select status, count(*) from notification group by status",
                rs -> {
                    notifications.put(NoticeStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });

        long executable = management.createJobQuery().executable().count();
        long failed = management.createJobQuery().noRetriesLeft().count();
        long incidents = runtime.createIncidentQuery().count();
        return new Snapshot(engineNow, cyclesRunning, officeCyclesRunning, Collections.unmodifiableMap(open),
                Collections.unmodifiableMap(overdue), Collections.unmodifiableMap(notifications), executable, failed,
                incidents);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static Map<String, Long> zeroPerPhase() {
        Map<String, Long> perPhase = new LinkedHashMap<>();
        TaskPhases.LETTERS.forEach(letter -> perPhase.put(letter, 0L));
        return perPhase;
    }
}
