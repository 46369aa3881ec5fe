package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.store.Database;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * Someone edits an exported audit log before handing it to an auditor. Result: offline
 * verification (no database) names the kind of tampering and the first event it touched.
 */
class ExportTamperTest {
    static final TestAuditKeys KEYS = TestAuditKeys.ec();

    @TempDir
    Path dir;
    private List<String> lines;

    @BeforeEach
    void export() {
        try (Database database = TestStores.SQLITE.open(dir)) {
            try (JdbcAuditLog log = new JdbcAuditLog(database, KEYS.treeSigner(),
                    AuditSettings.DEFAULTS.withMaxBatch(64), TestClocks.runningFromCaseDay())) {
                for (int i = 1; i <= 12; i++) {
                    log.append(AuditEntries.delivered("t-" + i, "IRS-ICE-2025", i));
                }
            }
            StringWriter out = new StringWriter();
            long count = new JsonlExport(new AuditStore(database), KEYS.treeSigner(), TestClocks.runningFromCaseDay())
                    .write(AuditQuery.ALL, out, n -> { });
            assertThat(count).isEqualTo(12);
            lines = new ArrayList<>(out.toString().lines().toList());
        }
    }

    private VerificationResult verify(List<String> content) throws IOException {
        Path file = Files.write(dir.resolve("export.jsonl"), content);
        return new JsonlExportReader().verify(file, new ChainVerifier(KEYS.certificate()));
    }

    /** The same through the command line, offline: exit status 1 and the event named. */
    private void assertCommandNames(TamperKind kind, long sequence) {
        Path cert = KEYS.writeTo(dir.resolve("keys")).resolve("gateway/audit.crt");
        VerifyCommandRunner.assertTampered(kind, sequence, "--file", dir.resolve("export.jsonl").toString(),
                "--cert", cert.toString());
    }

    private int lineOfEvent(long sequence) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"kind\":\"event\",\"v\":1,\"seq\":" + sequence + ",")) {
                return i;
            }
        }
        throw new AssertionError("no event " + sequence);
    }

    private void assertProblem(VerificationResult result, TamperKind kind, long sequence) {
        assertThat(result.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(kind);
            assertThat(problem.sequence()).isEqualTo(sequence);
        });
        assertCommandNames(kind, sequence);
    }

    @Test
    void anUntouchedExportVerifiesWithoutADatabase() throws IOException {
        assertThat(lines.get(0)).startsWith("{\"kind\":\"header\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"seal\":true");
        VerificationResult result = verify(lines);
        assertThat(result.problem()).isEmpty();
        assertThat(result.events()).isEqualTo(12);
        assertThat(result.checkpoints()).isEqualTo(3);
    }

    @Test
    void aFieldOfOneEventIsChanged() throws IOException {
        int line = lineOfEvent(7);
        lines.set(line, lines.get(line).replace("\"recipient\":\"ICE\"", "\"recipient\":\"DOJ\""));
        assertProblem(verify(lines), TamperKind.ALTERED, 7);
    }

    @Test
    void oneEventIsDeleted() throws IOException {
        lines.remove(lineOfEvent(7));
        assertProblem(verify(lines), TamperKind.REMOVED, 7);
    }

    @Test
    void aForgedEventIsInserted() throws IOException {
        String previousHash = lines.get(lineOfEvent(6)).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        AuditEvent draft = new AuditEvent(7, java.time.Instant.parse("2025-06-01T00:00:00Z"),
                AuditEntries.delivered("forged", "IRS-ICE-2025", 99), previousHash, "");
        AuditEvent forged = new AuditEvent(7, draft.time(), draft.entry(), previousHash, CanonicalEncoding.hash(draft));
        lines.add(lineOfEvent(7), JsonlExport.eventLine(CanonicalEncoding.encode(forged), forged.hash()).strip());
        assertProblem(verify(lines), TamperKind.INSERTED, 7);
    }

    @Test
    void twoEventsAreSwapped() throws IOException {
        int seven = lineOfEvent(7);
        int eight = lineOfEvent(8);
        String line = lines.get(seven);
        lines.set(seven, lines.get(eight));
        lines.set(eight, line);
        assertProblem(verify(lines), TamperKind.REORDERED, 7);
    }

    @Test
    void theTailAfterTheLastCheckpointIsDropped() throws IOException {
        lines.remove(lineOfEvent(12));
        lines.remove(lineOfEvent(11));
        assertProblem(verify(lines), TamperKind.TRUNCATED, 11);
    }

    @Test
    void aCheckpointSignatureIsForged() throws IOException {
        int line = lineOfEvent(5) + 1;
        assertThat(lines.get(line)).startsWith("{\"kind\":\"checkpoint\",\"seq\":5,");
        String signed = lines.get(line).replaceAll(".*\"signature\":\"([^\"]+)\".*", "$1");
        String forged = Base64.getEncoder().encodeToString(TestAuditKeys.ec().signer().sign(new byte[] {1, 2, 3}));
        lines.set(line, lines.get(line).replace(signed, forged));
        assertProblem(verify(lines), TamperKind.CHECKPOINT_SIGNATURE_INVALID, 5);
    }

    @Test
    void aFileThatIsNotAnExportIsRejectedAsInvalidInput() {
        assertThatThrownBy(() -> verify(List.of("hello")))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_EXPORT_INVALID));
    }
}
