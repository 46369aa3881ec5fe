package org.safegate.audit;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

/**
 * Events with their hashes recomputed a batch at a time on all cores; the verifier then walks the
 * chain in order. Hashing dominates verification, and an event's hash depends only on its content.
 */
final class HashedEvents implements Iterator<HashedEvents.Hashed> {
    private static final int BATCH = 4096;

    private final Iterator<AuditEvent> source;
    private final AuditEvent[] batch = new AuditEvent[BATCH];
    private final String[] hashes = new String[BATCH];
    private int size;
    private int index;

    /** An event with the hash recomputed from its content. */
    record Hashed(AuditEvent event, String computed) {
        boolean isSelfConsistent() {
            return computed.equals(event.hash());
        }
    }

    HashedEvents(Iterator<AuditEvent> source) {
        this.source = source;
    }

    @Override
    public boolean hasNext() {
        if (index < size) {
            return true;
        }
        size = 0;
        index = 0;
        while (size < BATCH && source.hasNext()) {
            batch[size++] = source.next();
        }
        IntStream range = IntStream.range(0, size);
        (size > 256 ? range.parallel() : range).forEach(i -> hashes[i] = CanonicalEncoding.hash(batch[i]));
        return size > 0;
    }

    @Override
    public Hashed next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Hashed hashed = new Hashed(batch[index], hashes[index]);
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
