package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.StoreWrite;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;
import org.safegate.tlog.InclusionProof;
import org.safegate.tlog.NoteKey;
import org.safegate.tlog.NoteKeys;
import org.safegate.tlog.SignedNote;
import org.safegate.tlog.TreeHead;

class AuditLogTest {
    private static final TestAuditKeys KEYS = TestAuditKeys.ec();

    @TempDir
    Path dir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private Database open(TestStores store) {
        Database database = store.open(dir);
        toClose.add(database);
        return database;
    }

    private JdbcAuditLog log(Database database, AuditSettings settings, Clock clock) {
        JdbcAuditLog log = new JdbcAuditLog(database, KEYS.treeSigner(), settings, clock);
        toClose.add(log);
        return log;
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void appendReturnsTheSequenceAndHashOfTheStoredEventAndTheChainVerifies(TestStores store) {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        AppendedEvent first = log.append(AuditEntries.delivered("t-1", "IRS-ICE-2025", 12));
        AppendedEvent second = log.append(AuditEntries.denied("t-2", "IRS-ICE-2025", "CAP_MISSING", "REVIEW_STALE"));

        List<AuditEvent> events = new AuditStore(database).list(AuditQuery.ALL);
        assertThat(events).extracting(AuditEvent::sequence).containsExactly(1L, 2L);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.hash()).isEqualTo(events.get(0).hash());
        assertThat(second.hash()).isEqualTo(events.get(1).hash());
        assertThat(events.get(0).previousHash()).isEqualTo(CanonicalEncoding.GENESIS);
        assertThat(events.get(1).previousHash()).isEqualTo(first.hash());
        assertThat(new AuditStore(database).verify(new ChainVerifier(KEYS.certificate())).isIntact()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aStoreWriteHandedInWithAnEventCommitsWithItOrNotAtAll(TestStores store) throws Exception {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        StoreWrite insert = c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO revocation (agency, revoked_at, revoked_by, reason) VALUES ('ICE', 1, 'alice', 'breach')");
            }
        };

        assertThatThrownBy(() -> log.append(AuditEntries.delivered("t-1", "IRS-ICE-2025", 12), c -> {
            insert.write(c);
            throw new SQLException("the disk is full");
        })).isInstanceOf(SafegateException.class).hasMessageContaining("the disk is full");
        assertThat(new AuditStore(database).list(AuditQuery.ALL)).isEmpty();
        assertThat(revocations(database)).isZero();

        log.append(AuditEntries.delivered("t-2", "IRS-ICE-2025", 12), insert);
        assertThat(new AuditStore(database).list(AuditQuery.ALL)).hasSize(1);
        assertThat(revocations(database)).isOne();
    }

    /**
     * Callers whose appends queued up together commit in one transaction; one caller's store write
     * failing (a recall item certified meanwhile, say) must fail that caller only, never the
     * deliveries and denials of the others that happened to share its batch.
     */
    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aFailingStoreWriteFailsItsOwnCallerOnlyNotTheOthersOfItsBatch(TestStores store) throws Exception {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        java.util.concurrent.CountDownLatch writerBusy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var first = callers.submit(() -> log.append(AuditEntries.delivered("t-1", "IRS-ICE-2025", 12), c -> {
                writerBusy.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new SQLException(e);
                }
            }));
            writerBusy.await();
            var failing = callers.submit(() -> log.append(AuditEntries.delivered("t-2", "IRS-ICE-2025", 12), c -> {
                throw new SQLException("the item is no longer open");
            }));
            var other = callers.submit(() -> log.append(AuditEntries.denied("t-3", "IRS-ICE-2025", "REVIEW_STALE")));
            // both wait for the writer, busy with the first: they are its next batch
            org.awaitility.Awaitility.await().until(() -> log.waiting() == 2);
            release.countDown();

