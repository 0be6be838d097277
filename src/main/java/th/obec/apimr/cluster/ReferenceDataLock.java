package th.obec.apimr.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the writers of the reference data and what follows from it (an office or region import, the groups,
 * tenants and grants, the Tasklist filters) take turns across the nodes of a cluster: on PostgreSQL a transaction
 * that calls {@link #lockForThisTransaction()} holds an advisory lock until it commits or rolls back, so an import
 * on one node and the start-up synchronisation of a node starting at the same moment do not both insert the same
 * new office, group or grant. The lock is re-entrant within a transaction. Other databases: nothing to do (one node).
 */
@Component
public class ReferenceDataLock {

    /** The advisory lock's key: "APMR" "REFD". */
    static final long KEY = 0x41504D52_52454644L;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    ReferenceDataLock(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = isPostgres(dataSource);
    }

    /**
     * Waits until no other transaction holds the reference data, then holds it until this transaction ends.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void lockForThisTransaction() {
        if (!postgres) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The reference data lock needs a transaction");
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?)", result -> null, KEY);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is: " + e.getMessage(), e);
        }
    }
}
