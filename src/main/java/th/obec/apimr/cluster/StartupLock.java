package th.obec.apimr.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Lets the nodes of a cluster start one after another against one PostgreSQL database. What a node does to the
 * shared database while it starts (the engine's schema creation with {@code schema-update: true}, the admin user,
 * the deployment of the models, and the offices, groups, tenants, grants, Tasklist filters, indicator catalogue and
 * demo data of the start-up runners) happens while it holds a PostgreSQL session-level advisory lock; a second node
 * starting at the same moment waits for the first one to be ready, then finds everything in place and changes
 * nothing. Without it two nodes starting against an empty database both find the engine's tables missing and both
 * create them (the engine takes no lock for that), and both start-up runners insert the same groups and filters.
 * Flyway's migrations, which run earlier, take a lock of their own.
 *
 * <p>The lock is taken as the engine is being built (a process engine plugin, before its schema operations), on a
 * connection of its own kept open until the application is ready (after the start-up runners), and given back then,
 * or when the start fails. A node that dies while starting loses its connection and with it the lock. A node waits
 * at most {@code apimr.cluster.startup-lock-timeout} (default PT10M), then refuses to start naming the setting.
 * Other databases than PostgreSQL (H2 for the demo and the tests) take no lock: they serve a single node.
 */
final class StartupLock extends AbstractProcessEnginePlugin
        implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** The advisory lock's key: "APMR" "STRT". Other applications sharing the database must not use it. */
    static final long KEY = 0x41504D52_53545254L;

    static final String TIMEOUT_PROPERTY = "apimr.cluster.startup-lock-timeout";

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    private final boolean enabled;
    private final Duration timeout;
    private Connection held;

    StartupLock(Environment environment) {
        this.enabled = environment.getProperty("apimr.cluster.startup-lock", Boolean.class, true);
        this.timeout = environment.getProperty(TIMEOUT_PROPERTY, Duration.class, Duration.ofMinutes(10));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (enabled && held == null) {
            acquire(configuration.getDataSource());
        }
    }

    private void acquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long start = System.nanoTime();
            long lastReport = start;
            boolean waited = false;
            while (!tryLock(connection)) {
                long now = System.nanoTime();
                if (!waited || now - lastReport >= REPORT_EVERY.toNanos()) {
                    LOG.info("Another node is starting against this database: waiting for it to be ready (start-up"
                            + " lock, {} s so far)", Duration.ofNanos(now - start).toSeconds());
                    lastReport = now;
                    waited = true;
                }
                if (now - start > timeout.toNanos()) {
                    throw new IllegalStateException("Another node has been starting against this database for longer"
                            + " than " + TIMEOUT_PROPERTY + " (" + timeout + "): this node gives up. Look for a node"
                            + " stuck while starting, or raise " + TIMEOUT_PROPERTY + " (APIMR_STARTUP_LOCK_TIMEOUT).");
                }
                Thread.sleep(POLL.toMillis());
            }
            held = connection;
            connection = null;
            LOG.info("Start-up lock taken{}: this node prepares the database and its data, other nodes wait",
                    waited ? " after waiting for another node" : "");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock in the database: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release("the application is ready");
    }

    @Override
    public void destroy() {
        release("the application stops");
    }

    private synchronized void release(String why) {
        Connection connection = held;
        held = null;
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
            LOG.info("Start-up lock released: {}", why);
        } catch (SQLException e) {
            LOG.warn("Could not release the start-up lock ({}); closing its connection releases it", e.toString());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the start-up lock's connection failed", e);
        }
    }
}
