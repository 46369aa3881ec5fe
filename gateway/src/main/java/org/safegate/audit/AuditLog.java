package org.safegate.audit;

import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.StoreWrite;

/**
 * The append-only audit log.
 *
 * <p>Guarantee: when {@link #append} returns, the event is committed and forced to disk, and it
 * extends one linear hash chain shared by every appender (threads and gateway nodes on the same
 * database). When it cannot guarantee that, it throws {@link org.safegate.SafegateException} with
 * {@link org.safegate.ErrorCode#AUDIT_WRITE_FAILED}; the caller must then hold whatever it was
 * recording, never proceed as if it had been logged.
 */
public interface AuditLog {

    /** Appends one event; blocks until it is durable. */
    AppendedEvent append(AuditEntry entry);

    /**
     * Appends one event and, in the same transaction, what it records (such as the payload a
     * delivery makes known to its recipient): both are durable, or neither is. Only a log kept in
     * the gateway's own store can; others refuse.
     */
    default AppendedEvent append(AuditEntry entry, StoreWrite alongside) {
        throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, getClass().getSimpleName()
                + " cannot commit a store write with its event");
    }

    /**
     * Appends several events, consecutive in the chain, and what they record, in one transaction:
     * all are durable, or none is (one fact that concerns several objects, such as a certificate of
     * disposal of several recall items, one event per item). Returns them in the order given.
     */
    default java.util.List<AppendedEvent> appendAll(java.util.List<AuditEntry> entries, StoreWrite alongside) {
        throw new SafegateException(ErrorCode.AUDIT_WRITE_FAILED, getClass().getSimpleName()
                + " cannot commit several events with a store write");
    }
}
