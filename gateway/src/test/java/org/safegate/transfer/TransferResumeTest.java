package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AppendedEvent;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.AuditStore;
import org.safegate.policy.Revocation;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.StoreWrite;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/** A run that stopped part-way, and files held while something they need is unavailable. */
class TransferResumeTest extends TransferScenarioTest {

    // ---- crash and resume ----

    @Test
    @DisplayName("A run stopped after sealing, before the delivery's audit event. Result: the next run seals again and delivers the file exactly once, leaving no temporary file.")
    void aRunStoppedAfterSealing_resultTheNextRunDeliversTheFileExactlyOnceAndLeavesNoTemporaryFile()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = sealedNotAudited(file, entry);
        assertThat(temp.getFileName().toString()).isEqualTo(".safegate-" + entry.transferId() + ".part");

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after auditing and linking the sealed copy, before journaling it. Result: the next run delivers it exactly once.")
    void aRunStoppedAfterPublishingBeforeItWasJournaled_resultTheNextRunDeliversTheFileExactlyOnce()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = sealedNotAudited(file, entry);
        audited(entry);
        // the stopped run had linked the sealed copy under its final name, and nothing more
        Files.createLink(temp.resolveSibling("a.csv.p7m"), temp);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after journaling the published name. Result: the next run finishes without publishing again.")
    void aRunStoppedAfterJournalingThePublishedName_resultTheNextRunFinishesWithoutPublishingAgain()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = sealedNotAudited(file, entry);
        audited(entry);
        Path published = DurableFiles.linkTemp(temp, "a.csv", ".p7m");
        new TransferJournal(gateway.database(), clock).delivered(entry.transferId(), published.getFileName().toString());
        // the stopped run had published and journaled the copy, but not yet removed its temporary name

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after the delivered event and the receipt. Result: the next run archives the file and writes no second receipt.")
    void aRunStoppedAfterTheReceipt_resultTheNextRunArchivesTheFileWithOneReceiptAndOneEvent() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = sealedNotAudited(file, entry);
        Path published = DurableFiles.publishTemp(temp, "a.csv", ".p7m");
        new TransferJournal(gateway.database(), clock).delivered(entry.transferId(), published.getFileName().toString());
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(new org.safegate.crypto.DetachedSignature(keys.gatewaySigning(), TestClocks.caseDay())::sign));
        Transfer ended = irsToDoj(entry).publishedAs("a.csv.p7m");
        recorder.delivered(ended);
        recorder.receipt(inbox("IRS"), ended, Receipt.Outcome.DELIVERED, clock.instant());
        clock.advance(Duration.ofMinutes(1));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
        Path receipts = inbox("IRS").resolve("receipts/IRS-DOJ-2024");
        assertThat(listAll(receipts)).containsExactly(receipts.resolve("a.csv.delivered.json"),
                receipts.resolve("a.csv.delivered.json.p7s"));
    }

    @Test
    @DisplayName("A run stopped after auditing the delivery, before publishing, and DOJ was revoked meanwhile. Result: the next run publishes what the log says was delivered, under the journaled name, once.")
    void aRunStoppedAfterAuditingBeforePublishing_resultTheNextRunPublishesUnderTheJournaledNameOnce()
            throws Exception {
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
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", "suspected breach"));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
        assertThat(events(AuditEventType.TRANSFER_DENIED)).isEmpty();
    }

    @Test
    @DisplayName("A run stopped while sealing, after journaling the name a.csv.p7m, and a file of DOJ's own took that name meanwhile. Result: the next run seals again and publishes as a.csv.2.p7m, overwriting nothing.")
    void aRunStoppedWhileSealingAndItsNameWasTakenMeanwhile_resultTheNextRunChoosesTheNameAgain() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        new TransferJournal(gateway.database(), clock).begin(entry, "a.csv.p7m");
        write(DurableFiles.tempPath(folder, entry.transferId()), new byte[] {0x30, (byte) 0x80});
        write(folder.resolve("a.csv.p7m"), "DOJ's own".getBytes(StandardCharsets.UTF_8));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertThat(listAll(folder)).containsExactlyInAnyOrder(folder.resolve("a.csv.p7m"), folder.resolve("a.csv.2.p7m"));
        assertThat(folder.resolve("a.csv.p7m")).hasContent("DOJ's own");
        assertThat(openAsDoj(folder.resolve("a.csv.2.p7m"))).isEqualTo(ADDRESSES);
        assertThat(single(AuditEventType.TRANSFER_DELIVERED).entry().transferId()).isEqualTo(entry.transferId());
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("A delivery stopped right after its audit event, before publishing. Result: the payload is already recorded as delivered to DOJ (what makes DOJ sending the same data on a redisclosure), and the next run finishes the delivery once.")
    void aDeliveryStoppedRightAfterItsAuditEvent_resultThePayloadIsAlreadyKnownAsDelivered() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        AuditLog stopsAfterTheEvent = new AuditLog() {
            @Override
            public AppendedEvent append(AuditEntry event) {
                return gateway.auditLog().append(event);
            }

            @Override
            public AppendedEvent append(AuditEntry event, StoreWrite alongside) {
                gateway.auditLog().append(event, alongside);
                throw new SimulatedCrash("the audit event of " + event.transferId());
            }
        };
        TransferRecorder recorder = new TransferRecorder(stopsAfterTheEvent, new AuditStore(gateway.database()),
                new ReceiptWriter(content -> new byte[] {1}));
        Delivery delivery = new Delivery(keys, new TransferJournal(gateway.database(), clock), recorder,
                workspace.resolve("data"), clock);
        Transfer ended = irsToDoj(entry);

        assertThatThrownBy(() -> delivery.deliver(file, Optional.empty(), file, new LocalFolder(inbox("DOJ").resolve("IRS-DOJ-2024")),
                new LocalFolder(inbox("IRS")), dojCertificate(), entry, ended)).isInstanceOf(SimulatedCrash.class);

        assertThat(listAll(inbox("DOJ").resolve("IRS-DOJ-2024")))
                .as("nothing published yet").allMatch(p -> p.getFileName().toString().startsWith(".safegate-"));
        assertThat(new DeliveredPayloads(gateway.database()).deliveredTo(entry.payloadSha256(), "DOJ"))
                .hasValueSatisfying(d -> assertThat(d.transferId()).isEqualTo(entry.transferId()));
        restart();
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after auditing and linking the sealed copy, before journaling it delivered. Result: the next run finishes without publishing or auditing again.")
    void aRunStoppedAfterAuditingAndLinking_resultTheNextRunFinishesOnce() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        new TransferJournal(gateway.database(), clock).begin(entry, "a.csv.p7m");
        Files.createDirectories(folder);
        Path temp = DurableFiles.tempPath(folder, entry.transferId());
        new org.safegate.crypto.Sealer(keys.gatewaySigning(), TestClocks.caseDay()).seal(file, temp, dojCertificate());
        new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()), new ReceiptWriter(c -> c))
                .delivered(irsToDoj(entry).publishedAs("a.csv.p7m"));
        Files.createLink(folder.resolve("a.csv.p7m"), temp);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A delivery whose DONE step is not journaled yet (as when a run stops), then the same file dropped again (same name, size and time). Result: a new transfer, delivered as a.csv.2.p7m; the first DONE step goes with the second's first step.")
    void aDeliveryWhoseDoneStepIsNotJournaledYet_resultTheSameFileDroppedAgainIsANewTransfer() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        FileTime modified = Files.getLastModifiedTime(file);
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        String first = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();
        // the DONE step waits for the next journal step: the row still says DELIVERED, as a stop would leave it
        assertThat(new TransferJournal(gateway.database(), clock).unfinished("IRS", "IRS-DOJ-2024/a.csv",
                ADDRESSES.length, modified.toMillis())).map(TransferJournal.Entry::state)
                .contains(TransferJournal.State.DELIVERED);

        Path again = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        Files.setLastModifiedTime(again, modified);
        assertThat(process("IRS", again)).isEqualTo(TransferOutcome.DELIVERED);

        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        assertThat(listAll(folder)).containsExactlyInAnyOrder(folder.resolve("a.csv.p7m"), folder.resolve("a.csv.2.p7m"));
        List<AuditEvent> delivered = events(AuditEventType.TRANSFER_DELIVERED);
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(1).entry().transferId()).isNotEqualTo(first);
        assertThat(new TransferJournal(gateway.database(), clock).unfinished("IRS", "IRS-DOJ-2024/a.csv",
                ADDRESSES.length, modified.toMillis())).map(TransferJournal.Entry::transferId)
                .as("the first transfer's DONE step went with the second's first step").isNotEqualTo(Optional.of(first));
    }

    @Test
    @DisplayName("A run killed while sealing left a partial copy. Result: the next run replaces it and delivers the file exactly once.")
    void aRunKilledWhileSealing_resultTheNextRunReplacesThePartialCopyAndDeliversTheFileExactlyOnce()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        new TransferJournal(gateway.database(), clock).begin(entry);
        // what a kill in the middle of sealing leaves: a partial sealed copy under the hidden name
        write(DurableFiles.tempPath(folder, entry.transferId()), new byte[] {0x30, (byte) 0x80, 0x06});

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after sealing, and DOJ was revoked meanwhile. Result: the sealed copy is dropped and the file denied.")
    void aRunStoppedAfterSealingAndDojWasRevokedMeanwhile_resultTheSealedCopyIsDroppedAndTheFileDenied()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        sealedNotAudited(file, entry);
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", "suspected breach"));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DENIED);

        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().transferId()).isEqualTo(entry.transferId());
        assertThat(quarantined(entry.transferId())).hasBinaryContent(ADDRESSES);
    }

    // ---- held ----

    @Test
    @DisplayName("The recipient's inbox cannot be written. Result: held in the gateway's private folder, retried after the back-off, then delivered.")
    void theRecipientInboxCannotBeWritten_resultTheFileIsHeldAndDeliveredOnceTheInboxIsBack()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        Path blocked = write(inbox("DOJ").resolve("IRS-DOJ-2024"), "not a folder".getBytes(StandardCharsets.UTF_8));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(file).doesNotExist();
        assertThat(taken("IRS", file)).hasBinaryContent(ADDRESSES);
        assertThat(blocked).hasContent("not a folder");
        assertThat(gateway.processor().held().current()).containsKey(taken("IRS", file));
        assertThat(events(AuditEventType.TRANSFER_HELD)).hasSize(1);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(inbox("IRS").resolve("receipts")).doesNotExist();
        assertThat(process("IRS", file)).as("retried only after the back-off").isEqualTo(TransferOutcome.HELD);
        assertThat(events(AuditEventType.TRANSFER_HELD)).hasSize(1);

        Files.delete(blocked);
        clock.advance(Duration.ofSeconds(3));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(gateway.processor().held().current()).isEmpty();
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("The gateway's signing key cannot be loaded. Result: held in the gateway's private folder, nothing delivered.")
    void theGatewaySigningKeyCannotBeLoaded_resultTheFileIsHeldAndNothingIsDelivered() throws Exception {
        start();
        Files.delete(workspace.resolve("keys-example/gateway/sign.key"));
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(taken("IRS", file)).hasBinaryContent(ADDRESSES);
        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_HELD)).hasSize(1);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(workspace.resolve("data/archive")).doesNotExist();
        assertThat(gateway.processor().held().current()).containsKey(taken("IRS", file));
    }

    @Test
    @DisplayName("The recipient's certificate file is missing. Result: denied CERT_MISSING, kept in quarantine.")
    void theRecipientCertificateFileIsMissing_resultTheFileIsDeniedCertMissingAndKeptInQuarantine()
            throws Exception {
        start();
        Files.delete(workspace.resolve("keys-example/agencies/DOJ/encrypt.crt"));
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DENIED);

        assertThat(listAll(inbox("DOJ"))).isEmpty();
        AuditEntry denied = single(AuditEventType.TRANSFER_DENIED).entry();
        assertThat(denied.reasonCodes()).containsExactly("CERT_MISSING");
        assertThat(quarantined(denied.transferId())).hasBinaryContent(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
    }
}
