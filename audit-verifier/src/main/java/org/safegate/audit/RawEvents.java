package org.safegate.audit;

import java.util.Iterator;

/**
 * Events a source reads as raw values on one thread (a row as text, say) and that are decoded on
 * every core while the next batch is read: for sources where turning a row into an event is a large
 * part of reading it. {@link #next()} reads and decodes at once, for anyone else.
 */
public interface RawEvents extends Iterator<AuditEvent> {

    /** The next event, not yet decoded. */
    Object nextRaw();

    /** Decodes a value {@link #nextRaw()} gave; safe to call from several threads at once. */
    AuditEvent decode(Object raw);

    @Override
    default AuditEvent next() {
        return decode(nextRaw());
    }
}
