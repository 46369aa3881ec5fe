package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.safegate.store.Database;
import org.safegate.store.Dialect;

/** Events read one at a time from the store, in sequence order; close it to release the connection. */
public final class EventCursor implements Iterator<AuditEvent>, AutoCloseable {
    private static final int FETCH_SIZE = 2000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Dialect dialect;
    private AuditEvent next;

    private EventCursor(Connection connection, PreparedStatement statement, ResultSet rows, Dialect dialect) {
        this.dialect = dialect;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    static EventCursor open(Database database, AuditQuery query) {
        AuditQuerySql sql = AuditQuerySql.of(query);
        Connection connection = null;
        try {
            connection = database.connection();
            database.dialect().prepareStreamingRead(connection);
            PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + AuditEventRows.COLUMNS + " FROM audit_event" + sql.where() + " ORDER BY seq");
            statement.setFetchSize(FETCH_SIZE);
            sql.bind(statement, database.dialect());
            return new EventCursor(connection, statement, statement.executeQuery(), database.dialect());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw AuditStore.failure("read audit events", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                if (rows.next()) {
                    next = AuditEventRows.read(rows, dialect);
                }
            } catch (SQLException e) {
                throw AuditStore.failure("read audit events", e);
            }
        }
        return next != null;
    }

    @Override
    public AuditEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AuditEvent event = next;
        next = null;
        return event;
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw AuditStore.failure("close an audit cursor", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is best effort once reading failed; the original failure is what matters
            }
        }
    }
}
