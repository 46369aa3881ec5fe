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
 * each commit leaves a chunk of some 25 KB behind, and a chunk that still holds one live page is
 * never reused, so the file grew by about 75 KB per delivered file. Once a second this rewrites
 * the live pages of sparse chunks into a new one, as H2's own background housekeeping would (the
 * old chunks are reused once H2's retention time has passed), and syncs the file.
 */
final class H2Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** Chunks this full (percent of live bytes) are left alone. */
    private static final int TARGET_FILL_RATE = 80;
    /**
     * How many bytes of live pages are rewritten at most per round. Commits wait while a round
     * runs, so it is kept small; chunks are mostly dead, so a few MB free many of them.
     */
    private static final int REWRITE_BYTES_PER_ROUND = 4 << 20;
    private static final long INTERVAL_MILLIS = 1000;

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
        } catch (Exception | Error e) {
            // the next round tries again: a scheduled task that throws would never run again
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
        // no interrupt: H2 closes its file channel when a thread using it is interrupted
        timer.shutdown();
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
