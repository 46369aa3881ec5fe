package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A store written by an earlier version, which kept finished transfers as DONE rows, opened by this one. */
class FinishedJournalRowsMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void finishedRowsGoAndRowsInFlightStay(TestStores store) throws SQLException, java.io.IOException {
        DatabaseSettings settings = store.settings(dir);
        java.nio.file.Files.createDirectories(dir.resolve("store"));
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user().orElse(null),
                settings.password().orElse(null)).locations("classpath:db/migration").target("5").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user().orElse(null),
                settings.password().orElse(null)); Statement s = c.createStatement()) {
            s.executeUpdate(row("t-done", "DONE"));
            s.executeUpdate(row("t-delivered", "DELIVERED"));
            s.executeUpdate(row("t-sealing", "SEALING"));
        }

        try (Database database = Database.open(settings); Connection c = database.connection();
             ResultSet r = c.createStatement().executeQuery("SELECT transfer_id FROM transfer_journal ORDER BY 1")) {
            List<String> left = new ArrayList<>();
            while (r.next()) {
                left.add(r.getString(1));
            }
            assertThat(left).containsExactly("t-delivered", "t-sealing");
        }
    }

    private static String row(String transferId, String state) {
        return "INSERT INTO transfer_journal (transfer_id, sender, source_path, source_size, source_modified, agreement,"
                + " recipient, payload_sha256, state, delivered_as, updated_at) VALUES ('" + transferId + "', 'IRS',"
                + " 'IRS-DOJ-2024/" + transferId + ".csv', 10, 20, 'IRS-DOJ-2024', 'DOJ', '" + "a".repeat(64) + "', '"
                + state + "', NULL, 1)";
    }
}
