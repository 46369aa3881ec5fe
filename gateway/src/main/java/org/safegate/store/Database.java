package org.safegate.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The gateway's database: a connection pool over the embedded SQLite file or PostgreSQL, migrated
 * to the current schema (Flyway, {@code db/migration}) before anyone uses it.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final GroupCommit groupCommit;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.groupCommit = new GroupCommit(this::connection, new GroupCommit.Transactions() {
            @Override
            public void begin(Connection connection, boolean durable) throws SQLException {
                dialect.begin(connection, durable);
            }

            @Override
            public void end(Connection connection) throws SQLException {
                dialect.end(connection);
            }
        });
    }

    /** Where the migrations are, on the class path. */
    static final String MIGRATIONS = "classpath:db/migration";

    /**
     * Opens the pool and applies pending migrations, creating the store (and the embedded store's
     * folder and file) when there is none; fails rather than run on an old schema.
     */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        settings.embeddedFile().ifPresent(EmbeddedStoreFile::prepare);
        HikariDataSource pool = pool(settings);
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot migrate the store " + settings + ": "
                    + e.getMessage(), e);
        }
        return new Database(pool, settings.dialect());
    }

    /**
     * Opens a store that exists and has this version's schema, for commands that only read: it
     * creates no file, folder or schema and migrates nothing. Without a store it throws
     * {@link ErrorCode#STORE_MISSING}; with one of another schema version,
     * {@link ErrorCode#STORE_OTHER_VERSION}.
     */
    public static Database openExisting(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        ExistingStore.require(settings);
        return new Database(pool(settings), settings.dialect());
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.embeddedFile().isPresent()) {
            config.setDataSourceProperties(EmbeddedStoreFile.connectionProperties());
        }
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setPoolName("safegate-store");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new SafegateException(ErrorCode.STORE_FAILURE, "cannot open the store " + settings + ": "
                    + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A pooled connection; the caller closes it. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs a small write in a transaction shared with other threads' writes waiting at the same
     * time, and returns once that transaction has committed ({@link GroupCommit}).
     */
    <T> T writeTogether(GroupCommit.Write<T> write) throws SQLException {
        return groupCommit.write(write);
    }

    /** As {@link #writeTogether}, and the commit is forced to disk (survives a power failure) before this returns. */
    <T> T writeTogetherDurably(GroupCommit.Write<T> write) throws SQLException {
        return groupCommit.write(write, true);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
