package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.TransferOutcome;

/** Releasing a quarantined original never writes through a link, and never puts back a file with other names. */
class ReleaseLinksTest {
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
    void aReleaseIntoAnAgreementFolderReplacedByALinkIsAConflictAndWritesNothingThere() throws IOException {
        assertThat(ws.process("DOJ", ws.drop("DOJ", "DOJ-ICE-2024", "cases.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path folder = ws.outbox("DOJ").resolve("DOJ-ICE-2024");
        Files.delete(folder);
        Files.createSymbolicLink(folder, elsewhere);

        assertThatThrownBy(() -> queue.release(id, "alan"))
                .isInstanceOfSatisfying(SafegateException.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(p.getMessage()).contains(folder.toString()).contains("symbolic link");
                });

        assertThat(AdminWorkspace.listAll(elsewhere)).isEmpty();
        Path kept = ws.data().resolve("quarantine").resolve(id);
        assertThat(kept.resolve(Quarantine.ORIGINAL)).hasBinaryContent(AdminWorkspace.ADDRESSES);
        assertThat(kept.resolve(Quarantine.RELEASED_FILE)).doesNotExist();
        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED)).isEmpty();
    }

    @Test
    void aReleaseIntoAnOutboxReplacedByALinkIsAConflictAndWritesNothingThere() throws IOException {
        assertThat(ws.process("DOJ", ws.drop("DOJ", "DOJ-ICE-2024", "cases.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.delete(ws.outbox("DOJ").resolve("DOJ-ICE-2024"));
        Files.delete(ws.outbox("DOJ"));
        Files.createSymbolicLink(ws.outbox("DOJ"), elsewhere);

        assertThatThrownBy(() -> queue.release(id, "alan"))
                .isInstanceOfSatisfying(SafegateException.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(AdminWorkspace.listAll(elsewhere)).isEmpty();
        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED)).isEmpty();
    }

    @Test
    void aHardLinkedOriginalIsNeverPutBack() throws IOException {
        Path secret = dir.resolve("gateway/audit.key");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "not for DOJ\n", StandardCharsets.UTF_8);
        Path link = ws.outbox("DOJ").resolve("DOJ-ICE-2024/key.csv");
        Files.createDirectories(link.getParent());
        Files.createLink(link, secret);
        assertThat(ws.process("DOJ", link)).isEqualTo(TransferOutcome.QUARANTINED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();

        assertThatThrownBy(() -> queue.release(id, "alan"))
                .isInstanceOfSatisfying(SafegateException.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(p.getMessage()).contains("hard link");
                });

        assertThat(AdminWorkspace.listAll(ws.outbox("DOJ"))).isEmpty();
        assertThat(secret).hasContent("not for DOJ\n");
        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED)).isEmpty();
    }
}
