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
 * each caller returns only after the transaction holding its write has committed. Writes that wait
 * at the same moment (several lanes, or a slow commit) share one commit instead of one each: each
 * commit is flushed to disk, the largest cost of a small transfer.
 *
 * <p>A write that fails rolls its batch back; the batch then runs again one write per transaction,
 * so a failure reaches only the caller whose write failed. When no connection can be had, every
 * waiting write fails at once (rather than each waiting for a connection in turn).
 */
final class GroupCommit {
    /** Statements run inside a shared transaction: no commit or rollback of its own. */
    @FunctionalInterface
    interface Write<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Where the committing caller gets its connection (the pool restores auto-commit when it is closed). */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Starts and ends each transaction the way the store needs (durable commits). */
    interface Transactions {
        /**
         * Starts a transaction on a connection in auto-commit; with {@code durable} (a write of
         * the batch asks to survive a power failure) its commit reaches the disk before it returns.
         */
        void begin(Connection connection, boolean durable) throws SQLException;

        /** Called after the commit or rollback: the connection goes back to auto-commit. */
        void end(Connection connection) throws SQLException;
    }

    /** Writes committed together at most: a bounded transaction under any backlog. */
    private static final int MOST_PER_COMMIT = 256;

    private final ConnectionSource connections;
    private final Transactions transactions;
    private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock commitLock = new ReentrantLock();

    GroupCommit(ConnectionSource connections, Transactions transactions) {
        this.connections = connections;
        this.transactions = transactions;
    }

    /** Runs the write in a transaction shared with whatever else waits, and returns once it committed. */
    <T> T write(Write<T> write) throws SQLException {
        return write(write, false);
    }

    /**
     * As {@link #write(Write)}; with {@code durable}, the commit is also forced to disk before this
     * returns (once for the whole batch).
     */
    <T> T write(Write<T> write, boolean durable) throws SQLException {
        Pending<T> mine = new Pending<>(write, durable);
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
        try {
            if (batch.size() == 1 || !committedTogether(batch)) {
                batch.forEach(this::commitAlone);
            }
        } catch (SQLException noConnection) {
            batch.forEach(pending -> pending.result.completeExceptionally(noConnection));
        } catch (RuntimeException | Error e) {
            // never leave a taken write without an outcome: its caller would wait for ever
            batch.forEach(pending -> pending.result.completeExceptionally(e));
            throw e;
        }
    }

    /**
     * True when every write ran and committed; false (all rolled back, nothing completed) when one
     * failed. Throws when no connection could be had.
     */
    private boolean committedTogether(List<Pending<?>> batch) throws SQLException {
        List<Object> results = new ArrayList<>(batch.size());
        try (Connection c = connections.open()) {
            try {
                transactions.begin(c, batch.stream().anyMatch(p -> p.durable));
                for (Pending<?> pending : batch) {
                    results.add(pending.write.run(c));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                endQuietly(c, e);
                return false;
            }
            endQuietly(c, null);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results.get(i));
        }
        return true;
    }

    private void commitAlone(Pending<?> pending) {
        try (Connection c = connections.open()) {
            try {
                transactions.begin(c, pending.durable);
                Object result = pending.write.run(c);
                c.commit();
                pending.succeed(result);
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                pending.result.completeExceptionally(e);
            } finally {
                endQuietly(c, null);
            }
        } catch (SQLException | RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    /** Ends the transaction; a failure to do so only costs the pool a rollback of nothing. */
    private void endQuietly(Connection c, Exception cause) {
        try {
            transactions.end(c);
        } catch (SQLException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
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
        final boolean durable;
        final CompletableFuture<Object> result = new CompletableFuture<>();

        Pending(Write<T> write, boolean durable) {
            this.write = write;
            this.durable = durable;
        }

        void succeed(Object value) {
            // a no-op when already failed (committed, but not forced to disk)
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
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
