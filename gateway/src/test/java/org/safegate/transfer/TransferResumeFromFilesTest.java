package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.crypto.Sealer;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.TransferProcessor.Outcome;

/**
 * After its audit event, a delivery journals nothing more until DONE: a resumed run tells how far
 * it got from the files. A hidden copy still there is published; one gone was published; an
 * archived original means finished.
 */
class TransferResumeFromFilesTest extends TransferScenarioTest {

    @Test
    @DisplayName("A run stopped after publishing and removing the hidden copy, and DOJ took the file meanwhile. Result:"
            + " the next run finishes with one receipt and one event, and publishes no second copy.")
    void aRunStoppedAfterPublishingAndTheFileTakenMeanwhile_resultFinishedWithoutASecondCopy() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = auditedSealedCopy(file);
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        Path temp = DurableFiles.tempPath(folder, entry.transferId());
        // the stopped run published and removed the hidden name; then DOJ took its file
        Files.createLink(folder.resolve("a.csv.p7m"), temp);
        Files.delete(temp);
        Files.delete(folder.resolve("a.csv.p7m"));

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertThat(listAll(folder)).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).hasSize(1);
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.json").get("transfer").asText())
                .isEqualTo(entry.transferId());
        assertThat(archived(entry.transferId())).hasBinaryContent(ADDRESSES);
        assertThat(file).doesNotExist();
    }

    @Test
    @DisplayName("A run stopped after its audit event, before publishing. Result: the next run publishes the hidden copy"
            + " under the journaled name, once.")
    void aRunStoppedAfterItsAuditEvent_resultTheNextRunPublishesOnce() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = auditedSealedCopy(file);

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A copy sealed by an earlier version (journaled sealed, never audited) is gone from DOJ's inbox. Result:"
            + " held: nothing says it was published, so it is not logged as delivered.")
    void anUnauditedSealedCopyThatIsGone_resultHeldAndNotLoggedAsDelivered() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"), dojCertificate(), entry);
        new TransferJournal(gateway.database(), clock).reserve(entry.transferId(), "a.csv.p7m");
        Files.delete(temp);

        assertThat(process("IRS", file)).isEqualTo(Outcome.HELD);

        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(gateway.processor().held().current().values()).singleElement().asString()
                .contains("the sealed copy of transfer " + entry.transferId());
        assertThat(file).exists();
    }

    /** What a run stopped right after its audit event leaves: the name journaled, the hidden copy, the event. */
    private TransferJournal.Entry auditedSealedCopy(Path file) throws Exception {
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path folder = Files.createDirectories(inbox("DOJ").resolve("IRS-DOJ-2024"));
        new TransferJournal(gateway.database(), clock).begin(entry, "a.csv.p7m");
        new Sealer(keys.gatewaySigning()).seal(file, DurableFiles.tempPath(folder, entry.transferId()),
                dojCertificate());
        new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()), new ReceiptWriter(c -> c))
                .delivered(new TransferRecorder.Ended(entry.transferId(), "IRS", "DOJ", "IRS-DOJ-2024",
                        "26 U.S.C. 6103(i)(1)", "return-information", "a.csv", entry.payloadSha256(), ADDRESSES.length,
                        Optional.empty(), Optional.of("a.csv.p7m"), List.of(), Optional.empty(), Optional.empty()));
        return entry;
    }
}
