package org.safegate.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.store.StoreWrite;

/**
 * The audit log on the gateway's database, with group commit: callers hand their entry to one
 * writer thread and wait; the writer commits whatever has queued up (up to
 * {@link AuditSettings#maxBatch}) in one transaction, forces it to disk, and only then releases
 * the callers. Nothing is acknowledged before it is durable. A store write handed in with an entry
 * commits in the same transaction; when a batch fails, each caller is committed again on its own, so
 * only the callers whose own write (or the store) fails are failed.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {
    private static final StoreWrite NOTHING = connection -> { };
    private static final Pending STOP = new Pending(List.of(), NOTHING, null);

    private final ChainWriter chain;
    private final AuditSettings settings;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public JdbcAuditLog(Database database, TreeHeadSigner signer, AuditSettings settings, Clock clock) {
        this.chain = new ChainWriter(database, signer, clock);
        this.settings = settings;
        this.writer = new Thread(this::drain, "audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public AppendedEvent append(AuditEntry entry) {
        return append(entry, NOTHING);
    }

    @Override
    public AppendedEvent append(AuditEntry entry, StoreWrite alongside) {
        return appendAll(java.util.Collections.singletonList(entry), alongside).get(0);
    }

    @Override
    public List<AppendedEvent> appendAll(List<AuditEntry> entries, StoreWrite alongside) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entries");
        }
        CompletableFuture<List<AppendedEvent>> done = queue(entries, alongside);
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw (SafegateException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the entry may still be written; the caller must treat it as not recorded and hold
            throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "interrupted while recording an audit event", e);
        }
    }

    /**
     * Queues the entry and returns at once; the future completes when the event is durable, or
     * exceptionally with a {@link SafegateException} ({@link ErrorCode#AUDIT_WRITE_FAILED}). Lets one
     * thread keep many appends in flight; it must not act on an event before its future completes.
     */
    public CompletableFuture<AppendedEvent> appendAsync(AuditEntry entry) {
        CompletableFuture<AppendedEvent> one = new CompletableFuture<>();
        // completed from the queue's own future, so a failure arrives as the SafegateException itself
        queue(java.util.Collections.singletonList(entry), NOTHING).whenComplete((appended, failure) -> {
            if (failure != null) {
                one.completeExceptionally(failure);
            } else {
                one.complete(appended.get(0));
            }
        });
        return one;
    }

    private CompletableFuture<List<AppendedEvent>> queue(List<AuditEntry> entries, StoreWrite alongside) {
        if (entries.contains(null) || alongside == null) {
            throw new IllegalArgumentException(alongside == null ? "alongside" : "entry");
        }
        if (closed) {
            throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the audit log is closed");
        }
        Pending pending = new Pending(List.copyOf(entries), alongside, new CompletableFuture<>());
        queue.add(pending);
        if (!writer.isAlive()) {
            failRemaining(); // closed meanwhile: nobody would ever complete it
        }
        return pending.done;
    }

    /** Writes what is queued and stops the writer; later appends fail. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        boolean running = true;
        while (running) {
            List<Pending> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                queue.drainTo(batch, settings.maxBatch() - 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            if (batch.removeIf(p -> p == STOP)) {
                running = false;
            }
            commit(batch);
        }
        failRemaining();
    }

    private void commit(List<Pending> batch) {
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        List<StoreWrite> alongside = new ArrayList<>(batch.size());
        batch.forEach(p -> {
            entries.addAll(p.entries);
            alongside.add(p.alongside);
        });
        try {
            List<AppendedEvent> appended = chain.write(entries, alongside);
            int next = 0;
            for (Pending p : batch) {
                p.done.complete(List.copyOf(appended.subList(next, next + p.entries.size())));
                next += p.entries.size();
            }
        } catch (Exception e) {
            if (batch.size() > 1) {
                // nothing of the batch was committed: each caller again on its own, so a store write that
                // refuses (an item certified meanwhile) fails its caller only, not those that queued beside it
                batch.forEach(p -> commit(List.of(p)));
                return;
            }
            batch.get(0).done.completeExceptionally(new SafegateException(ErrorCode.AUDIT_WRITE_FAILED,
                    "audit event not recorded: " + e.getMessage(), e));
        }
    }

    /** How many appends wait for the writer (tests line callers up into one batch with it). */
    int waiting() {
        return queue.size();
    }

    private void failRemaining() {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.stream().filter(p -> p != STOP).forEach(p -> p.done.completeExceptionally(
                new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, "the audit log was closed")));
    }

    /** The entries of one caller: consecutive in the chain, committed in one transaction with its store write. */
    private record Pending(List<AuditEntry> entries, StoreWrite alongside, CompletableFuture<List<AppendedEvent>> done) {
    }
}
