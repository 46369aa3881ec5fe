package org.safegate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file from growing without bound. The store writes every commit to its
 * file at once ({@code WRITE_DELAY=0}), and in that mode H2 runs none of its own housekeeping:
 * each commit leaves a chunk of some 25 KB behind, and chunks that still hold one live page are
 * never reused, so the file grew by about 78 KB per delivered file. Once a second this rewrites
 * the live pages of sparse chunks into a new one (so the old ones can be reused once the
 * retention time has passed) and syncs the file. The sync matters for safety: a chunk is reused
 * only after it has been unused for half the retention time, so with a sync every second and a
 * retention of several seconds a power failure always finds the last synced state intact.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks this full (percent of live bytes) are left alone. */
    private static final int TARGET_FILL_RATE = 80;
    /** How much is rewritten at most per round: more than the commits of a busy second write. */
    private static final int REWRITE_BYTES_PER_ROUND = 32 << 20;
    static final long INTERVAL_MILLIS = 1000;

    private final ConnectionSource connections;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    H2Housekeeping(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Starts housekeeping for the store behind {@code connections}. */
    static H2Housekeeping start(ConnectionSource connections) {
        H2Housekeeping housekeeping = new H2Housekeeping(connections);
        housekeeping.timer.scheduleWithFixedDelay(housekeeping::round, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** One round; a failure is logged and the next round tries again (a full store fails its writers). */
    void round() {
        try (Connection connection = connections.connection()) {
            Optional<MVStore> store = fileStore(connection);
            if (store.isEmpty()) {
                return;
            }
            store.get().compact(TARGET_FILL_RATE, REWRITE_BYTES_PER_ROUND);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        } catch (RuntimeException | SQLException e) {
            LOG.warn("store housekeeping failed, will try again: {}", e.toString());
        }
    }

    /**
     * The file store of this process. Another process that reaches the store through the owner's
     * AUTO_SERVER has a remote session and leaves housekeeping to the owner.
     */
    static Optional<MVStore> fileStore(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return Optional.empty();
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.isClosed() || store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where connections come from (the pool). */
    @FunctionalInterface
    interface ConnectionSource {
        Connection connection() throws SQLException;
    }
}
