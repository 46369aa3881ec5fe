package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.transfer.TransferOutcome;

/** Files the outbox layout refuses before any policy question: each is quarantined with its reason and a receipt. */
class TransferBadInputTest extends TransferScenarioTest {

    // ---- quarantined: bad input ----

    @Test
    @DisplayName("The IRS drops a file directly into its outbox. Result: quarantined MISPLACED.")
    void theIrsDropsAFileDirectlyIntoItsOutbox_resultQuarantinedMisplaced() throws Exception {
        start();
        Path file = write(outbox("IRS").resolve("loose.csv"), ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", Refusals.UNPLACED, "loose.csv", "MISPLACED", ADDRESSES);
    }

    @Test
    @DisplayName("The IRS drops a file under an unknown agreement. Result: quarantined AGREEMENT_UNKNOWN.")
    void theIrsDropsAFileUnderAnUnknownAgreement_resultQuarantinedAgreementUnknown() throws Exception {
        start();
        Path file = drop("IRS", "IRS-NSA-2099", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", Refusals.UNPLACED, "a.csv", "AGREEMENT_UNKNOWN", ADDRESSES);
    }

    @Test
    @DisplayName("The IRS drops a file one folder too deep under an agreement. Result: quarantined MISPLACED.")
    void theIrsDropsAFileTooDeep_resultQuarantinedMisplaced() throws Exception {
        start();
        Path file = write(outbox("IRS").resolve("IRS-DOJ-2024/extra/a.csv"), ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "a.csv", "MISPLACED", ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS sends a file with a very long name. Result: quarantined NAME_UNSAFE, the receipt named by transfer id.")
    void theIrsSendsAVeryLongName_resultQuarantinedNameUnsafe() throws Exception {
        start();
        String name = "n".repeat(FileNames.MAX_BYTES + 10) + ".csv";
        Path file = drop("IRS", "IRS-DOJ-2024", name, ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.reasonCodes()).containsExactly("NAME_UNSAFE");
        assertThat(inbox("IRS").resolve("receipts/IRS-DOJ-2024/transfer-" + event.transferId() + ".quarantined.json"))
                .isNotEmptyFile();
        assertThat(quarantined(event.transferId())).hasBinaryContent(ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS puts a named pipe in its outbox. Result: quarantined NOT_A_REGULAR_FILE, never opened.")
    void theIrsPutsANamedPipeInItsOutbox_resultQuarantinedNotARegularFile() throws Exception {
        start();
        Path pipe = outbox("IRS").resolve("IRS-DOJ-2024/pipe.csv");
        Files.createDirectories(pipe.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        assertThat(process("IRS", pipe)).isEqualTo(TransferOutcome.QUARANTINED);

        String transfer = assertQuarantinedReceipt("IRS", "IRS-DOJ-2024", "pipe.csv", "NOT_A_REGULAR_FILE");
        assertThat(quarantined(transfer)).satisfies(kept -> assertThat(Files.isRegularFile(kept,
                LinkOption.NOFOLLOW_LINKS)).isFalse());
        assertThat(pipe).doesNotExist();
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS sends an empty file. Result: quarantined EMPTY_FILE.")
    void theIrsSendsAnEmptyFile_resultQuarantinedEmptyFile() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "empty.csv", new byte[0]);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "empty.csv", "EMPTY_FILE", new byte[0]);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS sends a name with a control character. Result: quarantined NAME_UNSAFE, the receipt named by transfer id.")
    void theIrsSendsANameWithAControlCharacter_resultQuarantinedNameUnsafeWithAReceiptNamedByTransfer()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "bell\u0007.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.reasonCodes()).containsExactly("NAME_UNSAFE");
        assertThat(event.object()).isEqualTo("bell\\u0007.csv");
        Path receipt = inbox("IRS").resolve("receipts/IRS-DOJ-2024/transfer-" + event.transferId()
                + ".quarantined.json");
        assertThat(JSON.readTree(receipt.toFile()).get("name").asText()).isEqualTo("bell\\u0007.csv");
        assertThat(quarantined(event.transferId())).hasBinaryContent(ADDRESSES);
        assertThat(quarantineReason(event.transferId()).get("path").asText()).isEqualTo("IRS-DOJ-2024/bell\\u0007.csv");
    }

    @Test
    @DisplayName("The IRS sends a file whose name climbs out of its folder (..\\..\\passwd.csv). Result: quarantined"
            + " NAME_UNSAFE, the receipt named by transfer id.")
    void theIrsSendsANameThatClimbsOutOfItsFolder_resultQuarantinedNameUnsafeWithAReceiptNamedByTransfer()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "..\\..\\passwd.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.reasonCodes()).containsExactly("NAME_UNSAFE");
        Path receipt = inbox("IRS").resolve("receipts/IRS-DOJ-2024/transfer-" + event.transferId()
                + ".quarantined.json");
        assertThat(JSON.readTree(receipt.toFile()).get("reasons").get(0).get("message").asText())
                .contains("could leave its folder");
        assertThat(quarantined(event.transferId())).hasBinaryContent(ADDRESSES);
        assertThat(listAll(outbox("IRS"))).isEmpty();
        assertThat(listAll(inbox("DOJ"))).isEmpty();
    }

    @Test
    @DisplayName("The IRS sends a file over the size limit. Result: quarantined TOO_LARGE.")
    void theIrsSendsAFileOverTheSizeLimit_resultQuarantinedTooLarge() throws Exception {
        start(Map.of("safegate.max-file-bytes", "16"));
        Path file = drop("IRS", "IRS-DOJ-2024", "big.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "big.csv", "TOO_LARGE", ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS sends the same name twice. Result: both delivered, the second as name.2.p7m, neither overwritten.")
    void theIrsSendsTheSameNameTwice_resultBothDeliveredTheSecondUnderACounterAndNeitherOverwritten()
            throws Exception {
        start();
        byte[] second = "tin,name,address\n987654321,John Doe,2 Elm St\n".getBytes(StandardCharsets.UTF_8);

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", second))).isEqualTo(TransferOutcome.DELIVERED);

        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        assertThat(openAsDoj(folder.resolve("a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(openAsDoj(folder.resolve("a.csv.2.p7m"))).isEqualTo(second);
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.json").get("deliveredAs").asText())
                .isEqualTo("a.csv.p7m");
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.2.json").get("deliveredAs").asText())
                .isEqualTo("a.csv.2.p7m");
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).hasSize(2);
    }
}
