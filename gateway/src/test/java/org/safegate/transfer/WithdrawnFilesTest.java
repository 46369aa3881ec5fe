package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.app.GatewayRunner;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * A run stopped while sealing, and the sender took its file back (or changed it) before the next
 * start: nothing picks that file up again, so the start finishes the sealing and removes its copy.
 */
class WithdrawnFilesTest extends TransferScenarioTest {

    @Test
    @DisplayName("A run stopped while sealing a.csv, then IRS took a.csv out of its outbox. Result: the next start removes"
            + " the partial copy from DOJ's inbox and finishes the row; nothing is delivered or audited as delivered.")
    void aFileTakenBackWhileTheGatewayWasDown_resultItsPartialCopyIsRemovedAtTheNextStart() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = stoppedWhileSealing(file);
        Files.delete(file);

        assertThat(gateway.sweepWithdrawn()).isEqualTo(1);

        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(new TransferJournal(gateway.database(), clock).inState(TransferJournal.State.SEALING))
                .isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(gateway.sweepWithdrawn()).as("a second start finds nothing left").isZero();
        assertThat(new TransferJournal(gateway.database(), clock).unfinished("IRS", "IRS-DOJ-2024/a.csv",
                entry.sourceSize(), entry.sourceModified())).isEmpty();
    }

    @Test
    @DisplayName("A run stopped while sealing a.csv, then IRS replaced a.csv with other content. Result: the old partial"
            + " copy is removed at the start, and the new file is delivered once, as a new transfer.")
    void aFileReplacedWhileTheGatewayWasDown_resultTheOldCopyGoesAndTheNewFileIsANewTransfer() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = stoppedWhileSealing(file);
        byte[] replaced = "tin,name,address\n987654321,John Doe,2 Side St\n".getBytes(StandardCharsets.UTF_8);
        write(file, replaced);

        assertThat(gateway.sweepWithdrawn()).isEqualTo(1);
        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        Path delivered = inbox("DOJ").resolve("IRS-DOJ-2024").resolve("a.csv.p7m");
        assertThat(listAll(inbox("DOJ"))).containsExactly(delivered);
        assertThat(openAsDoj(delivered)).isEqualTo(replaced);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).singleElement()
                .satisfies(e -> assertThat(e.entry().transferId()).isNotEqualTo(entry.transferId()));
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("A run stopped while sealing a.csv, which is still in IRS's outbox. Result: the start leaves it to its"
            + " route, which replaces the partial copy and delivers a.csv exactly once.")
    void aFileStillInTheOutbox_resultTheStartLeavesItAndItIsDeliveredOnce() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = stoppedWhileSealing(file);

        assertThat(gateway.sweepWithdrawn()).isZero();
        assertThat(DurableFiles.tempPath(inbox("DOJ").resolve("IRS-DOJ-2024"), entry.transferId())).exists();
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after auditing the delivery of a.csv, before publishing, then a.csv left the outbox."
            + " Result: the start leaves the sealed copy alone: the log says it was delivered.")
    void anAuditedDeliveryWhoseFileLeft_resultTheStartLeavesItsSealedCopy() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        new TransferJournal(gateway.database(), clock).begin(entry, "a.csv.p7m");
        Files.createDirectories(folder);
        new org.safegate.crypto.Sealer(keys.gatewaySigning(), TestClocks.caseDay()).seal(file, DurableFiles.tempPath(folder,
                entry.transferId()), dojCertificate());
        new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()), new ReceiptWriter(c -> c))
                .delivered(irsToDoj(entry).publishedAs("a.csv.p7m"));
        Files.delete(file);

        assertThat(gateway.sweepWithdrawn()).isZero();

        assertThat(DurableFiles.tempPath(folder, entry.transferId())).exists();
    }

    @Test
    @DisplayName("A run stopped while sealing a.csv, then IRS took it back; the gateway is started with `run --once`."
            + " Result: the partial copy is gone before the outboxes are polled.")
    void aRunOnceStart_resultSweepsBeforePolling() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        stoppedWhileSealing(file);
        Files.delete(file);

        assertThat(new GatewayRunner(gateway).runOnce(Duration.ofSeconds(60))).isEmpty();

        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("A sealing whose a.csv is gone while another run holds it (Camel's a.csv.camelLock beside it). Result:"
            + " left alone: that run is working on it.")
    void aFileAnotherRunHolds_resultLeftAlone() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = stoppedWhileSealing(file);
        Files.delete(file);
        write(file.resolveSibling("a.csv.camelLock"), new byte[0]);

        assertThat(gateway.sweepWithdrawn()).isZero();

        assertThat(DurableFiles.tempPath(inbox("DOJ").resolve("IRS-DOJ-2024"), entry.transferId())).exists();
    }

    @Test
    @DisplayName("A sealing whose sender's whole outbox folder is missing (an unmounted share). Result: left alone; it"
            + " says nothing about the file.")
    void anOutboxThatIsMissingAltogether_resultLeftAlone() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = stoppedWhileSealing(file);
        Path outbox = outbox("IRS");
        Files.move(outbox, outbox.resolveSibling("outbox-unmounted"));

        assertThat(gateway.sweepWithdrawn()).isZero();

        assertThat(DurableFiles.tempPath(inbox("DOJ").resolve("IRS-DOJ-2024"), entry.transferId())).exists();
    }

    /** What a kill in the middle of sealing leaves: a journaled sealing and a partial copy under the hidden name. */
    private TransferJournal.Entry stoppedWhileSealing(Path file) throws Exception {
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        new TransferJournal(gateway.database(), clock).begin(entry);
        write(DurableFiles.tempPath(inbox("DOJ").resolve("IRS-DOJ-2024"), entry.transferId()),
                new byte[] {0x30, (byte) 0x80, 0x06});
        return entry;
    }
}
