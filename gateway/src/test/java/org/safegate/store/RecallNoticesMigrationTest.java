package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.recall.RecallNotice;
import org.safegate.recall.StoredRecallNotices;

/** A store with recalls issued before notices existed, opened by this version: each holder is told. */
class RecallNoticesMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void eachHolderOfAnEarlierRecallGetsOnePendingNotice(TestStores store) throws Exception {
        DatabaseSettings settings = store.settings(dir);
        Files.createDirectories(dir.resolve("store"));
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user().orElse(null),
                settings.password().orElse(null)).locations("classpath:db/migration").target("12").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user().orElse(null),
                settings.password().orElse(null)); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO recall VALUES ('r-1', 'IRS', 1, 'olga', 'why', 'Destroy it', 2)");
            for (String[] item : new String[][] {{"t-1", "DOJ"}, {"t-2", "DOJ"}, {"t-3", "ICE"}}) {
                s.executeUpdate("INSERT INTO recall_item (recall_id, transfer_id, holder, agreement, delivered_name,"
                        + " payload_sha256, delivered_at, state) VALUES ('r-1', '" + item[0] + "', '" + item[1]
                        + "', 'A', 'a.csv.p7m', 'sha256:aa', 1, 'OPEN')");
            }
        }

        try (Database database = Database.open(settings)) {
            assertThat(new StoredRecallNotices(database).of("r-1"))
                    .extracting(RecallNotice::holder, RecallNotice::state, RecallNotice::attempts)
                    .containsExactly(Tuple.tuple("DOJ", RecallNotice.State.PENDING, 0),
                            Tuple.tuple("ICE", RecallNotice.State.PENDING, 0));
        }
    }
}
