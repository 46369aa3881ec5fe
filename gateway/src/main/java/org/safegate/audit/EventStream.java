package org.safegate.audit;

import java.util.Iterator;

/** Events read from the store in sequence order; close it to release the connection. */
interface EventStream extends Iterator<AuditEvent>, AutoCloseable {
    @Override
    void close();
}
