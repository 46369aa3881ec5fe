package org.safegate.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.RecallMarks;
import org.safegate.store.Database;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * What auditors read of recalls, per delivery, against the real store (SQLite and PostgreSQL):
 * items are moved to certified and closed directly in {@code recall_item}, as the disposal
 * certificates and an officer's closing do.
 */
class TransferRecallsTest {
    private static final Instant ISSUED = TestClocks.CASE_DAY;
    private static final Instant DUE = ISSUED.plus(Duration.ofDays(30));

    @TempDir
    Path dir;
    private Database database;
    private TransferRecalls recalls;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Recall A holds t-doj and t-ice, B (issued a day later) t-ice and t-other; t-free is in none. */
    private void open(TestStores store) throws SQLException {
        database = store.open(dir);
        recalls = new TransferRecalls(database);
        store(recall("rc-a", ISSUED, item("t-doj", null), item("t-ice", "t-doj")));
        store(recall("rc-b", ISSUED.plus(Duration.ofDays(1)), item("t-ice", "t-doj"), item("t-other", null)));
    }

    private void store(Recall recall) throws SQLException {
        try (Connection c = database.connection()) {
            StoredRecalls.inserting(recall).write(c);
        }
    }

    private static Recall recall(String id, Instant issued, RecallItem... items) {
        return new Recall(id, "IRS", issued, "olga", "shared on incomplete requests", "Destroy it",
                issued.plus(Duration.ofDays(30)), List.of(items));
    }

    private static RecallItem item(String transfer, String parent) {
        return new RecallItem(transfer, "DOJ", "IRS-DOJ-2024", transfer + ".csv.p7m", "sha256:" + "aa".repeat(32),
                ISSUED.minus(Duration.ofDays(3)), parent, List.of(), RecallItem.State.OPEN);
    }

    private void state(String recall, String transfer, String state) throws SQLException {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("UPDATE recall_item SET state = ? WHERE recall_id = ?"
                     + " AND transfer_id = ?")) {
            s.setString(1, state);
            s.setString(2, recall);
            s.setString(3, transfer);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void eachRecallOfATransferWithItsItemsStateAndWhetherItIsOverdue(TestStores store) throws SQLException {
        open(store);
        state("rc-b", "t-ice", "CERTIFIED");

        // due at noon: past due at once, but overdue (as the gate decides, per UTC day) from the next day
        List<TransferRecalls.Held> before = recalls.of("t-ice", DUE.plusMillis(1));
        List<TransferRecalls.Held> after = recalls.of("t-ice", DUE.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .plus(Duration.ofDays(1)));

        assertThat(before).extracting(TransferRecalls.Held::recall).as("by issue time").containsExactly("rc-a", "rc-b");
        TransferRecalls.Held a = after.get(0);
        assertThat(a.issuer()).isEqualTo("IRS");
        assertThat(a.issuedAt()).isEqualTo(ISSUED);
        assertThat(a.due()).isEqualTo(DUE);
        assertThat(a.state()).isEqualTo(RecallItem.State.OPEN);
        assertThat(before.get(0).overdue()).as("the due day itself").isFalse();
        assertThat(a.overdue()).as("open on the first day that starts after its due instant").isTrue();
        assertThat(after.get(1).state()).isEqualTo(RecallItem.State.CERTIFIED);
        assertThat(after.get(1).overdue()).as("certified is never overdue").isFalse();
        assertThat(recalls.of("t-free", DUE)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aDeliverysStandingSumsUpAllItsItems(TestStores store) throws SQLException {
        open(store);
        Instant late = ISSUED.plus(Duration.ofDays(60));
        assertThat(recalls.standing("t-ice", ISSUED)).contains(TransferRecalls.Standing.OPEN);
        assertThat(recalls.standing("t-ice", late)).contains(TransferRecalls.Standing.OVERDUE);
        assertThat(recalls.standing("t-free", late)).isEmpty();

        state("rc-a", "t-ice", "CERTIFIED");
        assertThat(recalls.standing("t-ice", late)).as("still open in rc-b").contains(TransferRecalls.Standing.OVERDUE);
        state("rc-b", "t-ice", "CERTIFIED");
        assertThat(recalls.standing("t-ice", late)).contains(TransferRecalls.Standing.DISPOSED);
        state("rc-b", "t-ice", "CLOSED");
        assertThat(recalls.standing("t-ice", late)).as("one closed by an officer")
                .contains(TransferRecalls.Standing.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theMarksOfTheAccountingAreReadOnceForEveryItem(TestStores store) throws SQLException {
        open(store);
        state("rc-a", "t-doj", "CERTIFIED");
        state("rc-a", "t-ice", "CLOSED");
        state("rc-b", "t-ice", "CERTIFIED");

        RecallMarks marks = recalls.marks();

        assertThat(marks.of("t-doj")).contains(RecallMarks.Mark.DISPOSED);
        assertThat(marks.of("t-ice")).contains(RecallMarks.Mark.CLOSED);
        assertThat(marks.of("t-other")).contains(RecallMarks.Mark.OPEN);
        assertThat(marks.of("t-free")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anItemStateThisVersionDoesNotKnowIsAStoreFailureNamingIt(TestStores store) throws SQLException {
        open(store);
        state("rc-a", "t-doj", "SHREDDED");

        assertThatThrownBy(() -> recalls.of("t-doj", ISSUED)).isInstanceOfSatisfying(SafegateException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE);
            assertThat(e.getMessage()).contains("SHREDDED", "t-doj");
        });
        assertThatThrownBy(() -> recalls.marks()).isInstanceOf(SafegateException.class)
                .hasMessageContaining("SHREDDED");
    }
}
