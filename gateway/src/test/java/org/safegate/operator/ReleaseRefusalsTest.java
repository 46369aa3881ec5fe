package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.TransferOutcome;

/**
 * The release service refuses, for every caller, to put back an original that would only be
 * quarantined again: its place or its content is what was wrong, and the release keeps both.
 */
class ReleaseRefusalsTest {
    @TempDir
    Path dir;
    private AdminWorkspace ws;
    private TransferQueue queue;

    @BeforeEach
    void open() throws IOException {
        ws = AdminWorkspace.open(dir, TestClocks.runningFromCaseDay());
        queue = ws.gateway.transferQueue();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aFileDroppedOutsideAnAgreementFolderIsNotPutBackAndTheRefusalSaysWhereItBelongs() throws IOException {
        Path stray = Files.write(Files.createDirectories(ws.outbox("DOJ")).resolve("stray.csv"),
                AdminWorkspace.ADDRESSES);
        TestFiles.backdate(stray, java.time.Duration.ofSeconds(5));
        assertThat(ws.process("DOJ", stray)).isEqualTo(TransferOutcome.QUARANTINED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();

        assertRefused(id, "MISPLACED", "<agreement-id>/<name>");
    }

    @Test
    void anEmptyFileIsNotPutBackAndTheSenderIsToSendItAgain() throws IOException {
        Path empty = ws.drop("DOJ", "DOJ-ICE-2024", "empty.csv", new byte[0]);
        assertThat(ws.process("DOJ", empty)).isEqualTo(TransferOutcome.QUARANTINED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();

        assertRefused(id, "EMPTY_FILE", "send the file again");
    }

    @Test
    void anUnsignedCertificateOfDisposalIsNotPutBackAndTheHolderIsToSignIt() throws IOException {
        Path unsigned = ws.drop("DOJ", "recalls", java.util.UUID.randomUUID() + ".json",
                "{\"recall\": \"r\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ws.process("DOJ", unsigned)).isEqualTo(TransferOutcome.QUARANTINED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();

        assertRefused(id, "CERTIFICATE_UNSIGNED", "sign a well-formed certificate");
    }

    private void assertRefused(String id, String code, String advice) throws IOException {
        assertThatThrownBy(() -> queue.release(id, "alan"))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains(code).contains("quarantined again").contains(advice);
                });
        assertThat(AdminWorkspace.listAll(ws.outbox("DOJ"))).isEmpty();
        assertThat(ws.data().resolve("quarantine").resolve(id).resolve(Quarantine.ORIGINAL)).exists();
        assertThat(ws.data().resolve("quarantine").resolve(id).resolve(Quarantine.RELEASED_FILE)).doesNotExist();
        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED)).isEmpty();
        assertThat(queue.list(TransferQueue.State.QUARANTINED)).extracting(TransferQueue.QueuedTransfer::id)
                .contains(id);
    }
}
