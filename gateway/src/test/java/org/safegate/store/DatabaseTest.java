package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.config.GatewayConfig;
import org.safegate.config.Settings;

class DatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void opensAndMigratesTheSchema(TestStores store) throws Exception {
        try (Database database = store.open(dir);
             Connection connection = database.connection();
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT seq FROM audit_head WHERE id = 1")) {
            assertThat(head.next()).isTrue();
            assertThat(head.getLong(1)).isZero();
            assertThat(database.dialect().name()).isEqualTo(store.name());
        }
    }

    @Test
    void embeddedStoreIsOneSqliteFileUnderTheDataDirectoryInWalModeReadableByItsOwnerOnly() throws Exception {
        GatewayConfig config = GatewayConfig.from(Settings.of(Map.of(GatewayConfig.DATA, dir.toString())));
        DatabaseSettings settings = DatabaseSettings.from(config, Map.of());
        assertThat(settings.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("store/safegate.db").toAbsolutePath());
        try (Database database = Database.open(settings);
             Connection connection = database.connection();
             Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertThat(mode.getString(1)).isEqualTo("wal");
            assertThat(Files.getPosixFilePermissions(dir.resolve("store/safegate.db")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dir.resolve("store")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aDurableTransactionEndsInAutoCommitWithNothingForThePoolToRollBack(TestStores store) throws Exception {
        try (Database database = store.open(dir);
             Connection connection = database.connection()) {
            database.dialect().begin(connection, true);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE audit_head SET seq = 3 WHERE id = 1");
            }
            connection.commit();
            database.dialect().end(connection);
            // the pool must not find a transaction to roll back when the connection is returned
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void onTheEmbeddedStoreADurableTransactionFlushesAtCommitAndOthersAtCheckpoints() throws Exception {
        try (Database database = TestStores.SQLITE.open(dir);
             Connection connection = database.connection()) {
            assertThat(synchronous(connection)).as("NORMAL").isEqualTo(1);
            database.dialect().begin(connection, true);
            assertThat(synchronous(connection)).as("FULL").isEqualTo(2);
            connection.commit();
            database.dialect().end(connection);
            assertThat(synchronous(connection)).as("NORMAL again").isEqualTo(1);
            database.dialect().begin(connection, false);
            assertThat(synchronous(connection)).as("NORMAL").isEqualTo(1);
            connection.rollback();
            database.dialect().end(connection);
        }
    }

    private static int synchronous(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA synchronous")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void reopeningKeepsWhatWasThere() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embedded(dir));
             Connection connection = database.connection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE audit_head SET seq = 7 WHERE id = 1");
        }
        try (Database database = Database.open(DatabaseSettings.embedded(dir));
             Connection connection = database.connection();
             Statement statement = connection.createStatement();
             ResultSet head = statement.executeQuery("SELECT seq FROM audit_head")) {
            head.next();
            assertThat(head.getLong(1)).isEqualTo(7);
        }
    }

    @Test
    void passwordComesFromTheEnvironmentReferenceAndIsNeverPrinted() {
        GatewayConfig config = GatewayConfig.from(Settings.of(Map.of(GatewayConfig.DB_URL,
                "jdbc:postgresql://db.example:5432/safegate", GatewayConfig.DB_USER, "gw",
                GatewayConfig.DB_PASSWORD, "env:SAFEGATE_TEST_PW")));
        DatabaseSettings settings = DatabaseSettings.from(config, Map.of("SAFEGATE_TEST_PW", "s3cret-value"));
        assertThat(settings.password()).contains("s3cret-value");
        assertThat(settings.toString()).doesNotContain("s3cret-value");
        assertThat(settings.dialect()).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void missingPasswordVariableIsAnInputError() {
        GatewayConfig config = GatewayConfig.from(Settings.of(Map.of(GatewayConfig.DB_URL,
                "jdbc:postgresql://db.example/safegate", GatewayConfig.DB_PASSWORD, "env:NOT_SET_ANYWHERE")));
        assertThatThrownBy(() -> DatabaseSettings.from(config, Map.of()))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void unreachableDatabaseFailsWithAStoreError() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                Optional.of("x"), Optional.empty());
        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE));
    }
}
