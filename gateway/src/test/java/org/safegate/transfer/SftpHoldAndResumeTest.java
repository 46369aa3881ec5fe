package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.sftp.SftpFolders;
import org.safegate.store.TransferJournal;
import org.safegate.transfer.TransferOutcome;

/**
 * An SFTP inbox that cannot be used (host key not the pinned one, login refused, server down)
 * holds the file in the outbox to be retried; a run stopped between upload and rename resumes to
 * exactly one delivered file.
 */
class SftpHoldAndResumeTest extends SftpScenarioTest {
    private static final String OTHER_HOST_KEY = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

    @Test
    @DisplayName("The SFTP server presents a host key other than the pinned one. Result: nothing is sent; the file is held with the reason.")
    void theServerPresentsAnotherHostKey_resultTheFileIsHeldAndNothingIsSent() throws Exception {
        inboxOnServer("DOJ", "/doj/inbox", OTHER_HOST_KEY, "file:" + PASSWORD_FILE);
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(heldReason(file)).contains("host key refused").contains(server.hostKeyFingerprint())
                .contains(OTHER_HOST_KEY);
        assertNothingSent(file);
    }

    @Test
    @DisplayName("The SFTP password is wrong. Result: the file is held, the reason names the login but not the secret; once the secret is fixed it is delivered.")
    void theSftpPasswordIsWrong_resultHeldThenDeliveredOnceTheSecretIsFixed() throws Exception {
        writeSecret(PASSWORD_FILE, "not the password\n");
        dojInboxOnServer();
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(heldReason(file)).contains("login as doj was refused").doesNotContain("not the password");
        assertNothingSent(file);
        assertThat(events(AuditEventType.TRANSFER_HELD)).singleElement()
                .satisfies(e -> assertThat(e.entry().change()).doesNotContain("not the password"));

        writeSecret(PASSWORD_FILE, PASSWORD + "\n");
        clock.advance(Duration.ofMinutes(10));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertDeliveredOnceOverSftp("a.csv");
    }

    @Test
    @DisplayName("The SFTP server goes down after a delivery. Result: the next file is held, and delivered once the server is back.")
    void theServerGoesDown_resultTheFileIsHeldAndDeliveredWhenItComesBack() throws Exception {
        dojInboxOnServer();
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "first.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        server.stop();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);
        assertThat(heldReason(file)).contains(dojEndpoint().describe());
        assertThat(taken("IRS", file)).exists();
        // a held file waits for its back-off before it is tried again
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        server.restart();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            clock.advance(Duration.ofMinutes(10));
            return process("IRS", file) == TransferOutcome.DELIVERED;
        });
        Path folder = remoteInbox("IRS-DOJ-2024");
        assertThat(listAll(folder)).containsExactly(folder.resolve("a.csv.p7m"), folder.resolve("first.csv.p7m"));
        assertThat(openAsDoj(folder.resolve("a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).hasSize(2);
        assertThat(gateway.processor().held().current()).isEmpty();
        assertNoTemporaryFilesOnServer();
    }

    @Test
    @DisplayName("The SFTP server's disk is full. Result: the file is held, no partial file is left, and it is delivered once there is room.")
    void theServersDiskIsFull_resultHeldWithoutAPartialFileThenDelivered() throws Exception {
        dojInboxOnServer();
        start();
        server.diskFull(true);
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        // over SFTP version 3 a full disk is a general failure, as OpenSSH reports it
        assertThat(heldReason(file)).contains(dojEndpoint().describe()).contains("the server refused the request");
        assertThat(listAll(remoteInbox("IRS-DOJ-2024"))).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        server.diskFull(false);
        clock.advance(Duration.ofMinutes(10));
        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertDeliveredOnceOverSftp("a.csv");
    }

    @Test
    @DisplayName("A run stopped after uploading the sealed copy, before its audit event. Result: the next run delivers it exactly once.")
    void aRunStoppedAfterUploading_resultTheNextRunDeliversExactlyOnce() throws Exception {
        dojInboxOnServer();
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = uploadSealedCopy(file);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredOnceOverSftp("a.csv");
        assertThat(events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId())
                .isEqualTo(entry.transferId());
    }

    @Test
    @DisplayName("A run stopped after auditing the delivery, before the rename. Result: the next run renames to the journaled name, once.")
    void aRunStoppedBeforeTheRename_resultTheNextRunRenamesToTheReservedNameOnce() throws Exception {
        dojInboxOnServer();
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = uploadSealedCopy(file);
        audited(entry);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredOnceOverSftp("a.csv");
    }

    @Test
    @DisplayName("A run stopped right after the SFTP rename (its audit event written before), before journaling it. Result: the next run sees the rename happened and publishes nothing again.")
    void aRunStoppedAfterTheRename_resultTheNextRunFinishesWithoutASecondFile() throws Exception {
        dojInboxOnServer();
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        TransferJournal.Entry entry = uploadSealedCopy(file);
        // the delivery's audit event, as the stopped run wrote it before renaming
        audited(entry);
        Path folder = remoteInbox("IRS-DOJ-2024");
        // what the stopped run's rename did on the server
        Files.move(folder.resolve(".safegate-" + entry.transferId() + ".part"), folder.resolve("a.csv.p7m"));

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredOnceOverSftp("a.csv");
    }

    /** What a run killed between upload and rename leaves: a complete sealed copy under the hidden name, journaled. */
    private TransferJournal.Entry uploadSealedCopy(Path file) throws Exception {
        TransferJournal.Entry entry = journalEntry(file, "a.csv");
        try (SftpFolders folders = sftpFolders()) {
            sealedNotAudited(file, folders.folder(dojEndpoint()).child("IRS-DOJ-2024"), entry);
        }
        assertThat(remoteInbox("IRS-DOJ-2024").resolve(".safegate-" + entry.transferId() + ".part")).isNotEmptyFile();
        return entry;
    }

    private void assertNothingSent(Path file) throws Exception {
        assertThat(taken("IRS", file)).hasBinaryContent(ADDRESSES);
        assertThat(listAll(server.root())).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(listAll(inbox("IRS"))).isEmpty();
    }
}
