package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * Someone with write access to the database tampers with the audit log. Result: verify names the
 * kind of tampering and the first event it touched. Twelve events, a checkpoint every five.
 */
class StoreTamperTest {
    static final TestAuditKeys KEYS = TestAuditKeys.ec();

    @TempDir
    Path dir;
    private Database database;
    private Path config;
    private List<AuditEvent> events;

    void setUp(TestStores store) {
        DatabaseSettings settings = store.settings(dir);
        database = Database.open(settings);
        Path keys = KEYS.writeTo(dir.resolve("keys"));
        String where = store == TestStores.SQLITE ? "safegate.data=" + dir : "safegate.db.url=" + settings.jdbcUrl();
        try {
            config = Files.writeString(dir.resolve("application.properties"), where + "\nsafegate.keys=file:" + keys + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JdbcAuditLog log = new JdbcAuditLog(database, KEYS.signer(),
                new AuditSettings(5, Duration.ofHours(1), Period.ofYears(7), 64), TestClocks.runningFromCaseDay())) {
            for (int i = 1; i <= 12; i++) {
                log.append(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", i));
            }
        }
        events = new AuditStore(database).list(AuditQuery.ALL);
        assertThat(verify().isIntact()).isTrue();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private VerificationResult verify() {
        return new AuditStore(database).verify(new ChainVerifier(KEYS.verifier()));
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    private void assertProblem(VerificationResult result, TamperKind kind, long sequence) {
        assertThat(result.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.sequence()).isEqualTo(sequence);
        });
        VerifyCommandRunner.assertTampered(kind, sequence, "--config", config.toString());
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aFieldOfOneEventIsChanged(TestStores store) throws SQLException {
        setUp(store);
        sql("UPDATE audit_event SET recipient = 'DOJ' WHERE seq = 7");
        assertProblem(verify(), TamperKind.ALTERED, 7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void oneEventIsDeleted(TestStores store) throws SQLException {
        setUp(store);
        sql("DELETE FROM audit_event WHERE seq = 7");
        assertProblem(verify(), TamperKind.REMOVED, 7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anEventIsInsertedAndTheRestRenumbered(TestStores store) throws SQLException {
        setUp(store);
        sql("UPDATE audit_event SET seq = -seq - 1 WHERE seq >= 7", "UPDATE audit_event SET seq = -seq WHERE seq < 0");
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
        sql("UPDATE audit_event SET seq = -1 WHERE seq = 7", "UPDATE audit_event SET seq = 7 WHERE seq = 8",
                "UPDATE audit_event SET seq = 8 WHERE seq = -1");
        assertProblem(verify(), TamperKind.REORDERED, 7);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void theTailAfterTheLastCheckpointIsDropped(TestStores store) throws SQLException {
        setUp(store);
        sql("DELETE FROM audit_event WHERE seq > 10");
        assertProblem(verify(), TamperKind.TRUNCATED, 11);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void aCheckpointSignatureIsForged(TestStores store) throws SQLException {
        setUp(store);
        Checkpoint genuine = new AuditStore(database).checkpoints().get(0);
        byte[] forged = TestAuditKeys.ec().signer().sign(genuine.signedBytes());
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_checkpoint SET signature = ? WHERE seq = ?")) {
            update.setString(1, Base64.getEncoder().encodeToString(forged));
            update.setLong(2, genuine.sequence());
            update.executeUpdate();
        }
        assertProblem(verify(), TamperKind.CHECKPOINT_SIGNATURE_INVALID, 5);
    }
}
