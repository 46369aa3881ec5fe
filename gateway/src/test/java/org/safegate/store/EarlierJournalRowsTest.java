package org.safegate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * A journal with transfers in flight that an earlier snapshot journaled as SEALED (sealed, not yet
 * audited), a state this version no longer resumes.
 */
class EarlierJournalRowsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(5000), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aSealedRowOfAnEarlierVersionStopsTheStartWithWhatToDo(TestStores store) throws SQLException {
        try (Database database = store.open(dir)) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                s.executeUpdate(row("t-sealed", "SEALED"));
                s.executeUpdate(row("t-sealing", "SEALING"));
            }
            TransferJournal journal = new TransferJournal(database, CLOCK);

            assertThatThrownBy(journal::requireRowsOfThisVersion).isInstanceOfSatisfying(SafegateException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.JOURNAL_OF_EARLIER_VERSION);
                        assertThat(e.getMessage()).contains("t-sealed").contains("SEALED")
                                .contains("IRS-DOJ-2024/t-sealed.csv").contains("run --once")
                                .doesNotContain("t-sealing");
                    });
            assertThat(journal.inFlight("t-sealed")).as("nothing is changed").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void rowsOfThisVersionPass(TestStores store) throws SQLException {
        try (Database database = store.open(dir)) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                s.executeUpdate(row("t-sealing", "SEALING"));
                s.executeUpdate(row("t-delivered", "DELIVERED"));
                s.executeUpdate(row("t-refusing", "REFUSING"));
            }

            assertThatCode(new TransferJournal(database, CLOCK)::requireRowsOfThisVersion).doesNotThrowAnyException();
        }
    }

    private static String row(String transferId, String state) {
        return "INSERT INTO transfer_journal (transfer_id, sender, source_path, source_size, source_modified, agreement,"
                + " recipient, payload_sha256, state, delivered_as, updated_at) VALUES ('" + transferId + "', 'IRS',"
                + " 'IRS-DOJ-2024/" + transferId + ".csv', 10, 20, 'IRS-DOJ-2024', 'DOJ', '" + "a".repeat(64) + "', '"
                + state + "', NULL, 1)";
    }
}
