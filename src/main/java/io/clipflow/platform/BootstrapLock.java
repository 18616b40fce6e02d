package io.clipflow.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * One node at a time sets up the shared databases. Nodes started together on an empty PostgreSQL would otherwise
 * all create the engine's schema (and the groups, grants, demo users, shard migrations and rehoming) at once, and
 * all but one die on duplicate keys. A node takes a PostgreSQL advisory lock in the engine's database before the
 * engine or any shard database is touched and lets go once it has started (after the groups and demo users):
 * the first creates everything, the others wait, find it there and come up. The lock is a session's, so a node
 * that dies holding it lets go with its connection.
 *
 * <p>H2 needs none: a file database is opened by one process only (H2 refuses a second with "Database may be
 * already in use"), so H2 files are never shared by several nodes.
 */
final class BootstrapLock implements AutoCloseable {

    /** "clipflow" in ASCII: the advisory lock's key, the same on every node. */
    static final long KEY = 0x636c6970666c6f77L;

    private static final Logger log = LoggerFactory.getLogger(BootstrapLock.class);

    private Connection holder;

    private BootstrapLock(Connection holder) {
        this.holder = holder;
    }

    /** Waits for the lock if {@code url} is a PostgreSQL database; otherwise there is nothing to lock. */
    static BootstrapLock acquire(String url, String username, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return new BootstrapLock(null);
        }
        Instant asked = Instant.now();
        try {
            Connection connection = DriverManager.getConnection(url, username, password);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
            }
            catch (SQLException ex) {
                connection.close();
                throw ex;
            }
            log.info("Took the bootstrap lock after {} ms", Duration.between(asked, Instant.now()).toMillis());
            return new BootstrapLock(connection);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not take the bootstrap lock in " + url, ex);
        }
    }

    boolean held() {
        return holder != null;
    }

    /** After the groups, grants and demo users ({@code ApplicationStartedEvent} listeners of lower order). */
    @EventListener(ApplicationStartedEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void started() {
        close();
    }

    @Override
    public synchronized void close() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            }
            log.info("Let go of the bootstrap lock");
        }
        catch (SQLException ex) {
            log.warn("Letting go of the bootstrap lock failed (closing its connection ends it anyway): {}",
                    ex.getMessage());
        }
        finally {
            holder = null;
        }
    }
}
