package org.safegate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits the small writes of many threads together. A caller's write waits in a queue; whichever
 * caller holds the commit lock runs every waiting write in one transaction and commits once, and
 * each caller returns only after the transaction holding its write has committed. Under load that
 * is one commit for many writes instead of one each: an embedded H2 commit writes a new chunk of
 * pages to its file, which made commits the largest cost of a small transfer.
 *
 * <p>A write that fails rolls its batch back; the batch then runs again one write per transaction,
 * so a failure reaches only the caller whose write failed.
 */
final class GroupCommit {
    /** Statements run inside a shared transaction: no commit or rollback of its own. */
    @FunctionalInterface
    interface Write<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Writes committed together at most: a bounded transaction under any backlog. */
    private static final int MOST_PER_COMMIT = 256;

    // the pool gives connections back to the next user with auto-commit on again
    private final ConnectionSource connections;
    private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commitLock = new ReentrantLock();

    /** Where the committing caller gets its connection. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    GroupCommit(ConnectionSource connections) {
        this.connections = connections;
    }

    /** Runs the write in a transaction shared with whatever else waits, and returns once it committed. */
    <T> T write(Write<T> write) throws SQLException {
        Pending<T> mine = new Pending<>(write);
        waiting.add(mine);
        commitLock.lock();
        try {
            // a caller that held the lock meanwhile may have committed this write already
            while (!mine.result.isDone()) {
                commitWaiting();
            }
        } finally {
            commitLock.unlock();
        }
        return mine.outcome();
    }

    /** Writes queued and not yet taken into a transaction (for tests). */
    int waiting() {
        return waiting.size();
    }

    private void commitWaiting() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> next; batch.size() < MOST_PER_COMMIT && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1 || !committedTogether(batch)) {
            batch.forEach(this::commitAlone);
        }
    }

    /** True when every write ran and committed; false (all rolled back, nothing completed) otherwise. */
    private boolean committedTogether(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                for (Pending<?> pending : batch) {
                    results.add(pending.write.run(c));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                return false;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
        return true;
    }

    private void commitAlone(Pending<?> pending) {
        try (Connection c = connections.open()) {
            c.setAutoCommit(false);
            try {
                Object result = pending.write.run(c);
                c.commit();
                pending.succeed(result);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                pending.result.completeExceptionally(e);
            }
        } catch (SQLException | RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static final class Pending<T> {
        final Write<T> write;
        final CompletableFuture<Object> result = new CompletableFuture<>();

        Pending(Write<T> write) {
            this.write = write;
        }

        void succeed(Object value) {
            result.complete(value);
        }

        @SuppressWarnings("unchecked")
        T outcome() throws SQLException {
            try {
                return (T) result.get();
            } catch (InterruptedException e) {
                // unreachable: the result is complete before anyone asks for it
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
