package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.store.Database;
import org.safegate.store.TestStores;
import org.safegate.testing.TestClocks;

/**
 * Someone edits an exported audit log before handing it to an auditor. Result: offline
 * verification (no database) names the kind of tampering and the first event it touched.
 * Twelve events, each its own commit and checkpoint, then a seal.
 */
class ExportTamperTest {
    static final TestAuditKeys KEYS = StoreTamperTest.KEYS;

    @TempDir
    Path dir;
    private List<String> lines;

    @BeforeEach
    void export() {
        lines = export(AuditQuery.ALL);
        assertThat(lines).hasSize(1 + 12 + 12 + 1);
    }

    private List<String> export(AuditQuery query) {
        try (Database database = TestStores.SQLITE.open(dir.resolve("store-" + lines()))) {
            StoreTamperTest.append(database, 1, 12);
            StringWriter out = new StringWriter();
            new JsonlExport(new AuditStore(database), KEYS.treeSigner(), TestClocks.runningFromCaseDay())
                    .write(query, out, n -> { });
            return new ArrayList<>(out.toString().lines().toList());
        }
    }

    private int lines() {
        return lines == null ? 0 : lines.size();
    }

    private Path write(List<String> content) throws IOException {
        return Files.write(dir.resolve("export.jsonl"), content);
    }

    private VerificationResult verify(List<String> content) throws IOException {
        return new JsonlExportReader().verify(write(content), new ChainVerifier(KEYS.certificate()));
    }

    private Path certificate() {
        return KEYS.writeTo(dir.resolve("keys")).resolve("gateway/audit.crt");
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
        VerifyCommandRunner.assertTampered(kind, sequence, "--file", dir.resolve("export.jsonl").toString(),
                "--cert", certificate().toString());
    }

    /** Recomputes every event's hash and link from {@code line} on, as someone covering an edit would. */
    private void rechainFrom(int first) throws IOException {
        EventLineParser parser = new EventLineParser();
        int before = first - 1;
        while (!lines.get(before).startsWith("{\"kind\":\"event\"")) {
            before--;
        }
        String previous = parser.parse(lines.get(before)).hash();
        for (int i = first; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("{\"kind\":\"event\"")) {
                continue;
            }
            AuditEvent event = parser.parse(lines.get(i));
            AuditEvent draft = new AuditEvent(event.sequence(), event.time(), event.entry(), previous, "");
            String hash = CanonicalEncoding.hash(draft);
            lines.set(i, JsonlExport.eventLine(CanonicalEncoding.encode(draft), hash).strip());
            previous = hash;
        }
    }

    @Test
    void anUntouchedExportVerifiesWithoutADatabase() throws IOException {
        assertThat(lines.get(0)).startsWith("{\"kind\":\"header\"").contains("\"version\":2");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"kind\":\"seal\"");
        VerificationResult result = verify(lines);
        assertThat(result.problem()).isEmpty();
        assertThat(result.events()).isEqualTo(12);
        assertThat(result.checkpoints()).isEqualTo(12);
        VerifyCommandRunner.assertIntact("intact: ", "--file", write(lines).toString(), "--cert",
                certificate().toString());
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
        AuditEvent draft = new AuditEvent(7, Instant.parse("2025-06-01T00:00:00Z"),
                AuditEntries.delivered("forged", "IRS-ICE-2025", 99), previousHash, "");
        lines.add(lineOfEvent(7), JsonlExport.eventLine(CanonicalEncoding.encode(draft),
                CanonicalEncoding.hash(draft)).strip());
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
    void theTailIsDroppedAndTheSealKept() throws IOException {
        lines.subList(lineOfEvent(11), lines.size() - 1).clear();
        assertProblem(verify(lines), TamperKind.TRUNCATED, 11);
    }

    /** {@code head -n 24}: the last event, its checkpoint and the seal are gone. */
    @Test
    void anExportCutShortHasNoSeal() throws IOException {
        assertProblem(verify(lines.subList(0, lines.size() - 2)), TamperKind.TRUNCATED, 1);
    }

    @Test
    void everyCheckpointIsRemovedAfterAnEditAndTheChainRecomputed() throws IOException {
        int line = lineOfEvent(3);
        lines.set(line, lines.get(line).replace("addresses-t-3.csv", "innocuous.csv"));
        rechainFrom(line);
        lines.removeIf(l -> l.startsWith("{\"kind\":\"checkpoint\""));
        assertProblem(verify(lines), TamperKind.INCONSISTENT, 12);
    }

    @Test
    void aCheckpointIsDeletedFromTheMiddle() throws IOException {
        lines.remove(lineOfEvent(6) + 1);
        assertProblem(verify(lines), TamperKind.CHECKPOINT_MISSING, 6);
    }

    @Test
    void theLastCheckpointIsDeleted() throws IOException {
        lines.remove(lines.size() - 2);
        assertProblem(verify(lines), TamperKind.CHECKPOINT_MISSING, 12);
    }

    @Test
    void theHeaderIsEdited() throws IOException {
        lines.set(0, lines.get(0).replaceAll("\"exportedAt\":\"[^\"]+\"", "\"exportedAt\":\"2020-01-01T00:00:00.000Z\""));
        assertProblem(verify(lines), TamperKind.HEADER_ALTERED, 1);
    }

    @Test
    void aCheckpointSignatureIsForged() throws IOException {
        int line = lineOfEvent(5) + 1;
        assertThat(lines.get(line)).startsWith("{\"kind\":\"checkpoint\",\"treeSize\":5,");
        String signature = lines.get(line).replaceAll(".*\\\\n\u2014 \\S+ ([^\\\\]+)\\\\n.*", "$1");
        byte[] bytes = java.util.Base64.getDecoder().decode(signature);
        bytes[bytes.length - 3] ^= 1;
        lines.set(line, lines.get(line).replace(signature, java.util.Base64.getEncoder().encodeToString(bytes)));
        assertProblem(verify(lines), TamperKind.CHECKPOINT_SIGNATURE_INVALID, 5);
    }

    @Test
    void anotherCertificateIsAnInputErrorNotTampering() throws IOException {
        Path other = TestAuditKeys.ec().writeTo(dir.resolve("other")).resolve("gateway/audit.crt");
        assertThat(verify(lines).isIntact()).isTrue();
        VerifyCommandRunner.assertExit(2, "signed by a different key", "--file", write(lines).toString(),
                "--cert", other.toString());
    }

    @Test
    void anExportOfAPeriodWithNoEventsIsIntact() throws IOException {
        Instant after = Instant.parse("2030-01-01T00:00:00Z");
        List<String> empty = export(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(),
                Optional.of(after), Optional.empty(), Optional.empty()));
        assertThat(empty).hasSize(2);
        VerificationResult result = verify(empty);
        assertThat(result.problem()).isEmpty();
        assertThat(result.events()).isZero();
        VerifyCommandRunner.assertIntact("intact: " + dir.resolve("export.jsonl") + ": 0 events", "--file",
                write(empty).toString(), "--cert", certificate().toString());
    }

    @Test
    void aFileThatIsNotAnExportIsRejectedAsInvalidInput() {
        assertThatThrownBy(() -> verify(List.of("hello")))
                .isInstanceOfSatisfying(AuditFileException.class,
                        e -> assertThat(e.code()).isEqualTo("AUDIT_EXPORT_INVALID"));
    }
}
