package org.safegate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The two databases Safegate runs on, and the few places where they differ. */
public enum Dialect {
    /** The embedded file store: SQLite in WAL mode, shared by processes through the file's locks. */
    SQLITE,
    /** A shared PostgreSQL server. */
    POSTGRESQL;

    /**
     * How SQLite holds a time: ISO-8601 text in UTC with microseconds, always the same width, so
     * that text order is time order and an auditor reading the file with {@code sqlite3} sees dates.
     */
    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (PostgreSQL, or the embedded store): "
                + jdbcUrl.split("[;?]")[0]);
    }

    /**
     * Starts a transaction on a connection in auto-commit. With {@code durable}, its commit is on
     * disk, surviving a power failure, before {@code commit()} returns: PostgreSQL may be configured
     * with {@code synchronous_commit=off}, so the transaction insists on a flushed commit; an SQLite
     * connection flushes its write-ahead log at that commit ({@code synchronous=FULL}, which can only
     * be chosen outside a transaction). Without it the commit survives a killed process (PostgreSQL's
     * default is durable anyway; SQLite writes its log at commit and flushes it at the next durable
     * commit or checkpoint, and a flush covers every commit before it). End with {@link #end}.
     */
    public void begin(Connection connection, boolean durable) throws SQLException {
        if (this == SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            }
        }
        connection.setAutoCommit(false);
        if (this == POSTGRESQL && durable) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit TO on");
            }
        }
    }

    /**
     * Ends what {@link #begin} started, after its commit (or rollback): the connection goes back to
     * auto-commit, so that the pool has no transaction to roll back when it is returned, and an
     * SQLite connection to flushing only at checkpoints.
     */
    public void end(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        if (this == SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA synchronous = NORMAL");
            }
        }
    }

    /**
     * Prepares a connection to stream a large result instead of loading it whole. PostgreSQL uses
     * a cursor only inside a transaction; SQLite steps through its rows anyway, and a transaction
     * there would hold the write lock for as long as the reading lasts.
     */
    public void prepareStreamingRead(Connection connection) throws SQLException {
        if (this == POSTGRESQL) {
            connection.setAutoCommit(false);
        }
    }

    /** Binds a time (or SQL NULL) to a {@code TIMESTAMP WITH TIME ZONE} column. */
    public void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, this == SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (this == SQLITE) {
            statement.setString(index, SQLITE_TIME.format(time.truncatedTo(ChronoUnit.MICROS)));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    /** Reads a time bound by {@link #bindTime}, or null. */
    public Instant readTime(ResultSet row, int index) throws SQLException {
        if (this == SQLITE) {
            String text = row.getString(index);
            return text == null ? null : Instant.parse(text);
        }
        OffsetDateTime time = row.getObject(index, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