            assertThat(first.get().sequence()).isOne();
            assertThat(other.get().sequence()).isEqualTo(2);
            assertThatThrownBy(failing::get).hasCauseInstanceOf(SafegateException.class)
                    .hasMessageContaining("the item is no longer open");
        } finally {
            callers.shutdownNow();
        }
        assertThat(new AuditStore(database).list(AuditQuery.ALL)).extracting(e -> e.entry().transferId())
                .containsExactly("t-1", "t-3");
        assertThat(new AuditStore(database).verify(new ChainVerifier(KEYS.certificate())).isIntact()).isTrue();
    }

    private static int revocations(Database database) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM revocation")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void everyFieldSurvivesTheStoreUnchanged(TestStores store) {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        AuditEntry entry = AuditEntries.denied("t-9", "IRS-ICE-2025", "CAP_ITEM_UNDATED").toBuilder()
                .change("quote \" backslash \\ newline \n tab \t bell \u0007 unicode é ✓ \uD83D\uDD12")
                .parentTransfer("t-1").size(0L).reasonCodes(List.of("CAP_ITEM_UNDATED", "REVIEW_STALE")).build();
        log.append(entry);
        AuditEvent stored = new AuditStore(database).list(AuditQuery.ALL).get(0);
        assertThat(stored.entry()).isEqualTo(entry);
        assertThat(stored.isSelfConsistent()).isTrue();
        // verification reads rows its own way (on SQLite, one JSON array per row): it must read the same bytes
        VerificationResult verified = new AuditStore(database).verify(new ChainVerifier(KEYS.certificate()));
        assertThat(verified.problem()).isEmpty();
        assertThat(verified.events()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void concurrentThreadsExtendOneLinearChain(TestStores store) throws Exception {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AppendedEvent>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "t-" + i;
            results.add(pool.submit(() -> log.append(AuditEntries.delivered(id, "IRS-ICE-2025", 1))));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AppendedEvent> result : results) {
            sequences.add(result.get(1, TimeUnit.MINUTES).sequence());
        }
        pool.shutdown();
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
        VerificationResult result = new AuditStore(database).verify(new ChainVerifier(KEYS.certificate()));
        assertThat(result.problem()).isEmpty();
        assertThat(result.events()).isEqualTo(400);
        assertThat(result.checkpoints()).isBetween(1L, 400L);
        assertThat(new AuditStore(database).latestCheckpoint()).hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(400));
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void everyCommitSignsTheNewTreeAsACheckpointNamingTheOneBefore(TestStores store) {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        for (int i = 0; i < 3; i++) {
            log.append(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", 1));
        }
        List<String> notes = new ArrayList<>();
        new AuditStore(database).latestCheckpoint().ifPresent(c -> notes.add(c.note()));
        assertThat(notes).hasSize(1);
        SignedNote note = SignedNote.parse(notes.get(0));
        TreeHead head = TreeHead.parse(note.text());
        assertThat(head.origin()).isEqualTo(AuditSettings.DEFAULT_ORIGIN);
        assertThat(head.size()).isEqualTo(3);
        assertThat(head.extension("previous")).contains("2");
        AuditEvent last = new AuditStore(database).list(AuditQuery.ALL).get(2);
        assertThat(head.extension("time")).contains(CanonicalEncoding.formatTime(last.time()));
        assertThat(new NoteKey(AuditSettings.DEFAULT_ORIGIN, KEYS.certificate().getPublicKey()).check(note))
                .isEqualTo(NoteKey.Check.VALID);
        VerificationResult result = new AuditStore(database).verify(new ChainVerifier(KEYS.certificate()));
        assertThat(result.checkpoints()).isEqualTo(3);
        assertThat(result.tree().root()).isEqualTo(head.root());
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void appendedEventsCarryAnInclusionProofAgainstTheCheckpointOfTheirCommit(TestStores store) throws Exception {
        Database database = open(store);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        for (int i = 0; i < 20; i++) {
            log.append(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", 1));
        }
        List<java.util.concurrent.CompletableFuture<AppendedEvent>> batch = new ArrayList<>();
        for (int i = 20; i < 37; i++) {
            batch.add(log.appendAsync(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", 1)));
        }
        NoteKeys keys = new NoteKeys(KEYS.certificate().getPublicKey());
        for (java.util.concurrent.CompletableFuture<AppendedEvent> appended : batch) {
            InclusionProof proof = appended.get(1, TimeUnit.MINUTES).proof();
            assertThat(proof.problem(keys)).isEmpty();
            assertThat(proof.transfer()).isEqualTo("t-" + (proof.leafIndex()));
        }
        InclusionProof fromStore = new AuditStore(database).prove("t-4");
        assertThat(fromStore.treeSize()).isEqualTo(37);
        assertThat(fromStore.problem(keys)).isEmpty();
    }

    @Test
    void aFailedWriteThrowsAndIsNeverSilentlyDropped() {
        Database database = TestStores.SQLITE.open(dir);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        log.append(AuditEntries.delivered("t-1", "IRS-ICE-2025", 1));
        database.close();
        assertThatThrownBy(() -> log.append(AuditEntries.delivered("t-2", "IRS-ICE-2025", 1)))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_WRITE_FAILED));
    }

    @Test
    void appendsAfterCloseAreRefused() {
        JdbcAuditLog log = new JdbcAuditLog(open(TestStores.SQLITE), KEYS.treeSigner(), AuditSettings.DEFAULTS,
                TestClocks.runningFromCaseDay());
        log.close();
        assertThatThrownBy(() -> log.append(AuditEntries.delivered("t-1", "IRS-ICE-2025", 1)))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_WRITE_FAILED));
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void twoGatewayProcessesSharingTheStoreExtendOneLinearChain(TestStores store) throws Exception {
        DatabaseSettings settings = store.settings(dir.resolve("data"));
        Path keys = KEYS.writeTo(dir.resolve("keys"));
        Database database = Database.open(settings);
        toClose.add(database);
        JdbcAuditLog log = log(database, AuditSettings.DEFAULTS, TestClocks.runningFromCaseDay());
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendFromAnotherProcess.class.getName(),
                settings.jdbcUrl(), "300", keys.toString()).inheritIO().start();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> mine = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            mine.add(pool.submit(() -> {
                int n = 0;
                // keep appending while the other process does, so the two really interleave
                while (other.isAlive() || n < 100) {
                    log.append(AuditEntries.delivered("mine-" + thread + "-" + n, "IRS-ICE-2025", 1));
                    n++;
                }
                return n;
            }));
        }
        assertThat(other.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(other.exitValue()).isZero();
        int appendedHere = mine.get(0).get(1, TimeUnit.MINUTES) + mine.get(1).get(1, TimeUnit.MINUTES);
        pool.shutdown();

        AuditStore reader = new AuditStore(database);
        List<AuditEvent> events = reader.list(AuditQuery.ALL);
        assertThat(events).hasSize(appendedHere + 300);
        assertThat(events).extracting(AuditEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appendedHere + 300L).boxed().toList());
        assertThat(events).extracting(e -> e.entry().transferId()).anyMatch(id -> id.startsWith("other-"))
                .anyMatch(id -> id.startsWith("mine-"));
        VerificationResult result = reader.verify(new ChainVerifier(KEYS.certificate()));
        assertThat(result.problem()).isEmpty();
        assertThat(result.events()).isEqualTo(appendedHere + 300L);
    }
}
