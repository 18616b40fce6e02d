package io.clipflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * clipflow's tables as the engine's transactions see them. Every Spring transaction in clipflow is the engine's
 * (its DataSourceTransactionManager is the only one). Inside one, the first use of clipflow's tables opens ONE
 * shard connection for that transaction, auto-commit off; it commits right after the engine has committed, and
 * rolls back if the engine does not. Just before the engine commits, the writes logged on it
 * ({@link ShardWrites}) go into the engine's {@link RedoLog} in the engine's own transaction. So the engine's
 * commit alone decides: before it nothing counts, after it the shard writes are owed, and if the node dies
 * before the shards commit, {@link RedoRecovery} applies them again.
 *
 * <p>Outside a transaction every statement commits on its own, as with the plain DataSource.
 */
final class ShardConnections extends DelegatingDataSource {

    private static final Object TRANSACTION_KEY = ShardConnections.class;

    private final RedoLog redoLog;
    private final boolean haltBetweenCommits;

    /**
     * @param haltBetweenCommits a fault for the crash harness: the JVM halts (as under {@code kill -9}) right after
     *                           the first engine commit that owes shard writes, before the shards commit
     */
    ShardConnections(DataSource sharding, RedoLog redoLog, boolean haltBetweenCommits) {
        super(sharding);
        this.redoLog = redoLog;
        this.haltBetweenCommits = haltBetweenCommits;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return obtainTargetDataSource().getConnection();
        }
        ShardTransaction transaction = (ShardTransaction) TransactionSynchronizationManager.getResource(TRANSACTION_KEY);
        if (transaction == null) {
            Connection connection = obtainTargetDataSource().getConnection();
            try {
                connection.setAutoCommit(false);
                transaction = new ShardTransaction(connection, redoLog, haltBetweenCommits);
            }
            catch (SQLException ex) {
                connection.close();
                throw ex;
            }
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEY, transaction);
            TransactionSynchronizationManager.registerSynchronization(transaction);
        }
        return transaction.handle;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    /** The shard side of the current engine transaction, if it has used clipflow's tables. */
    static Optional<ShardTransaction> currentTransaction() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? Optional.ofNullable((ShardTransaction) TransactionSynchronizationManager.getResource(TRANSACTION_KEY))
                : Optional.empty();
    }

    /** One engine transaction's shard connection and the writes it owes; ordered first among synchronizations. */
    static final class ShardTransaction implements TransactionSynchronization {

        private static final Logger log = LoggerFactory.getLogger(ShardTransaction.class);

        private final Connection connection;
        /** what statements get: closing it is a no-op, the connection lives until the engine transaction ends */
        private final Connection handle;
        private final RedoLog redoLog;
        private final boolean haltBetweenCommits;
        private final List<Object> writes = new ArrayList<>();
        private String redoId;

        ShardTransaction(Connection connection, RedoLog redoLog, boolean haltBetweenCommits) throws SQLException {
            this.connection = connection;
            this.handle = new SingleConnectionDataSource(connection, true).getConnection();
            this.redoLog = redoLog;
            this.haltBetweenCommits = haltBetweenCommits;
        }

        void logForRedo(Object write) {
            writes.add(write);
        }

        @Override
        public int getOrder() {
            // before Camunda's and clipflow's after-commit actions (Redis marks, cache invalidation): they may
            // rely on the shard rows being committed
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(TRANSACTION_KEY);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEY, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!writes.isEmpty()) {
                redoId = redoLog.record(writes);
            }
        }

        @Override
        public void afterCommit() {
            if (haltBetweenCommits && redoId != null) {
                log.error("Halting between the engine's commit and the shards' (clipflow.faults.halt-between-commits)");
                Runtime.getRuntime().halt(137);
            }
            try {
                connection.commit();
            }
            catch (SQLException ex) {
                throw new TransactionSystemException("The engine committed but clipflow's tables did not; "
                        + (redoId == null ? "nothing was owed" : "the redo log " + redoId + " will apply them"), ex);
            }
            if (redoId != null) {
                redoLog.forget(redoId);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (TransactionSynchronizationManager.getResource(TRANSACTION_KEY) == this) {
                TransactionSynchronizationManager.unbindResource(TRANSACTION_KEY);
            }
            try {
                if (status != STATUS_COMMITTED) {
                    connection.rollback();
                }
            }
            catch (SQLException ex) {
                log.warn("Rolling back a shard transaction failed: {}", ex.getMessage());
            }
            finally {
                try {
                    connection.close();
                }
                catch (SQLException ex) {
                    log.warn("Closing a shard connection failed: {}", ex.getMessage());
                }
            }
        }
    }
}
