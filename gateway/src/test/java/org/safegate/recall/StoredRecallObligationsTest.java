package org.safegate.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.policy.RecallObligations.Open;
import org.safegate.store.Database;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * What holders owe under recalls, read from the real store (SQLite and PostgreSQL): open items per
 * recall with its due date; certified and closed items owe nothing (their state set in the store,
 * as certification and closing write it); and the {@code overdue} filter of the recall list.
 */
class StoredRecallObligationsTest {
    private static final Instant ISSUED = TestClocks.CASE_DAY;
    private static final Instant SOON = ISSUED.plus(Duration.ofDays(10));
    private static final Instant LATER = ISSUED.plus(Duration.ofDays(30));

    @TempDir
    Path dir;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private void open(TestStores store) throws SQLException {
        database = store.open(dir);
        insert(recall("R-LATER", LATER, item("t-1", "ICE"), item("t-2", "DOJ")));
        insert(recall("R-SOON", SOON, item("t-3", "ICE"), item("t-4", "ICE"), item("t-5", "DOJ")));
    }

    private static Recall recall(String id, Instant due, RecallItem... items) {
        return new Recall(id, "IRS", ISSUED, "olga", "internal reason", "Destroy it", due, List.of(items));
    }

    private static RecallItem item(String transfer, String holder) {
        return new RecallItem(transfer, holder, "IRS-" + holder, transfer + ".csv.p7m", "sha256:" + "aa".repeat(32),
                ISSUED.minus(Duration.ofDays(1)), null, List.of(), RecallItem.State.OPEN);
    }

    private void insert(Recall recall) throws SQLException {
        try (Connection c = database.connection()) {
            StoredRecalls.inserting(recall).write(c);
        }
    }

    private void setState(String recall, String transfer, RecallItem.State state) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE recall_item SET state = ? WHERE recall_id = ? AND transfer_id = ?")) {
            s.setString(1, state.name());
            s.setString(2, recall);
            s.setString(3, transfer);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void eachHolderOwesItsOpenItemsPerRecallByDueDate(TestStores store) throws SQLException {
        open(store);
        StoredRecallObligations obligations = new StoredRecallObligations(database);

        assertThat(obligations.open("ICE")).containsExactly(new Open("R-SOON", 2, SOON), new Open("R-LATER", 1, LATER));
        assertThat(obligations.open("DOJ")).containsExactly(new Open("R-SOON", 1, SOON), new Open("R-LATER", 1, LATER));
        assertThat(obligations.open("CBP")).isEmpty();
        LocalDate overdueDay = LocalDate.ofInstant(SOON, ZoneOffset.UTC).plusDays(1);
        assertThat(obligations.overdue("ICE", overdueDay.minusDays(1))).isEmpty();
        assertThat(obligations.overdue("ICE", overdueDay)).containsExactly(new Open("R-SOON", 2, SOON));
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void certifiedAndClosedItemsOweNothingFromTheNextRead(TestStores store) throws SQLException {
        open(store);
        StoredRecallObligations obligations = new StoredRecallObligations(database);

        setState("R-SOON", "t-3", RecallItem.State.CERTIFIED);
        assertThat(obligations.open("ICE")).containsExactly(new Open("R-SOON", 1, SOON), new Open("R-LATER", 1, LATER));
        setState("R-SOON", "t-4", RecallItem.State.CLOSED);
        setState("R-LATER", "t-1", RecallItem.State.CERTIFIED);
        assertThat(obligations.open("ICE")).isEmpty();
        assertThat(obligations.open("DOJ")).as("another holder's items are its own").hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theOverdueFilterKeepsRecallsWithAnItemOpenPastDueOnTheDay(TestStores store) throws SQLException {
        open(store);
        StoredRecalls recalls = new StoredRecalls(database);
        LocalDate overdueDay = LocalDate.ofInstant(SOON, ZoneOffset.UTC).plusDays(1);

        assertThat(overdue(recalls, true, overdueDay.minusDays(1))).isEmpty();
        assertThat(overdue(recalls, false, overdueDay.minusDays(1))).containsExactly("R-LATER", "R-SOON");
        assertThat(overdue(recalls, true, overdueDay)).containsExactly("R-SOON");
        assertThat(overdue(recalls, false, overdueDay)).containsExactly("R-LATER");

        for (String transfer : List.of("t-3", "t-4", "t-5")) {
            setState("R-SOON", transfer, RecallItem.State.CERTIFIED);
        }
        assertThat(overdue(recalls, true, overdueDay)).as("every item certified").isEmpty();
    }

    /** With a holder, open and overdue speak of that holder's items: DOJ owing does not make ICE overdue. */
    @ParameterizedTest
    @EnumSource(TestStores.class)
    void withAHolderTheFiltersLookAtThatHoldersItemsOnly(TestStores store) throws SQLException {
        open(store);
        StoredRecalls recalls = new StoredRecalls(database);
        LocalDate overdueDay = LocalDate.ofInstant(SOON, ZoneOffset.UTC).plusDays(1);
        setState("R-SOON", "t-3", RecallItem.State.CERTIFIED);
        setState("R-SOON", "t-4", RecallItem.State.CLOSED);

        assertThat(ids(recalls, "ICE", Optional.of(true), Optional.of(new StoredRecalls.Overdue(true, overdueDay))))
                .as("ICE owes nothing under R-SOON any more").isEmpty();
        assertThat(ids(recalls, "ICE", Optional.of(false), Optional.empty())).containsExactly("R-SOON");
        assertThat(ids(recalls, "DOJ", Optional.empty(), Optional.of(new StoredRecalls.Overdue(true, overdueDay))))
                .containsExactly("R-SOON");
        assertThat(ids(recalls, "ICE", Optional.of(true), Optional.empty())).containsExactly("R-LATER");
    }

    private static List<String> ids(StoredRecalls recalls, String holder, Optional<Boolean> open,
                                    Optional<StoredRecalls.Overdue> overdue) {
        return recalls.list(new StoredRecalls.Filter(open, Optional.of(holder), overdue)).stream().map(Recall::id)
                .sorted().toList();
    }

    private static List<String> overdue(StoredRecalls recalls, boolean overdue, LocalDate day) {
        return recalls.list(new StoredRecalls.Filter(Optional.empty(), Optional.empty(),
                Optional.of(new StoredRecalls.Overdue(overdue, day)))).stream().map(Recall::id).sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aStoreThatCannotBeReadFailsRatherThanOweNothing(TestStores store) throws SQLException {
        open(store);
        StoredRecallObligations obligations = new StoredRecallObligations(database);
        database.close();

        assertThatThrownBy(() -> obligations.open("ICE")).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE));
        database = null;
    }
}
