package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditQuery;
import org.safegate.audit.AuditStore;
import org.safegate.audit.MutableClock;
import org.safegate.config.Settings;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.KeyProviders;
import org.safegate.policy.Revocation;
import org.safegate.route.Gateway;
import org.safegate.store.DeliveredPayloads;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.TransferProcessor.Outcome;

/**
 * One file at a time through the real gateway wiring: real policies, the example keys, the H2
 * store under the workspace and real files in the agencies' outboxes and inboxes.
 */
class TransferProcessorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ADDRESSES = "tin,name,address\n123456789,Jane Roe,1 Main St\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path workspace;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Gateway gateway;
    private KeyProvider keys;

    @BeforeEach
    void copyPoliciesAndKeys() throws IOException {
        Path root = repositoryRoot();
        copyTree(root.resolve("policies"), workspace.resolve("policies"));
        copyTree(root.resolve("keys-example"), workspace.resolve("keys-example"));
        keys = KeyProviders.fromSpec("file:keys-example", workspace);
    }

    @AfterEach
    void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    // ---- delivered ----

    @Test
    @DisplayName("The IRS sends a file to DOJ. Result: delivered sealed to DOJ, a signed receipt, the original archived, one delivered event.")
    void theIrsSendsAFileToDoj_resultItIsDeliveredSealedToDojWithAReceiptAndOneDeliveredEvent() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        Path sealed = inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m");
        assertThat(openAsDoj(sealed)).isEqualTo(ADDRESSES);
        assertThat(file).doesNotExist();
        JsonNode receipt = receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.json");
        String transfer = receipt.get("transfer").asText();
        assertThat(receipt.get("outcome").asText()).isEqualTo("delivered");
        assertThat(receipt.get("deliveredAs").asText()).isEqualTo("a.csv.p7m");
        assertThat(receipt.get("payloadSha256").asText()).isEqualTo(Digests.sha256(archived(transfer)));
        assertThat(inbox("IRS").resolve("receipts/IRS-DOJ-2024/a.csv.delivered.json.p7s")).isNotEmptyFile();
        assertThat(archived(transfer)).hasBinaryContent(ADDRESSES);
        AuditEntry event = single(AuditEventType.TRANSFER_DELIVERED).entry();
        assertThat(event.transferId()).isEqualTo(transfer);
        assertThat(event.provider()).isEqualTo("IRS");
        assertThat(event.recipient()).isEqualTo("DOJ");
        assertThat(event.agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(event.decision()).isEqualTo("permit");
        assertThat(event.payloadDigest()).isEqualTo("sha256:" + receipt.get("payloadSha256").asText());
        assertThat(event.parentTransfer()).isNull();
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("The gateway is opened in a workspace with the default data folder. Result: its store is in that workspace.")
    void theGatewayIsOpenedWithARelativeDataFolder_resultItsStoreIsInTheWorkspace() throws Exception {
        start();

        assertThat(workspace.resolve("data/store")).isDirectory();
    }

    // ---- denied ----

    @Test
    @DisplayName("The IRS sends a file to ICE. Result: denied with CAP_ITEM_UNDATED among the reasons, kept in quarantine.")
    void theIrsSendsAFileToIce_resultItIsDeniedBecauseIceCapItemsHaveNoDates() throws Exception {
        start();
        Path file = drop("IRS", "IRS-ICE-2025", "addresses.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.DENIED);

        assertThat(inbox("ICE")).doesNotExist();
        JsonNode receipt = receipt("IRS", "IRS-ICE-2025", "addresses.csv.denied.json");
        assertThat(codes(receipt.get("reasons"))).contains("CAP_ITEM_UNDATED");
        assertThat(receipt.get("reasons").get(0).get("message").asText()).isNotBlank();
        String transfer = receipt.get("transfer").asText();
        JsonNode reason = quarantineReason(transfer);
        assertThat(reason.get("outcome").asText()).isEqualTo("denied");
        assertThat(codes(reason.get("reasons"))).contains("CAP_ITEM_UNDATED");
        assertThat(quarantined(transfer)).hasBinaryContent(ADDRESSES);
        AuditEntry event = single(AuditEventType.TRANSFER_DENIED).entry();
        assertThat(event.transferId()).isEqualTo(transfer);
        assertThat(event.decision()).isEqualTo("deny");
        assertThat(event.reasonCodes()).contains("CAP_ITEM_UNDATED");
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
    }

    @Test
    @DisplayName("DOJ drops a file under the agreement where it is the recipient. Result: denied SENDER_NOT_PROVIDER.")
    void dojDropsAFileUnderTheAgreementWhereItIsTheRecipient_resultDeniedSenderNotProvider() throws Exception {
        start();
        Path file = drop("DOJ", "IRS-DOJ-2024", "back.csv", ADDRESSES);

        assertThat(process("DOJ", file)).isEqualTo(Outcome.DENIED);

        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
        JsonNode receipt = receipt("DOJ", "IRS-DOJ-2024", "back.csv.denied.json");
        assertThat(codes(receipt.get("reasons"))).contains("SENDER_NOT_PROVIDER");
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().reasonCodes()).contains("SENDER_NOT_PROVIDER");
        assertThat(quarantined(receipt.get("transfer").asText())).hasBinaryContent(ADDRESSES);
    }

    // ---- quarantined: bad input ----

    @Test
    @DisplayName("The IRS drops a file directly into its outbox. Result: quarantined MISPLACED.")
    void theIrsDropsAFileDirectlyIntoItsOutbox_resultQuarantinedMisplaced() throws Exception {
        start();
        Path file = write(outbox("IRS").resolve("loose.csv"), ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

        assertQuarantined("IRS", Refusals.UNPLACED, "loose.csv", "MISPLACED", ADDRESSES);
    }

    @Test
    @DisplayName("The IRS drops a file under an unknown agreement. Result: quarantined AGREEMENT_UNKNOWN.")
    void theIrsDropsAFileUnderAnUnknownAgreement_resultQuarantinedAgreementUnknown() throws Exception {
        start();
        Path file = drop("IRS", "IRS-NSA-2099", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

        assertQuarantined("IRS", Refusals.UNPLACED, "a.csv", "AGREEMENT_UNKNOWN", ADDRESSES);
    }

    @Test
    @DisplayName("The IRS drops a file one folder too deep under an agreement. Result: quarantined MISPLACED.")
    void theIrsDropsAFileTooDeep_resultQuarantinedMisplaced() throws Exception {
        start();
        Path file = write(outbox("IRS").resolve("IRS-DOJ-2024/extra/a.csv"), ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "a.csv", "MISPLACED", ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS sends a file with a very long name. Result: quarantined NAME_UNSAFE, the receipt named by transfer id.")
    void theIrsSendsAVeryLongName_resultQuarantinedNameUnsafe() throws Exception {
        start();
        String name = "n".repeat(FileNames.MAX_BYTES + 10) + ".csv";
        Path file = drop("IRS", "IRS-DOJ-2024", name, ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

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

        assertThat(process("IRS", pipe)).isEqualTo(Outcome.QUARANTINED);

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

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "empty.csv", "EMPTY_FILE", new byte[0]);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS puts a symlink in its outbox. Result: the link is quarantined, its target neither read nor moved.")
    void theIrsPutsASymlinkInItsOutbox_resultTheLinkIsQuarantinedAndItsTargetIsNeitherReadNorMoved() throws Exception {
        start();
        Path secret = write(workspace.resolve("secret.txt"), "not for DOJ".getBytes(StandardCharsets.UTF_8));
        Path link = outbox("IRS").resolve("IRS-DOJ-2024/link.csv");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, secret);

        assertThat(process("IRS", link)).isEqualTo(Outcome.QUARANTINED);

        String transfer = assertQuarantinedReceipt("IRS", "IRS-DOJ-2024", "link.csv", "NOT_A_REGULAR_FILE");
        Path kept = workspace.resolve("data/quarantine").resolve(transfer).resolve(Quarantine.ORIGINAL);
        assertThat(Files.isSymbolicLink(kept)).isTrue();
        assertThat(secret).hasContent("not for DOJ");
        assertThat(link).doesNotExist();
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.payloadDigest()).isNull();
    }

    @Test
    @DisplayName("The IRS sends a name with a control character. Result: quarantined NAME_UNSAFE, the receipt named by transfer id.")
    void theIrsSendsANameWithAControlCharacter_resultQuarantinedNameUnsafeWithAReceiptNamedByTransfer()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "bell\u0007.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

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
    @DisplayName("The IRS sends a file over the size limit. Result: quarantined TOO_LARGE.")
    void theIrsSendsAFileOverTheSizeLimit_resultQuarantinedTooLarge() throws Exception {
        start(Map.of("safegate.max-file-bytes", "16"));
        Path file = drop("IRS", "IRS-DOJ-2024", "big.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.QUARANTINED);

        assertQuarantined("IRS", "IRS-DOJ-2024", "big.csv", "TOO_LARGE", ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
    }

    @Test
    @DisplayName("The IRS sends the same name twice. Result: both delivered, the second as name.2.p7m, neither overwritten.")
    void theIrsSendsTheSameNameTwice_resultBothDeliveredTheSecondUnderACounterAndNeitherOverwritten()
            throws Exception {
        start();
        byte[] second = "tin,name,address\n987654321,John Doe,2 Elm St\n".getBytes(StandardCharsets.UTF_8);

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(Outcome.DELIVERED);
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", second))).isEqualTo(Outcome.DELIVERED);

        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        assertThat(openAsDoj(folder.resolve("a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(openAsDoj(folder.resolve("a.csv.2.p7m"))).isEqualTo(second);
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.json").get("deliveredAs").asText())
                .isEqualTo("a.csv.p7m");
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.2.json").get("deliveredAs").asText())
                .isEqualTo("a.csv.2.p7m");
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).hasSize(2);
    }

    // ---- revocation ----

    @Test
    @DisplayName("A security officer revokes DOJ. Result: the next file is denied AGENCY_REVOKED; after reinstatement the next is delivered.")
    void aSecurityOfficerRevokesDoj_resultTheNextFileIsDeniedAgencyRevokedAndAfterReinstatementDelivered()
            throws Exception {
        start();
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", "suspected breach"));

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(Outcome.DENIED);
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().reasonCodes()).containsExactly("AGENCY_REVOKED");
        assertThat(codes(receipt("IRS", "IRS-DOJ-2024", "a.csv.denied.json").get("reasons")))
                .containsExactly("AGENCY_REVOKED");

        assertThat(gateway.revocations().reinstate("DOJ")).isTrue();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "b.csv", ADDRESSES))).isEqualTo(Outcome.DELIVERED);
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024/b.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m")).doesNotExist();
    }

    // ---- redisclosure ----

    @Test
    @DisplayName("DOJ passes data it received from the IRS on to ICE. Result: a redisclosure, denied, its event linked to the parent transfer.")
    void dojPassesDataItReceivedFromTheIrsOnToIce_resultARedisclosureDeniedAndLinkedToItsParent() throws Exception {
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(Outcome.DELIVERED);
        String parent = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();

        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES))).isEqualTo(Outcome.DENIED);

        AuditEntry denied = single(AuditEventType.TRANSFER_DENIED).entry();
        assertThat(denied.parentTransfer()).isEqualTo(parent);
        assertThat(denied.provider()).isEqualTo("DOJ");
        assertThat(denied.recipient()).isEqualTo("ICE");
        assertThat(denied.reasonCodes()).contains("CAP_ITEM_UNDATED");
        assertThat(new AuditStore(gateway.database()).children(parent)).extracting(AuditEvent::type)
                .contains(AuditEventType.TRANSFER_DENIED);
        assertThat(inbox("ICE")).doesNotExist();
        assertThat(codes(receipt("DOJ", "DOJ-ICE-2024", "onward.csv.denied.json").get("reasons")))
                .contains("CAP_ITEM_UNDATED");
    }

    @Test
    @DisplayName("ICE becomes current and DOJ passes IRS data on to it. Result: delivered as a redisclosure linked to the parent.")
    void dojPassesIrsDataOnToACurrentIce_resultDeliveredAsARedisclosureLinkedToItsParent() throws Exception {
        makeIceCurrent();
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(Outcome.DELIVERED);
        String parent = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();

        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES))).isEqualTo(Outcome.DELIVERED);

        AuditEntry redisclosure = single(AuditEventType.REDISCLOSURE).entry();
        assertThat(redisclosure.parentTransfer()).isEqualTo(parent);
        assertThat(redisclosure.provider()).isEqualTo("DOJ");
        assertThat(redisclosure.recipient()).isEqualTo("ICE");
        assertThat(redisclosure.agreement()).isEqualTo("DOJ-ICE-2024");
        assertThat(redisclosure.decision()).isEqualTo("permit");
        assertThat(new AuditStore(gateway.database()).children(parent)).extracting(e -> e.entry().transferId())
                .contains(redisclosure.transferId());
        assertThat(open(keys.agencyEncryption("ICE"), inbox("ICE").resolve("DOJ-ICE-2024/onward.csv.p7m")))
                .isEqualTo(ADDRESSES);
        assertThat(receipt("DOJ", "DOJ-ICE-2024", "onward.csv.delivered.json").get("transfer").asText())
                .isEqualTo(redisclosure.transferId());
    }

    // ---- crash and resume ----

    @Test
    @DisplayName("A run stopped after sealing. Result: the next run delivers the file exactly once and leaves no temporary file.")
    void aRunStoppedAfterSealing_resultTheNextRunDeliversTheFileExactlyOnceAndLeavesNoTemporaryFile()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"),
                dojCertificate(), entry);
        assertThat(temp.getFileName().toString()).isEqualTo(".safegate-" + entry.transferId() + ".part");

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after linking the sealed copy, before journaling it. Result: the next run delivers it exactly once.")
    void aRunStoppedAfterPublishingBeforeItWasJournaled_resultTheNextRunDeliversTheFileExactlyOnce()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"),
                dojCertificate(), entry);
        // the stopped run had linked the sealed copy under its final name, and nothing more
        Files.createLink(temp.resolveSibling("a.csv.p7m"), temp);

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after journaling the published name. Result: the next run finishes without publishing again.")
    void aRunStoppedAfterJournalingThePublishedName_resultTheNextRunFinishesWithoutPublishingAgain()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"),
                dojCertificate(), entry);
        Path published = DurableFiles.linkTemp(temp, "a.csv", ".p7m");
        new TransferJournal(gateway.database(), clock).delivered(entry.transferId(), published.getFileName().toString());
        // the stopped run had published and journaled the copy, but not yet removed its temporary name

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after the delivered event and the receipt. Result: the next run archives the file and writes no second receipt.")
    void aRunStoppedAfterTheReceipt_resultTheNextRunArchivesTheFileWithOneReceiptAndOneEvent() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        Path temp = pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"), dojCertificate(), entry);
        Path published = DurableFiles.publishTemp(temp, "a.csv", ".p7m");
        new TransferJournal(gateway.database(), clock).delivered(entry.transferId(), published.getFileName().toString());
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(new org.safegate.crypto.DetachedSignature(keys.gatewaySigning())::sign));
        TransferRecorder.Ended ended = new TransferRecorder.Ended(entry.transferId(), "IRS", "DOJ", "IRS-DOJ-2024",
                "26 U.S.C. 6103(i)(1)", "return-information", "a.csv", entry.payloadSha256(), ADDRESSES.length,
                Optional.empty(), Optional.of("a.csv.p7m"), List.of(), Optional.empty(), Optional.empty());
        recorder.delivered(ended);
        recorder.receipt(inbox("IRS"), ended, Receipt.Outcome.DELIVERED, clock.instant());
        clock.advance(Duration.ofMinutes(1));

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
        Path receipts = inbox("IRS").resolve("receipts/IRS-DOJ-2024");
        assertThat(listAll(receipts)).containsExactly(receipts.resolve("a.csv.delivered.json"),
                receipts.resolve("a.csv.delivered.json.p7s"));
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

        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);

        assertExactlyOnce(entry.transferId(), "a.csv");
    }

    @Test
    @DisplayName("A run stopped after sealing, and DOJ was revoked meanwhile. Result: the sealed copy is dropped and the file denied.")
    void aRunStoppedAfterSealingAndDojWasRevokedMeanwhile_resultTheSealedCopyIsDroppedAndTheFileDenied()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        pieces().seal(file, inbox("DOJ").resolve("IRS-DOJ-2024"),
                dojCertificate(), entry);
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", "suspected breach"));

        assertThat(process("IRS", file)).isEqualTo(Outcome.DENIED);

        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().transferId()).isEqualTo(entry.transferId());
        assertThat(quarantined(entry.transferId())).hasBinaryContent(ADDRESSES);
    }

    // ---- held ----

    @Test
    @DisplayName("The recipient's inbox cannot be written. Result: held in the outbox, retried after the back-off, then delivered.")
    void theRecipientInboxCannotBeWritten_resultTheFileIsHeldInTheOutboxAndDeliveredOnceTheInboxIsBack()
            throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        Path blocked = write(inbox("DOJ").resolve("IRS-DOJ-2024"), "not a folder".getBytes(StandardCharsets.UTF_8));

        assertThat(process("IRS", file)).isEqualTo(Outcome.HELD);

        assertThat(file).hasBinaryContent(ADDRESSES);
        assertThat(blocked).hasContent("not a folder");
        assertThat(gateway.processor().held().current()).containsKey(file);
        assertThat(events(AuditEventType.TRANSFER_HELD)).hasSize(1);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(inbox("IRS").resolve("receipts")).doesNotExist();
        assertThat(process("IRS", file)).as("retried only after the back-off").isEqualTo(Outcome.HELD);
        assertThat(events(AuditEventType.TRANSFER_HELD)).hasSize(1);

        Files.delete(blocked);
        clock.advance(Duration.ofSeconds(3));
        assertThat(process("IRS", file)).isEqualTo(Outcome.DELIVERED);
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(gateway.processor().held().current()).isEmpty();
        assertNoTemporaryFiles();
    }

    @Test
    @DisplayName("The gateway's signing key cannot be loaded. Result: held in the outbox, nothing delivered.")
    void theGatewaySigningKeyCannotBeLoaded_resultTheFileIsHeldInTheOutboxAndNothingIsDelivered() throws Exception {
        start();
        Files.delete(workspace.resolve("keys-example/gateway/sign.key"));
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.HELD);

        assertThat(file).hasBinaryContent(ADDRESSES);
        assertThat(listAll(inbox("DOJ"))).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_HELD)).hasSize(1);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(workspace.resolve("data/archive")).doesNotExist();
        assertThat(gateway.processor().held().current()).containsKey(file);
    }

    @Test
    @DisplayName("The recipient's certificate file is missing. Result: denied CERT_MISSING, kept in quarantine.")
    void theRecipientCertificateFileIsMissing_resultTheFileIsDeniedCertMissingAndKeptInQuarantine()
            throws Exception {
        start();
        Files.delete(workspace.resolve("keys-example/agencies/DOJ/encrypt.crt"));
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(Outcome.DENIED);

        assertThat(listAll(inbox("DOJ"))).isEmpty();
        AuditEntry denied = single(AuditEventType.TRANSFER_DENIED).entry();
        assertThat(denied.reasonCodes()).containsExactly("CERT_MISSING");
        assertThat(quarantined(denied.transferId())).hasBinaryContent(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
    }

    // ---- helpers ----

    private void start() {
        start(Map.of());
    }

    private void start(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("safegate.keys", "file:keys-example"));
        settings.putAll(extra);
        gateway = Gateway.open(Settings.of(settings), Map.of(), workspace, clock);
    }

    /** ICE's safeguards as they would be once its CAP is dated and its review renewed (relative to today). */
    private void makeIceCurrent() throws IOException {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.LocalDate ssrDue = java.time.LocalDate.of(today.getYear(), 1, 15);
        java.time.LocalDate ssrFiled = ssrDue.isAfter(today) ? today : ssrDue;
        Files.writeString(workspace.resolve("policies/safeguards/ice.yaml"), String.join("\n",
                "agency: ICE",
                "review:   { id: SR-RENEWED-ICE, completed: " + today.minusMonths(6) + " }",
                "ssr:",
                "  - { year: " + (today.getYear() - 2) + ", submitted: " + ssrDue.minusYears(1) + " }",
                "  - { year: " + (today.getYear() - 1) + ", submitted: " + ssrFiled + " }",
                "findings:",
                "  - { id: F-01, severity: significant, opened: " + today.minusMonths(6) + ", status: open }",
                "cap:",
                "  submitted: " + today.minusMonths(1),
                "  items:",
                "    - { finding: F-01, action: \"Restrict FTI access\", implementation-date: " + today.plusMonths(6)
                        + " }",
                ""));
    }

    private Outcome process(String agency, Path file) {
        return gateway.processor().process(agency, outbox(agency), file);
    }

    private Path outbox(String agency) {
        return workspace.resolve("work").resolve(agency).resolve("outbox");
    }

    private Path inbox(String agency) {
        return workspace.resolve("work").resolve(agency).resolve("inbox");
    }

    private Path drop(String agency, String agreement, String name, byte[] content) throws IOException {
        return write(outbox(agency).resolve(agreement).resolve(name), content);
    }

    private static Path write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        return file;
    }

    private byte[] openAsDoj(Path sealed) throws IOException {
        return open(keys.agencyEncryption("DOJ"), sealed);
    }

    private byte[] open(org.safegate.keys.Identity recipient, Path sealed) throws IOException {
        Opener opener = new Opener(recipient, new CertificateVerifier(keys.trust()), Clock.systemUTC());
        Path out = workspace.resolve("opened-" + sealed.getFileName());
        opener.open(sealed, out);
        return Files.readAllBytes(out);
    }

    private JsonNode receipt(String sender, String agreement, String name) throws IOException {
        Path receipt = inbox(sender).resolve("receipts").resolve(agreement).resolve(name);
        assertThat(receipt).isNotEmptyFile();
        assertThat(receipt.resolveSibling(name + ".p7s")).isNotEmptyFile();
        return JSON.readTree(receipt.toFile());
    }

    private JsonNode quarantineReason(String transfer) throws IOException {
        return JSON.readTree(workspace.resolve("data/quarantine").resolve(transfer).resolve(Quarantine.REASON_FILE)
                .toFile());
    }

    private Path quarantined(String transfer) {
        return workspace.resolve("data/quarantine").resolve(transfer).resolve(Quarantine.ORIGINAL);
    }

    private Path archived(String transfer) {
        return workspace.resolve("data/archive").resolve(transfer).resolve(Quarantine.ORIGINAL);
    }

    private void assertQuarantined(String sender, String receiptFolder, String name, String code, byte[] content)
            throws IOException {
        String transfer = assertQuarantinedReceipt(sender, receiptFolder, name, code);
        assertThat(quarantined(transfer)).hasBinaryContent(content);
        assertThat(outbox(sender)).isDirectoryNotContaining(p -> p.getFileName().toString().equals(name));
        assertThat(listAll(outbox(sender))).isEmpty();
    }

    /** Checks receipt, reason file and audit event of a quarantined file; returns its transfer id. */
    private String assertQuarantinedReceipt(String sender, String receiptFolder, String name, String code)
            throws IOException {
        JsonNode receipt = receipt(sender, receiptFolder, name + ".quarantined.json");
        assertThat(receipt.get("outcome").asText()).isEqualTo("quarantined");
        assertThat(codes(receipt.get("reasons"))).containsExactly(code);
        String transfer = receipt.get("transfer").asText();
        JsonNode reason = quarantineReason(transfer);
        assertThat(reason.get("outcome").asText()).isEqualTo("quarantined");
        assertThat(reason.get("sender").asText()).isEqualTo(sender);
        assertThat(codes(reason.get("reasons"))).containsExactly(code);
        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.transferId()).isEqualTo(transfer);
        assertThat(event.reasonCodes()).containsExactly(code);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        return transfer;
    }

    private static List<String> codes(JsonNode reasons) {
        return Stream.iterate(0, i -> i < reasons.size(), i -> i + 1).map(i -> reasons.get(i).get("code").asText())
                .toList();
    }

    private List<AuditEvent> events(AuditEventType type) {
        return new AuditStore(gateway.database()).list(new AuditQuery(Optional.empty(), Optional.empty(), Set.of(type),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private AuditEvent single(AuditEventType type) {
        List<AuditEvent> events = events(type);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The transfer stages as the gateway wires them, for stopping a transfer half way. */
    private Delivery pieces() {
        TransferJournal journal = new TransferJournal(gateway.database(), clock);
        DeliveredPayloads payloads = new DeliveredPayloads(gateway.database());
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(content -> new byte[] {1}));
        return new Delivery(keys, journal, payloads, recorder, workspace.resolve("data"), clock);
    }

    private java.security.cert.X509Certificate dojCertificate() {
        return keys.certificate(workspace.resolve("keys-example/agencies/DOJ/encrypt.crt").toString());
    }

    private TransferJournal.Entry journalEntry(Path file, String name) throws IOException {
        return new TransferJournal.Entry(java.util.UUID.randomUUID().toString(), "IRS", "IRS-DOJ-2024/" + name,
                Files.size(file), Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis(),
                "IRS-DOJ-2024", "DOJ", Digests.sha256(file), TransferJournal.State.SEALED, Optional.empty());
    }

    private void assertExactlyOnce(String transfer, String name) throws IOException {
        Path folder = inbox("DOJ").resolve("IRS-DOJ-2024");
        assertThat(listAll(folder)).containsExactly(folder.resolve(name + ".p7m"));
        assertThat(openAsDoj(folder.resolve(name + ".p7m"))).isEqualTo(ADDRESSES);
        List<AuditEvent> delivered = events(AuditEventType.TRANSFER_DELIVERED);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).entry().transferId()).isEqualTo(transfer);
        assertThat(receipt("IRS", "IRS-DOJ-2024", name + ".delivered.json").get("deliveredAs").asText())
                .isEqualTo(name + ".p7m");
        assertThat(archived(transfer)).hasBinaryContent(ADDRESSES);
        assertThat(new TransferJournal(gateway.database(), clock).unfinished("IRS", "IRS-DOJ-2024/" + name,
                ADDRESSES.length, Files.getLastModifiedTime(archived(transfer)).toMillis())).isEmpty();
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> all = Files.walk(workspace.resolve("work"))) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".safegate-")).toList()).isEmpty();
        }
    }

    /** Every file (not folder) below the folder, hidden ones included. */
    private static List<Path> listAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("keys-example")) && Files.isDirectory(dir.resolve("policies"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
