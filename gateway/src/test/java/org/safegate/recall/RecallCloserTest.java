package org.safegate.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AppendedEvent;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.Database;
import org.safegate.store.StoreWrite;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * An officer closing recall items without a certificate, against the real store (SQLite and
 * PostgreSQL) and a real audit log: IRS -> DOJ -> ICE -> CBP, all recalled at once.
 */
class RecallCloserTest {
    private static final Instant CASE_DAY = TestClocks.CASE_DAY;
    private static final Instant CLOSING = CASE_DAY.plus(Duration.ofDays(3));

    @TempDir
    Path dir;

    private Database database;
    private JdbcAuditLog log;
    private RecallCloser closer;
    private StoredRecalls recalls;
    private Recall recall;

    private void open(TestStores store) {
        database = store.open(dir);
        log = new JdbcAuditLog(database, TestAuditKeys.ec().treeSigner(), AuditSettings.DEFAULTS,
                TestClocks.running(CASE_DAY));
        recalls = new StoredRecalls(database);
        closer = new RecallCloser(recalls, log, Clock.fixed(CLOSING, java.time.ZoneOffset.UTC));
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-doj", null, "IRS", "DOJ", "IRS-DOJ-2024"));
        log.append(delivery(AuditEventType.REDISCLOSURE, "t-ice", "t-doj", "DOJ", "ICE", "DOJ-ICE-2024"));
        log.append(delivery(AuditEventType.REDISCLOSURE, "t-cbp", "t-ice", "ICE", "CBP", "ICE-CBP-2025"));
        recall = new RecallIssuer(RecallResolution.over(database), log,
                TestClocks.running(CASE_DAY.plus(Duration.ofDays(1))), Period.ofDays(30))
                .issue(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj")), "shared in error",
                        "Destroy the file", Optional.empty()), "olga", "cli");
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static AuditEntry delivery(AuditEventType type, String id, String parent, String from, String to,
                                       String agreement) {
        return AuditEntry.builder(type, from).origin("outbox:" + from).object(id + ".csv").transferId(id)
                .provider(from).recipient(to).agreement(agreement).payloadDigest("sha256:" + "aa".repeat(32))
                .decision("permit").parentTransfer(parent).change("delivered to " + to + " as " + id + ".csv.p7m")
                .build();
    }

    private RecallItem item(Recall r, String transfer) {
        return r.items().stream().filter(i -> i.transfer().equals(transfer)).findFirst().orElseThrow();
    }

