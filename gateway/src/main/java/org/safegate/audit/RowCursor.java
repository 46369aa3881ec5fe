package org.safegate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.safegate.store.Database;

/**
 * Rows of the audit tables read one at a time, so that a log of millions of events is walked in
 * constant memory; close it to release the connection.
 */
class RowCursor<T> implements Iterator<T>, AutoCloseable {
    private static final int FETCH_SIZE = 2000;

    /** Turns the current row into a value. */
    interface Mapper<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Binds the statement's parameters. */
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Mapper<T> mapper;
    private T next;

    RowCursor(Database database, String sql, Binder binder, Mapper<T> mapper) {
        Connection opened = null;
        try {
            opened = database.connection();
            database.dialect().prepareStreamingRead(opened);
            PreparedStatement prepared = opened.prepareStatement(sql);
            prepared.setFetchSize(FETCH_SIZE);
            binder.bind(prepared);
            this.rows = prepared.executeQuery();
            this.statement = prepared;
            this.connection = opened;
            this.mapper = mapper;
        } catch (SQLException e) {
            closeQuietly(opened);
            throw AuditStore.failure("read the audit log", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                if (rows.next()) {
                    next = mapper.read(rows);
                }
            } catch (SQLException e) {
                throw AuditStore.failure("read the audit log", e);
            }
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T value = next;
        next = null;
        return value;
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
