package org.safegate.audit;

import org.safegate.store.Database;

/** Events read one at a time from the store, in sequence order; close it to release the connection. */
public final class EventCursor extends RowCursor<AuditEvent> implements EventStream {

    private EventCursor(Database database, AuditQuerySql sql) {
        super(database, "SELECT " + AuditEventRows.COLUMNS + " FROM audit_event" + sql.where() + " ORDER BY seq",
                statement -> sql.bind(statement, database.dialect()),
                new AuditEventRows.Reader(database.dialect())::read);
    }

    static EventCursor open(Database database, AuditQuery query) {
        return new EventCursor(database, AuditQuerySql.of(query));
    }
}
