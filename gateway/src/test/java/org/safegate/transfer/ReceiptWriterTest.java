package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptWriterTest {
    @TempDir
    Path inbox;

    private final ReceiptWriter writer = new ReceiptWriter(content -> ("sig:" + content.length).getBytes(StandardCharsets.UTF_8));

    @Test
    void writesTheReceiptAndItsSignatureUnderTheOutcome() throws Exception {
        Receipt receipt = new Receipt("T-1", "IRS", "IRS-ICE-2025", "addresses.csv", Receipt.Outcome.DENIED,
                Instant.parse("2026-03-01T10:00:00Z"), "ab12", 42, Optional.empty(),
                List.of(new Receipt.Reason("CAP_ITEM_UNDATED", "ICE is not current: finding F-01 ...")), null);

        Path written = writer.write(inbox, receipt);

        assertThat(written).isEqualTo(inbox.resolve("receipts/IRS-ICE-2025/addresses.csv.denied.json"));
        String json = Files.readString(written);
        assertThat(json).contains("\"transfer\" : \"T-1\"").contains("\"outcome\" : \"denied\"")
                .contains("CAP_ITEM_UNDATED").contains("\"payloadSha256\" : \"ab12\"");
        assertThat(inbox.resolve("receipts/IRS-ICE-2025/addresses.csv.denied.json.p7s"))
                .hasContent("sig:" + Files.size(written));
    }

    @Test
    void aRefusedNameIsReplacedByTheTransferId() throws Exception {
        Receipt receipt = new Receipt("T-2", "IRS", "IRS-ICE-2025", "evil\u0007.csv", Receipt.Outcome.QUARANTINED,
                Instant.EPOCH, "00", 1, Optional.empty(), List.of(), null);

        Path written = writer.write(inbox, receipt);

        assertThat(written.getFileName()).hasToString("transfer-T-2.quarantined.json");
        assertThat(Files.readString(written)).contains("evil\\\\u0007.csv");
    }

    @Test
    void theReceiptOfATransferWrittenAgainAfterARestartIsKeptOnceAndAnotherTransferGetsACounter() throws Exception {
        Receipt first = new Receipt("T-3", "IRS", "IRS-DOJ-2024", "a.csv", Receipt.Outcome.DELIVERED,
                Instant.parse("2026-03-01T10:00:00Z"), "ab12", 42, Optional.of("a.csv.p7m"), List.of(), null);
        Path written = writer.write(inbox, first);
        Files.delete(written.resolveSibling("a.csv.delivered.json.p7s"));

        Path again = writer.write(inbox, new Receipt("T-3", "IRS", "IRS-DOJ-2024", "a.csv", Receipt.Outcome.DELIVERED,
                Instant.parse("2026-03-01T10:05:00Z"), "ab12", 42, Optional.of("a.csv.p7m"), List.of(), null));
        Path other = writer.write(inbox, new Receipt("T-4", "IRS", "IRS-DOJ-2024", "a.csv", Receipt.Outcome.DELIVERED,
                Instant.parse("2026-03-01T10:06:00Z"), "cd34", 43, Optional.of("a.csv.2.p7m"), List.of(), null));

        assertThat(again).isEqualTo(written);
        assertThat(Files.readString(again)).contains("2026-03-01T10:00:00Z");
        assertThat(written.resolveSibling("a.csv.delivered.json.p7s")).hasContent("sig:" + Files.size(written));
        assertThat(other.getFileName()).hasToString("a.csv.delivered.2.json");
        assertThat(Files.readString(other)).contains("\"transfer\" : \"T-4\"");
    }

    @Test
    void aRunKilledAfterPublishingBeforeRemovingItsTemporaryCopiesLeavesNoneBehindWhenWrittenAgain() throws Exception {
        Receipt receipt = new Receipt("T-5", "IRS", "IRS-DOJ-2024", "b.csv", Receipt.Outcome.DELIVERED,
                Instant.parse("2026-03-01T10:00:00Z"), "ab12", 42, Optional.of("b.csv.p7m"), List.of(), null);
        Path written = writer.write(inbox, receipt);
        Path folder = written.getParent();
        // what a kill between linking each file and removing its temporary name leaves: the same content twice
        Files.createLink(folder.resolve(".safegate-T-5-receipt.part"), written);
        Files.createLink(folder.resolve(".safegate-T-5-signature.part"), folder.resolve("b.csv.delivered.json.p7s"));

        Path again = writer.write(inbox, receipt);

        assertThat(again).isEqualTo(written);
        try (var names = Files.list(folder)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("b.csv.delivered.json", "b.csv.delivered.json.p7s");
        }
    }
}
