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
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditSettings;
import org.safegate.audit.AuditStore;
import org.safegate.audit.JdbcAuditLog;
import org.safegate.audit.Outcome;
import org.safegate.audit.TestAuditKeys;
import org.safegate.store.AnswerRecords;
import org.safegate.store.Database;
import org.safegate.store.StoredPassedRequests;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/** Issuing a recall against the real store (SQLite and PostgreSQL) and a real audit log. */
class RecallIssuerTest {
    private static final Instant CASE_DAY = TestClocks.CASE_DAY;

    @TempDir
    Path dir;

    private Database database;
    private JdbcAuditLog log;
    private RecallIssuer issuer;
    private StoredRecalls recalls;

    private void open(TestStores store) {
        database = store.open(dir);
        log = new JdbcAuditLog(database, TestAuditKeys.ec().treeSigner(), AuditSettings.DEFAULTS,
                TestClocks.running(CASE_DAY));
        issuer = new RecallIssuer(new RecallResolution(new AuditStore(database), new AnswerRecords(database),
                new StoredPassedRequests(database)), log,
                TestClocks.running(CASE_DAY.plus(Duration.ofDays(2))), Period.ofDays(30));
        recalls = new StoredRecalls(database);
        // IRS -> DOJ, DOJ passes it to ICE, ICE passes it on again; another IRS -> DOJ file is left alone
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-doj", null, "IRS", "DOJ", "IRS-DOJ-2024", "aa"));
        log.append(delivery(AuditEventType.REDISCLOSURE, "t-ice", "t-doj", "DOJ", "ICE", "DOJ-ICE-2024", "aa"));
        log.append(delivery(AuditEventType.REDISCLOSURE, "t-cbp", "t-ice", "ICE", "CBP", "ICE-CBP-2025", "aa"));
        log.append(delivery(AuditEventType.TRANSFER_DELIVERED, "t-other", null, "IRS", "DOJ", "IRS-DOJ-2024", "bb"));
        log.append(AuditEntry.builder(AuditEventType.TRANSFER_DENIED, "IRS").origin("outbox:IRS").object("x.csv")
                .transferId("t-denied").provider("IRS").recipient("ICE").agreement("IRS-ICE-2025")
                .outcome(Outcome.FAILURE).decision("deny").build());
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
                                       String agreement, String digest) {
        return AuditEntry.builder(type, from).origin("outbox:" + from).object(id + ".csv").transferId(id)
                .provider(from).recipient(to).agreement(agreement).payloadDigest("sha256:" + digest.repeat(32))
                .decision("permit").parentTransfer(parent).change("delivered to " + to + " as " + id + ".csv.p7m")
                .build();
    }

