package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestClocks;

/**
 * Archives written before the Merkle tree (export version 1: chain-head checkpoints and a seal
 * over the last event) still verify, and tampering with them is still found.
 */
class FirstFormatExportTest {
    private static final TestAuditKeys KEYS = TestAuditKeys.ec();

    @TempDir
    Path dir;

    /** An export as the first format wrote it: five events, a checkpoint at 3, a seal at 5. */
    private List<String> firstFormatExport() {
        List<String> lines = new ArrayList<>();
        lines.add("{\"kind\":\"header\",\"format\":\"safegate-audit-export\",\"version\":1,\"anchorSeq\":0,\"anchorHash\":\""
                + CanonicalEncoding.GENESIS + "\",\"filtered\":false,\"exportedAt\":\"2026-12-01T12:00:00.000Z\"}");
        String previous = CanonicalEncoding.GENESIS;
        Instant time = TestClocks.CASE_DAY;
        for (int seq = 1; seq <= 5; seq++) {
            AuditEvent draft = new AuditEvent(seq, time, AuditEntries.delivered("t-" + seq, "IRS-ICE-2025", seq),
                    previous, "");
            String hash = CanonicalEncoding.hash(draft);
            lines.add(JsonlExport.eventLine(CanonicalEncoding.encode(draft), hash).strip());
            if (seq == 3 || seq == 5) {
                lines.add(checkpointLine(seq, hash, time, seq == 5));
            }
            previous = hash;
        }
        return lines;
    }

    private static String checkpointLine(long seq, String hash, Instant time, boolean seal) {
        CheckpointSigner signer = KEYS.signer();
        byte[] signature = signer.sign(CanonicalEncoding.encodeCheckpoint(seq, hash, time, signer.keyId()));
        return "{\"kind\":\"checkpoint\",\"seq\":" + seq + ",\"hash\":\"" + hash + "\",\"time\":\""
                + CanonicalEncoding.formatTime(time) + "\",\"keyId\":\"" + signer.keyId() + "\",\"algorithm\":\""
                + signer.algorithm() + "\",\"signature\":\"" + Base64.getEncoder().encodeToString(signature)
                + "\",\"seal\":" + seal + "}";
    }

    private VerificationResult verify(List<String> lines) throws IOException {
        Path file = Files.write(dir.resolve("archive-2019.jsonl"), lines);
        return new JsonlExportReader().verify(file, new ChainVerifier(KEYS.certificate()));
    }

    @Test
    void anArchiveOfTheFirstFormatStillVerifies() throws IOException {
        VerificationResult result = verify(firstFormatExport());
        assertThat(result.problem()).isEmpty();
        assertThat(result.events()).isEqualTo(5);
        assertThat(result.checkpoints()).isEqualTo(2);
    }

    @Test
    void anEditInAnArchiveOfTheFirstFormatIsFound() throws IOException {
        List<String> lines = firstFormatExport();
        lines.set(2, lines.get(2).replace("\"recipient\":\"ICE\"", "\"recipient\":\"DOJ\""));
        assertThat(verify(lines).problem()).hasValueSatisfying(problem -> {
            assertThat(problem.kind()).isEqualTo(TamperKind.ALTERED);
            assertThat(problem.sequence()).isEqualTo(2);
        });
    }
}
