package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** {@link Database#openExisting}: the store as it is, for commands that only read it. */
class OpenExistingStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingEmbeddedStoreIsNotCreatedNorItsFolder() {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("data"));

        assertThatThrownBy(() -> Database.openExisting(settings)).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_MISSING)).hasMessageContaining(settings.place());
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aDatabaseWithoutTheSchemaIsNoStoreAndGetsNoTable() throws SQLException {
        DatabaseSettings empty = EmbeddedPostgresServer.newDatabase();

        assertThatThrownBy(() -> Database.openExisting(empty)).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_MISSING)).hasMessageContaining(empty.place());
        try (Connection c = DriverManager.getConnection(empty.jdbcUrl());
             ResultSet tables = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            assertThat(tables.next()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aStoreAtTheCurrentSchemaOpensForReading(TestStores store) throws SQLException {
        DatabaseSettings settings = store.settings(dir);
        Database.open(settings).close();

        try (Database database = Database.openExisting(settings); Connection c = database.connection();
             ResultSet head = c.createStatement().executeQuery("SELECT seq FROM audit_head WHERE id = 1")) {
            assertThat(head.next()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aStoreOfALaterVersionIsRefusedNamingBothVersions(TestStores store) throws SQLException {
        DatabaseSettings settings = store.settings(dir);
        try (Database database = Database.open(settings); Connection c = database.connection();
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1,"
                    + " '999', 'later', 'SQL', 'V999__later.sql', 0, 'test', CURRENT_TIMESTAMP, 1, TRUE"
                    + " FROM flyway_schema_history");
        }

        assertThatThrownBy(() -> Database.openExisting(settings)).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_OTHER_VERSION))
                .hasMessageContaining("schema version 999, newer than this Safegate's");
    }

    @Test
    void theEmbeddedStoreFileIsLeftAsItWasWhenRefused() throws Exception {
        Path file = Files.createFile(Files.createDirectories(dir.resolve("store")).resolve("safegate.db"));

        assertThatThrownBy(() -> Database.openExisting(DatabaseSettings.embedded(dir)))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_MISSING));
        try (var files = Files.list(dir.resolve("store"))) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.size(file)).isZero();
    }
}
