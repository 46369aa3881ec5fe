package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of docs/audit-format.md: an auditor's own implementation must reproduce it. */
class CanonicalEncodingTest {
    static final AuditEvent EXAMPLE = new AuditEvent(1, Instant.parse("2025-06-01T12:00:00.123Z"),
            AuditEntry.builder(AuditEventType.TRANSFER_DENIED, "IRS").origin("outbox:IRS").object("req \"7\".csv")
                    .outcome(Outcome.FAILURE).transferId("t-1").provider("IRS").recipient("ICE")
                    .agreement("IRS-ICE-2025").category("last-known-address").recordCount(3L).decision("deny")
                    .reasonCodes(List.of("CAP_MISSING", "CAP_ITEM_UNDATED")).change("é\n").build(),
            CanonicalEncoding.GENESIS, "");

    @Test
    void encodesTheDocumentedExampleByteForByte() {
        assertThat(new String(CanonicalEncoding.encode(EXAMPLE), StandardCharsets.UTF_8)).isEqualTo(
                "{\"v\":1,\"seq\":1,\"time\":\"2025-06-01T12:00:00.123Z\",\"type\":\"TRANSFER_DENIED\","
                + "\"actor\":\"IRS\",\"origin\":\"outbox:IRS\",\"object\":\"req \\\"7\\\".csv\",\"outcome\":\"FAILURE\","
                + "\"transfer\":\"t-1\",\"provider\":\"IRS\",\"recipient\":\"ICE\",\"agreement\":\"IRS-ICE-2025\","
                + "\"authority\":null,\"category\":\"last-known-address\",\"payloadDigest\":null,\"size\":null,"
                + "\"records\":3,\"decision\":\"deny\",\"reasons\":[\"CAP_MISSING\",\"CAP_ITEM_UNDATED\"],"
                + "\"parent\":null,\"change\":\"é\\u000a\",\"prev\":\"" + "0".repeat(64) + "\"}");
    }

    @Test
    void hashIsSha256OfTheEncodingInLowerCaseHex() {
        assertThat(CanonicalEncoding.hash(EXAMPLE)).isEqualTo("5366862801d0cd9d8a8989398b273e6bcfe540892a2b4d21f5b56ce62b3a735b");
        // its leaf in the Merkle tree, as docs/audit-format.md works it out
        assertThat(org.safegate.tlog.TreeHashes.hex(org.safegate.tlog.TreeHashes.leaf(CanonicalEncoding.encode(EXAMPLE))))
                .isEqualTo("4d25ea1775119b9485f58bba4dbf2dbb74d7886967e4dcd2f0b2a737966b23ce");
    }

    @Test
    void timeAlwaysHasMilliseconds() {
        assertThat(CanonicalEncoding.formatTime(Instant.parse("2025-01-02T03:04:05Z"))).isEqualTo("2025-01-02T03:04:05.000Z");
        assertThat(CanonicalEncoding.formatTime(Instant.parse("2025-01-02T03:04:05.987654Z")))
                .isEqualTo("2025-01-02T03:04:05.987Z");
    }
}
