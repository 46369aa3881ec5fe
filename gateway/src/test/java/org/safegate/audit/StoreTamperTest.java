package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;
import org.safegate.tlog.NoteKey;
import org.safegate.tlog.SignedNote;
import org.safegate.tlog.Witness;
import org.safegate.tlog.Witnesses;

/**
 * Someone with write access to the database tampers with the audit log. Result: verify names the
 * kind of tampering and the first event it touched, in the library and on the command line. Twelve
 * events, each appended on its own, so each has its own signed checkpoint.
 */
class StoreTamperTest {
    static final TestAuditKeys KEYS = TestAuditKeys.ec();

    @TempDir
    Path dir;
    private Database database;
    private Path config;
    private List<AuditEvent> events;
    private StoreSurgery surgery;

    void setUp(TestStores store) {
        DatabaseSettings settings = store.settings(dir);
        database = Database.open(settings);
        surgery = new StoreSurgery(database);
        Path keys = KEYS.writeTo(dir.resolve("keys"));
        String where = store == TestStores.SQLITE ? "safegate.data=" + dir : "safegate.db.url=" + settings.jdbcUrl();
        try {
            config = Files.writeString(dir.resolve("application.properties"), where + "\nsafegate.keys=file:" + keys + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        append(database, 1, 12);
        events = new AuditStore(database).list(AuditQuery.ALL);
        assertThat(verify().isIntact()).isTrue();
    }

    static void append(Database database, int from, int to) {
        try (JdbcAuditLog log = new JdbcAuditLog(database, KEYS.treeSigner(), AuditSettings.DEFAULTS.withMaxBatch(64),
                TestClocks.runningFromCaseDay())) {
            for (int i = from; i <= to; i++) {
                log.append(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", i));
            }
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private VerificationResult verify(Path... witnesses) {
        List<Witness> held = Witnesses.load(List.of(witnesses), new org.safegate.tlog.NoteKeys(
                KEYS.certificate().getPublicKey()));
        return new AuditStore(database).verify(new ChainVerifier(KEYS.certificate()), held);
    }

    private void assertProblem(VerificationResult result, TamperKind kind, long sequence, Path... witnesses) {
        assertThat(result.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.sequence()).isEqualTo(sequence);
        });
        String[] args = new String[2 + 2 * witnesses.length];
        args[0] = "--config";
        args[1] = config.toString();
        for (int i = 0; i < witnesses.length; i++) {
            args[2 + 2 * i] = "--witness";
            args[3 + 2 * i] = witnesses[i].toString();
        }
        VerifyCommandRunner.assertTampered(kind, sequence, args);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aFieldOfOneEventIsChanged(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("UPDATE audit_event SET recipient = 'DOJ' WHERE seq = 7");
        assertProblem(verify(), TamperKind.ALTERED, 7);
    }

    /** For scripts: one JSON object, with the kind, the headline and the event, and the same exit status. */
    @ParameterizedTest
    @EnumSource(value = TestStores.class, names = "SQLITE")
    void verifySaysItInJsonToo(TestStores store) throws Exception {
        setUp(store);
        String intact = VerifyCommandRunner.output(0, "--config", config.toString(), "--json");
        com.fasterxml.jackson.databind.JsonNode ok = new com.fasterxml.jackson.databind.ObjectMapper().readTree(intact);
        assertThat(ok.path("intact").asBoolean()).isTrue();
        assertThat(ok.path("events").asLong()).isEqualTo(12);
        assertThat(ok.path("checkpoints").asLong()).isEqualTo(12);
        assertThat(ok.has("problem")).isFalse();

        surgery.sql("DELETE FROM audit_event WHERE seq = 7");
        com.fasterxml.jackson.databind.JsonNode bad = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                VerifyCommandRunner.output(1, "--config", config.toString(), "--json"));
        assertThat(bad.path("intact").asBoolean()).isFalse();
        assertThat(bad.path("problem").path("kind").asText()).isEqualTo("REMOVED");
        assertThat(bad.path("problem").path("headline").asText()).isEqualTo("TAMPERED");
        assertThat(bad.path("problem").path("sequence").asLong()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void oneEventIsDeleted(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("DELETE FROM audit_event WHERE seq = 7");
        assertProblem(verify(), TamperKind.REMOVED, 7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anEventIsInsertedAndTheRestRenumbered(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("UPDATE audit_event SET seq = -seq - 1 WHERE seq >= 7",
                "UPDATE audit_event SET seq = -seq WHERE seq < 0");
        AuditEvent before = events.get(5);
        AuditEvent draft = new AuditEvent(7, before.time(), AuditEntries.delivered("forged", "IRS-ICE-2025", 99),
                before.hash(), "");
        AuditEvent forged = new AuditEvent(7, draft.time(), draft.entry(), draft.previousHash(),
                CanonicalEncoding.hash(draft));
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(AuditEventRows.INSERT)) {
            AuditEventRows.bind(insert, forged, database.dialect());
            insert.executeUpdate();
        }
        assertProblem(verify(), TamperKind.INSERTED, 7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void twoEventsAreSwapped(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("UPDATE audit_event SET seq = -1 WHERE seq = 7", "UPDATE audit_event SET seq = 7 WHERE seq = 8",
                "UPDATE audit_event SET seq = 8 WHERE seq = -1");
        assertProblem(verify(), TamperKind.REORDERED, 7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theTailIsDroppedButItsCheckpointsStay(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("DELETE FROM audit_event WHERE seq > 10");
        assertProblem(verify(), TamperKind.TRUNCATED, 11);
    }

    /** The first insider attack: the last three events go with their checkpoints, and the head is fixed. */
    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theTailIsDroppedWithItsCheckpointsAndAWitnessShowsIt(TestStores store) throws SQLException {
        setUp(store);
        Path inbox = dir.resolve("inbox-ICE/checkpoints");
        Path witness = surgery.witness(12, inbox);
        surgery.rollBackTo(9);
        assertThat(verify().isIntact()).as("without a witness a clean cut cannot be told from a shorter log").isTrue();
        assertProblem(verify(inbox), TamperKind.ROLLED_BACK, 10, inbox);
        assertThat(verify(witness).problem().get().detail()).contains(witness.toString());
    }

    /** Last week's backup of the store is restored: a perfectly signed, shorter log. */
    @ParameterizedTest
    @EnumSource(value = TestStores.class, names = "SQLITE")
    void aCopyOfTheStoreFromBeforeIsRestoredAndAWitnessShowsIt(TestStores store) throws Exception {
        setUp(store);
        database.close();
        Path file = dir.resolve("store/safegate.db");
        Path backup = Files.copy(file, dir.resolve("backup.db"));
        database = Database.open(TestStores.SQLITE.settings(dir));
        surgery = new StoreSurgery(database);
        append(database, 13, 15);
        Path witness = surgery.witness(15, dir.resolve("DOJ/inbox/checkpoints"));
        database.close();
        Files.copy(backup, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("store/safegate.db-wal"));
        Files.deleteIfExists(dir.resolve("store/safegate.db-shm"));
        database = Database.open(TestStores.SQLITE.settings(dir));
        assertThat(verify().isIntact()).isTrue();
        assertProblem(verify(witness), TamperKind.ROLLED_BACK, 13, witness);
    }

    /** The gateway's key signed two different logs: what one agency holds shows the other is not the one it saw. */
    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aForkedLogIsShownByAWitnessOfTheOtherBranch(TestStores store) throws Exception {
        setUp(store);
        Path other = dir.resolve("other-branch");
        Path witness;
        try (Database branch = TestStores.SQLITE.open(other)) {
            try (JdbcAuditLog log = new JdbcAuditLog(branch, KEYS.treeSigner(), AuditSettings.DEFAULTS,
                    org.safegate.testing.TestClocks.runningFromCaseDay())) {
                for (int i = 1; i <= 8; i++) {
                    log.append(AuditEntries.delivered(i == 5 ? "elsewhere" : "t-" + i, "IRS-ICE-2025", i));
                }
            }
            witness = new StoreSurgery(branch).witness(8, dir.resolve("ICE/inbox/checkpoints"));
        }
        assertProblem(verify(witness), TamperKind.FORKED, 8, witness);
    }

    @ParameterizedTest
    @EnumSource(value = TestStores.class, names = "SQLITE")
    void anotherCertificateIsAnInputErrorNotTampering(TestStores store) {
        setUp(store);
        Path otherCertificate = TestAuditKeys.ec().writeTo(dir.resolve("other-keys")).resolve("gateway/audit.crt");
        VerifyCommandRunner.assertExit(2, "signed by a different key", "--config", config.toString(), "--cert",
                otherCertificate.toString());
    }

    /** The second insider attack: an event is rewritten, the chain recomputed and every checkpoint deleted. */
    @ParameterizedTest
    @EnumSource(TestStores.class)
    void everyCheckpointIsRemovedAndTheChainRecomputed(TestStores store) throws SQLException {
        setUp(store);
        surgery.rewriteAndRechain(3, entry -> entry.toBuilder().object("innocuous.csv").build());
        surgery.sql("DELETE FROM audit_tree_head");
        assertProblem(verify(), TamperKind.UNCOVERED, 1);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anEventIsRewrittenAndTheChainRecomputedUnderItsCheckpoints(TestStores store) throws SQLException {
        setUp(store);
        surgery.rewriteAndRechain(3, entry -> entry.toBuilder().object("innocuous.csv").build());
        assertProblem(verify(), TamperKind.INCONSISTENT, 3);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aCheckpointIsDeletedFromTheMiddle(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("DELETE FROM audit_tree_head WHERE tree_size = 6");
        assertProblem(verify(), TamperKind.CHECKPOINT_MISSING, 6);
    }

    /** The third insider attack: a made-up archive record, then every event deleted. */
    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aFakeArchiveRecordHidesEveryEvent(TestStores store) throws SQLException {
        setUp(store);
        surgery.sql("INSERT INTO audit_archive (up_to_seq, hash, archived_at, file_name, file_digest, tree_edge)"
                        + " VALUES (12, '" + events.get(11).hash() + "', CURRENT_TIMESTAMP, '" + dir.resolve("gone.jsonl")
                        + "', '" + "0".repeat(64) + "', '')",
                "DELETE FROM audit_event", "DELETE FROM audit_tree_head");
        assertProblem(verify(), TamperKind.REMOVED, 1);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aCheckpointSignatureIsForged(TestStores store) throws SQLException {
        setUp(store);
        String genuine = surgery.note(5);
        SignedNote note = SignedNote.parse(genuine);
        TestAuditKeys other = TestAuditKeys.ec();
        NoteKey ours = new NoteKey(AuditSettings.DEFAULT_ORIGIN, KEYS.certificate().getPublicKey());
        // a signature line that claims to be the audit key's, made with another key
        String forged = new SignedNote(note.text(), List.of(ours.signatureLine(other.signer().sign(note.signedBytes()))))
                .format();
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_tree_head SET note = ? WHERE tree_size = 5")) {
            update.setString(1, forged);
            update.executeUpdate();
        }
        assertProblem(verify(), TamperKind.CHECKPOINT_SIGNATURE_INVALID, 5);
    }
}
