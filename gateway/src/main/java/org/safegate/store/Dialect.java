package org.safegate.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The two databases Safegate runs on, and the few places where they differ. */
public enum Dialect {
    /** The embedded file store. */
    H2,
    /** A shared PostgreSQL server. */
    POSTGRESQL;

    static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (H2 or PostgreSQL only): " + jdbcUrl.split("[;?]")[0]);
    }

    /**
     * Starts a transaction whose commit is durable whatever the server's defaults: PostgreSQL may be
     * configured with {@code synchronous_commit=off}, which would acknowledge commits before they
     * reach disk; this transaction insists on a flushed commit. Call with auto-commit off.
     */
    public void requireDurableCommit(Connection connection) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO on");
            }
        }
    }

    /**
     * Makes what was just committed survive a power failure. PostgreSQL already flushes its WAL on
     * commit (synchronous_commit=on); H2 writes committed changes to its file but does not fsync,
     * so it is told to. Callers group many appends under one call, which keeps this cheap.
     *
     * <p>Call after the commit. The connection is left in auto-commit: H2's sync is a statement of
     * its own, and run outside auto-commit it would leave the pool a transaction to roll back when
     * the connection is returned. H2 empties the session's cache of parsed statements on every
     * rollback, so each transfer's statements would be parsed again.
     */
    public void forceToDisk(Connection connection) throws SQLException {
        // nothing is pending (the caller committed): this only ends the manual-commit mode
        connection.setAutoCommit(true);
        if (this == H2) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }
    }
}
