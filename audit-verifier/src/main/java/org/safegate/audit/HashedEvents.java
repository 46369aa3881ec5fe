package org.safegate.audit;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.safegate.tlog.TreeHashes;

/**
 * Events with their hashes recomputed a batch at a time on all cores, while a background thread
 * already reads the next batch from the source; the verifier then walks the chain in order.
 * Reading and hashing dominate verification, and an event's hash depends only on its content.
 * Close it before closing the source: closing waits for the read in progress.
 */
final class HashedEvents implements Iterator<HashedEvents.Hashed>, AutoCloseable {
    private static final int BATCH = 4096;

    private final Iterator<AuditEvent> source;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-verify-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final RawEvents raw;
    private Future<Object[]> nextBatch;
    private AuditEvent[] batch = new AuditEvent[0];
    private String[] hashes = new String[0];
    private byte[][] leaves = new byte[0][];
    private int size;
    private int index;

    /** An event with its hash and its Merkle leaf hash recomputed from its content. */
    record Hashed(AuditEvent event, String computed, byte[] leaf) {
        boolean isSelfConsistent() {
            return computed.equals(event.hash());
        }
    }

    HashedEvents(Iterator<AuditEvent> source) {
        this.source = source;
        this.raw = source instanceof RawEvents events ? events : null;
        this.nextBatch = reader.submit(this::read);
    }

    @Override
    public boolean hasNext() {
        if (index < size) {
            return true;
        }
        if (nextBatch == null) {
            return false;
        }
        Object[] read = await(nextBatch);
        nextBatch = read.length == 0 ? null : reader.submit(this::read);
        size = read.length;
        index = 0;
        batch = new AuditEvent[size];
        hashes = new String[size];
        leaves = new byte[size][];
        AuditEvent[] events = batch;
        String[] computed = hashes;
        byte[][] leafHashes = leaves;
        IntStream range = IntStream.range(0, size);
        (size > 256 ? range.parallel() : range).forEach(i -> {
            events[i] = raw != null ? raw.decode(read[i]) : (AuditEvent) read[i];
            byte[] canonical = CanonicalEncoding.encode(events[i]);
            computed[i] = CanonicalEncoding.sha256(canonical);
            leafHashes[i] = TreeHashes.leaf(canonical);
        });
        return size > 0;
    }

    /** Waits for the read in progress, so that the caller may close the source afterwards. */
    @Override
    public void close() {
        try {
            if (nextBatch != null) {
                await(nextBatch);
            }
        } catch (RuntimeException e) {
            // the walk already ended; a failure reading beyond where it stopped changes nothing
        } finally {
            nextBatch = null;
            reader.shutdown();
        }
    }

    private Object[] read() {
        Object[] events = new Object[BATCH];
        int count = 0;
        while (count < BATCH && source.hasNext()) {
            events[count++] = raw != null ? raw.nextRaw() : source.next();
        }
        return count == BATCH ? events : java.util.Arrays.copyOf(events, count);
    }

    private static Object[] await(Future<Object[]> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading audit events failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading audit events", e);
        }
    }

    @Override
    public Hashed next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Hashed hashed = new Hashed(batch[index], hashes[index], leaves[index]);
        batch[index++] = null;
        return hashed;
    }

    /** An iterator that can look one event ahead. */
    static final class Peeking {
        private final Iterator<Hashed> source;
        private Hashed peeked;

        Peeking(Iterator<Hashed> source) {
            this.source = source;
        }

        boolean hasNext() {
            return peeked != null || source.hasNext();
        }

        Hashed next() {
            if (peeked != null) {
                Hashed event = peeked;
                peeked = null;
                return event;
            }
            return source.next();
        }

        Hashed peek() {
            if (peeked == null && source.hasNext()) {
                peeked = source.next();
            }
            return peeked;
        }
    }
}