    private List<AuditEvent> closedEvents() {
        return new AuditStore(database).list(new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(AuditEventType.RECALL_ITEM_CLOSED), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anOfficerClosesAnItemWithAReasonStoredAndAuditedTogether(TestStores store) {
        open(store);

        Recall closed = closer.close(recall.id(), List.of("t-ice"), "  ICE's copy was destroyed with the server ",
                "olga", "admin API");

        RecallItem ice = item(closed, "t-ice");
        assertThat(ice.state()).isEqualTo(RecallItem.State.CLOSED);
        assertThat(ice.closure()).isEqualTo(new RecallClosure("olga", CLOSING, "ICE's copy was destroyed with the server"));
        assertThat(item(closed, "t-doj").state()).isEqualTo(RecallItem.State.OPEN);
        assertThat(item(closed, "t-doj").closure()).isNull();
        assertThat(closed.open()).isTrue();
        assertThat(recalls.find(recall.id())).contains(closed);
        assertThat(closedEvents()).singleElement().satisfies(e -> {
            assertThat(e.entry().actor()).isEqualTo("olga");
            assertThat(e.entry().origin()).isEqualTo("admin API");
            assertThat(e.entry().object()).isEqualTo("t-ice");
            assertThat(e.entry().provider()).as("the recall's issuer").isEqualTo("IRS");
            assertThat(e.entry().recipient()).as("the holder").isEqualTo("ICE");
            assertThat(e.entry().agreement()).isEqualTo("DOJ-ICE-2024");
            assertThat(e.entry().change()).contains(recall.id(), "t-ice", "ICE's copy was destroyed");
        });
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void closingEveryItemLeavesTheRecallDoneOneEventPerItem(TestStores store) {
        open(store);

        closer.close(recall.id(), List.of("t-cbp", "t-doj"), "destroyed", "olga", "cli");
        Recall done = closer.close(recall.id(), List.of("t-ice"), "destroyed", "olga", "cli");

        assertThat(done.items()).extracting(RecallItem::state).containsOnly(RecallItem.State.CLOSED);
        assertThat(done.open()).isFalse();
        assertThat(recalls.list(new StoredRecalls.Filter(Optional.of(false), Optional.empty())))
                .extracting(Recall::id).containsExactly(recall.id());
        assertThat(closedEvents()).extracting(e -> e.entry().object()).containsExactly("t-cbp", "t-doj", "t-ice");
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anItemAlreadyClosedOrCertifiedIsAConflictNamingItsState(TestStores store) throws SQLException {
        open(store);
        closer.close(recall.id(), List.of("t-ice"), "destroyed", "olga", "cli");
        certify("t-doj");

        refused(List.of("t-ice"), "destroyed", ErrorCode.CONFLICT, "t-ice", "already closed", "by olga");
        refused(List.of("t-doj"), "destroyed", ErrorCode.CONFLICT, "t-doj", "already certified");
        refused(List.of("t-cbp", "t-doj"), "destroyed", ErrorCode.CONFLICT, "t-doj", "certified");

        assertThat(item(recalls.find(recall.id()).orElseThrow(), "t-cbp").state())
                .as("every item is checked before any is closed").isEqualTo(RecallItem.State.OPEN);
        assertThat(closedEvents()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aCertificationRecordedBetweenTheCheckAndTheWriteWinsAndNothingSaysTheItemWasClosed(TestStores store) {
        open(store);
        AuditLog certifiedMeanwhile = new AuditLog() {
            @Override
            public AppendedEvent append(AuditEntry entry) {
                return log.append(entry);
            }

            @Override
            public AppendedEvent append(AuditEntry entry, StoreWrite alongside) {
                certifyIce();
                return log.append(entry, alongside);
            }

            @Override
            public List<AppendedEvent> appendAll(List<AuditEntry> entries, StoreWrite alongside) {
                certifyIce();
                return log.appendAll(entries, alongside);
            }

            private void certifyIce() {
                try {
                    certify("t-ice");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        RecallCloser racing = new RecallCloser(recalls, certifiedMeanwhile, Clock.fixed(CLOSING,
                java.time.ZoneOffset.UTC));

        // t-doj is still open, but the items are closed together or not at all
        assertThatThrownBy(() -> racing.close(recall.id(), List.of("t-doj", "t-ice"), "destroyed", "olga", "cli"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("t-ice", "already certified");
                });
        RecallItem ice = item(recalls.find(recall.id()).orElseThrow(), "t-ice");
        assertThat(ice.state()).isEqualTo(RecallItem.State.CERTIFIED);
        assertThat(ice.closure()).isNull();
        assertThat(item(recalls.find(recall.id()).orElseThrow(), "t-doj").state()).isEqualTo(RecallItem.State.OPEN);
        assertThat(closedEvents()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void badRequestsAreRefusedNamingWhatIsWrongAndCloseNothing(TestStores store) {
        open(store);

        assertThatThrownBy(() -> closer.close("R-none", List.of("t-ice"), "r", "olga", "cli"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).contains("recall", "'R-none'");
                });
        refused(List.of("t-cbp", "t-other"), "r", ErrorCode.NOT_FOUND, "'t-other'", "not an item of recall");
        refused(List.of("t-ice"), null, ErrorCode.BAD_INPUT, "reason");
        refused(List.of("t-ice"), "   ", ErrorCode.BAD_INPUT, "reason");
        refused(List.of("t-ice"), "x".repeat(2001), ErrorCode.BAD_INPUT, "longer than 2000");
        refused(List.of(), "r", ErrorCode.BAD_INPUT, "items");
        refused(List.of("t-ice", "t-ice"), "r", ErrorCode.BAD_INPUT, "twice");

        assertThat(recalls.find(recall.id())).contains(recall);
        assertThat(closedEvents()).isEmpty();
    }

    private void refused(List<String> items, String reason, ErrorCode code, String... says) {
        assertThatThrownBy(() -> closer.close(recall.id(), items, reason, "olga", "cli"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(says);
                });
    }

    /** What a holder's certificate of disposal will record; not built yet, so set in the table. */
    private void certify(String transfer) throws SQLException {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("UPDATE recall_item SET state = 'CERTIFIED'"
                     + " WHERE recall_id = ? AND transfer_id = ?")) {
            s.setString(1, recall.id());
            s.setString(2, transfer);
            assertThat(s.executeUpdate()).isEqualTo(1);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