    private static RecallIssuer.Request request(RecallScope scope) {
        return new RecallIssuer.Request(scope, "addresses shared without a valid request", "Destroy the file",
                Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRecallOfOneDeliveryResolvesEveryRedisclosureDownstreamAndIsStoredAndAudited(TestStores store) {
        open(store);

        Recall recall = issuer.issue(request(RecallScope.ofTransfers(List.of("t-doj"))), "olga", "admin API");

        assertThat(recall.issuer()).isEqualTo("IRS");
        assertThat(recall.due()).isEqualTo(recall.issuedAt().plus(Duration.ofDays(30)));
        assertThat(recall.items()).extracting(RecallItem::transfer, RecallItem::holder, RecallItem::parent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t-doj", "DOJ", null),
                        org.assertj.core.groups.Tuple.tuple("t-ice", "ICE", "t-doj"),
                        org.assertj.core.groups.Tuple.tuple("t-cbp", "CBP", "t-ice"));
        RecallItem ice = recall.items().get(1);
        assertThat(ice.agreement()).isEqualTo("DOJ-ICE-2024");
        assertThat(ice.deliveredName()).isEqualTo("t-ice.csv.p7m");
        assertThat(ice.sha256()).isEqualTo("sha256:" + "aa".repeat(32));
        assertThat(ice.state()).isEqualTo(RecallItem.State.OPEN);
        assertThat(recalls.find(recall.id())).contains(recall);
        List<AuditEvent> issued = new AuditStore(database).list(new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(AuditEventType.RECALL_ISSUED), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(issued).singleElement().satisfies(e -> {
            assertThat(e.entry().actor()).isEqualTo("olga");
            assertThat(e.entry().object()).isEqualTo(recall.id());
            assertThat(e.entry().change()).contains("3 item(s)", "t-doj t-ice t-cbp", "reason: addresses shared");
        });
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRecallOfAnAgreementTakesItsDeliveriesInThePeriodAndTheirDownstream(TestStores store) {
        open(store);
        Instant from = CASE_DAY.minus(Duration.ofDays(1));

        Recall recall = issuer.issue(request(RecallScope.ofAgreement("IRS-DOJ-2024", from,
                from.plus(Duration.ofDays(2)))), "olga", "cli");

        assertThat(recall.items()).extracting(RecallItem::transfer)
                .containsExactly("t-doj", "t-ice", "t-cbp", "t-other");
        assertThatThrownBy(() -> issuer.issue(request(RecallScope.ofAgreement("IRS-DOJ-2024",
                from.minus(Duration.ofDays(9)), from)), "olga", "cli"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("nothing to recall", "IRS-DOJ-2024");
                });
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aSecondRecallOfTheSameItemIsAllowedAndBothAreTracked(TestStores store) {
        open(store);

        Recall first = issuer.issue(request(RecallScope.ofTransfers(List.of("t-ice"))), "olga", "cli");
        Recall second = issuer.issue(request(RecallScope.ofTransfers(List.of("t-doj"))), "olga", "cli");

        assertThat(first.items()).extracting(RecallItem::transfer).containsExactly("t-ice", "t-cbp");
        assertThat(recalls.list(new StoredRecalls.Filter(Optional.empty(), Optional.of("ICE"))))
                .extracting(Recall::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(recalls.list(new StoredRecalls.Filter(Optional.empty(), Optional.of("DOJ"))))
                .extracting(Recall::id).containsExactly(second.id());
        assertThat(recalls.list(new StoredRecalls.Filter(Optional.of(true), Optional.empty()))).hasSize(2);
        assertThat(recalls.list(new StoredRecalls.Filter(Optional.of(false), Optional.empty()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void recalledDataIsFoundByItsDigestWhateverTheItemsHolder(TestStores store) {
        open(store);
        RecalledPayloads recalled = new RecalledPayloads(database);
        assertThat(recalled.recallOf("aa".repeat(32))).isEmpty();

        Recall first = issuer.issue(request(RecallScope.ofTransfers(List.of("t-ice"))), "olga", "cli");
        issuer.issue(request(RecallScope.ofTransfers(List.of("t-doj"))), "olga", "cli");

        assertThat(recalled.recallOf("aa".repeat(32))).as("the first recall issued").contains(first.id());
        assertThat(recalled.recallOf("sha256:" + "aa".repeat(32))).contains(first.id());
        assertThat(recalled.recallOf("bb".repeat(32))).as("t-other was not recalled").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void badRequestsAreRefusedNamingTheFieldAndRecordNothing(TestStores store) {
        open(store);

        refused(request(RecallScope.ofTransfers(List.of("t-doj", "t-nope"))), ErrorCode.NOT_FOUND, "t-nope");
        refused(request(RecallScope.ofTransfers(List.of("t-denied"))), ErrorCode.BAD_INPUT, "never delivered");
        refused(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj")), " ", "notice", Optional.empty()),
                ErrorCode.BAD_INPUT, "reason");
        refused(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj")), "why", "notice",
                Optional.of("P-1D")), ErrorCode.BAD_INPUT, "due");
        refused(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj")), "why", "notice",
                Optional.of("2026-12-02")), ErrorCode.BAD_INPUT, "not after");
        refused(new RecallIssuer.Request(RecallScope.ofTransfers(List.of("t-doj")), "why", "notice",
                Optional.of("soon")), ErrorCode.BAD_INPUT, "ISO period");
        refused(new RecallIssuer.Request(new RecallScope(List.of("t-doj"), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("req-1")), "why", "notice", Optional.empty()), ErrorCode.NOT_FOUND,
                "'req-1'");

        assertThat(recalls.list(StoredRecalls.Filter.ALL)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aRecallByRequestKeepsTheRecordsOfThatRequestOnEveryItemDownstreamAndStoresThemAll(TestStores store)
            throws java.sql.SQLException {
        open(store);
        // t-doj was an answer file: R-1 on line 2, R-2 on every other line of 2,000 (more than 4000 characters)
        AnswerRecords answers = new AnswerRecords(database);
        AnswerRecords.Staging staged = answers.stage("t-doj", "IRS-DOJ-2024");
        for (int line = 2; line <= 2_001; line++) {
            staged.add(line == 2 ? "R-1" : "R-2", line, line);
        }
        staged.flush();
        try (java.sql.Connection c = database.connection()) {
            c.setAutoCommit(false);
            AnswerRecords.delivering("t-doj").write(c);
            c.commit();
            c.setAutoCommit(true);
        }
        new StoredPassedRequests(database).recordAll(List.of(
                new org.safegate.inspect.RequestOutcome("IRS-DOJ-2024", "DOJ", "R-1", CASE_DAY, true),
                new org.safegate.inspect.RequestOutcome("IRS-DOJ-2024", "DOJ", "R-2", CASE_DAY, true)));

        Recall one = issuer.issue(request(new RecallScope(List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("R-1"))), "olga", "cli");
        Recall all = issuer.issue(request(new RecallScope(List.of("t-doj"), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("R-2", "R-1"))), "olga", "cli");

        assertThat(one.items()).extracting(RecallItem::transfer, RecallItem::recordIds).containsExactly(
                org.assertj.core.groups.Tuple.tuple("t-doj", List.of("2")),
                org.assertj.core.groups.Tuple.tuple("t-ice", List.of("2")),
                org.assertj.core.groups.Tuple.tuple("t-cbp", List.of("2")));
        assertThat(all.items()).allSatisfy(i -> assertThat(i.recordIds()).hasSize(2_000).startsWith("2", "3")
                .endsWith("2001"));
        assertThat(recalls.find(one.id())).contains(one);
        assertThat(recalls.find(all.id())).contains(all);
    }

    private void refused(RecallIssuer.Request request, ErrorCode code, String says) {
        assertThatThrownBy(() -> issuer.issue(request, "olga", "cli"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(says);
                });
    }
}
