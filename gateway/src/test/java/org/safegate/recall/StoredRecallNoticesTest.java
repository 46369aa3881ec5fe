package org.safegate.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.Outcome;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.Database;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * The notices of a recall in the real store (SQLite and PostgreSQL): pending per holder from the
 * moment the recall is issued, and delivered by one attempt only, in the transaction of its audit event.
 */
class StoredRecallNoticesTest {
    private static final Instant CASE_DAY = TestClocks.CASE_DAY;

    @TempDir
    Path dir;

    private Database database;
    private JdbcAuditLog log;
    private StoredRecallNotices notices;
    private Recall recall;

    private void issue(TestStores store) {
        database = store.open(dir);
        log = new JdbcAuditLog(database, TestAuditKeys.ec().treeSigner(), AuditSettings.DEFAULTS,
                TestClocks.running(CASE_DAY));
        notices = new StoredRecallNotices(database);
        // IRS -> DOJ twice (both recalled), DOJ passes one on to ICE
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-doj", null, "IRS", "DOJ"));
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-doj-2", null, "IRS", "DOJ"));
        log.append(delivery(AuditEventType.REDISCLOSURE, "t-ice", "t-doj", "DOJ", "ICE"));
        recall = new RecallIssuer(RecallResolution.over(database), log,
                TestClocks.running(CASE_DAY.plus(Duration.ofDays(1))), Period.ofDays(30))
                .issue(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj", "t-doj-2")), "why",
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

    private static AuditEntry delivery(AuditEventType type, String id, String parent, String from, String to) {
        return AuditEntry.builder(type, from).origin("outbox:" + from).object(id + ".csv").transferId(id)
                .provider(from).recipient(to).agreement(from + "-" + to).payloadDigest("sha256:" + "aa".repeat(32))
                .decision("permit").parentTransfer(parent).change("delivered to " + to + " as " + id + ".csv.p7m")
                .build();
    }

    private RecallNotice notice(String holder) {
        return notices.of(recall.id()).stream().filter(n -> n.holder().equals(holder)).findFirst().orElseThrow();
    }

    private void deliveredEvent(String holder, int attempt) {
        log.append(AuditEntry.builder(AuditEventType.RECALL_NOTICE_DELIVERED, "gateway").origin("inbox:" + holder)
                .object(recall.id()).outcome(Outcome.SUCCESS).provider("IRS").recipient(holder)
                .change("delivered").build(), StoredRecallNotices.delivered(recall.id(), holder, attempt,
                "recalls/" + RecallNotice.fileName(recall.id()), CASE_DAY.plus(Duration.ofDays(1))));
    }

    private int deliveredEvents() {
        return new AuditStore(database).list(new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(AuditEventType.RECALL_NOTICE_DELIVERED), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())).size();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void issuingARecallLeavesOnePendingNoticePerHolder(TestStores store) {
        issue(store);

        assertThat(notices.of(recall.id())).extracting(RecallNotice::holder, RecallNotice::state,
                RecallNotice::attempts).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DOJ", RecallNotice.State.PENDING, 0),
                        org.assertj.core.groups.Tuple.tuple("ICE", RecallNotice.State.PENDING, 0));
        assertThat(notices.unfinished()).hasSize(2);
        assertThat(notice("ICE").deliveredAs()).isEmpty();
        assertThat(notice("ICE").heldSince()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void onlyTheLatestAttemptRecordsTheDeliveryAndItsEvent(TestStores store) {
        issue(store);
        RecallNotice read = notice("DOJ");

        assertThat(notices.claim(read)).contains(1);
        assertThat(notices.claim(read)).as("claimed on a stale read").isEmpty();
        assertThat(notices.claim(notice("DOJ"))).contains(2);
        assertThatThrownBy(() -> deliveredEvent("DOJ", 1)).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_WRITE_FAILED));
        assertThat(deliveredEvents()).as("the event went with the refused write").isZero();

        deliveredEvent("DOJ", 2);

        RecallNotice publishing = notice("DOJ");
        assertThat(publishing.state()).isEqualTo(RecallNotice.State.PUBLISHING);
        assertThat(publishing.sealedAttempt()).contains(2);
        assertThat(publishing.deliveredAs()).contains("recalls/" + recall.id() + ".json.p7m");
        assertThat(publishing.deliveredAt()).contains(CASE_DAY.plus(Duration.ofDays(1)));
        assertThat(deliveredEvents()).isEqualTo(1);
        assertThatThrownBy(() -> deliveredEvent("DOJ", 2)).as("delivered once").isInstanceOf(SafegateException.class);
        assertThat(notices.claim(publishing)).contains(3);
        assertThat(notices.resealed(notice("DOJ"), 3)).isTrue();
        assertThat(notice("DOJ").sealedAttempt()).contains(3);

        notices.published(notice("DOJ"));

        assertThat(notice("DOJ").state()).isEqualTo(RecallNotice.State.DELIVERED);
        assertThat(notices.unfinished()).extracting(RecallNotice::holder).containsExactly("ICE");
        assertThat(notices.claim(notice("DOJ"))).as("nothing left to attempt").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aHoldKeepsItsStartAndTheLatestReasonUntilTheNoticeIsDelivered(TestStores store) {
        issue(store);
        Instant since = CASE_DAY.plus(Duration.ofDays(1));
        log.append(AuditEntry.builder(AuditEventType.RECALL_NOTICE_HELD, "gateway").origin("inbox:ICE")
                .object(recall.id()).outcome(Outcome.FAILURE).change("held").build(),
                StoredRecallNotices.heldFrom(notice("ICE"), since, "the server is down"));

        notices.stillHeld(notice("ICE"), "the server is still down");

        assertThat(notice("ICE").heldSince()).contains(since);
        assertThat(notice("ICE").heldReason()).contains("the server is still down");
        assertThat(notice("DOJ").heldSince()).isEmpty();
        int attempt = notices.claim(notice("ICE")).orElseThrow();
        deliveredEvent("ICE", attempt);
        assertThat(notice("ICE").heldSince()).isEmpty();
        assertThat(notice("ICE").heldReason()).isEmpty();
    }
}
