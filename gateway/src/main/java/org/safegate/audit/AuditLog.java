package org.safegate.audit;

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
}
