package org.safegate.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as the log holds it: the caller's {@link AuditEntry} with its sequence number, the
 * time the log recorded it (millisecond precision, UTC), the hash of the event before it and its
 * own hash over the canonical encoding ({@link CanonicalEncoding}, docs/audit-format.md).
 */
public record AuditEvent(long sequence, Instant time, AuditEntry entry, String previousHash, String hash) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    public AuditEventType type() {
        return entry.type();
    }

    /** The same event claiming another sequence number; the verifier uses it to explain a mismatch. */
    AuditEvent withSequence(long other) {
        return new AuditEvent(other, time, entry, previousHash, hash);
    }

    /** True when the stored hash is the hash of this event's own content. */
    public boolean isSelfConsistent() {
        return CanonicalEncoding.hash(this).equals(hash);
    }
}
