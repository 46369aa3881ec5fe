package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.app.GatewayRunner;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.Quarantine;
import org.safegate.transfer.TransferOutcome;

/** An administrator lists transfers waiting on a person or a retry, and releases them. */
class TransferQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

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
    void aDeniedFileReleasedOnceItsRecipientIsCurrentIsDeliveredByTheProcessor() throws IOException {
        assertThat(ws.process("DOJ", ws.drop("DOJ", "DOJ-ICE-2024", "cases.csv", AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        List<TransferQueue.QueuedTransfer> quarantined = queue.list(TransferQueue.State.QUARANTINED);
        assertThat(quarantined).hasSize(1);
        TransferQueue.QueuedTransfer denied = quarantined.get(0);
        assertThat(denied.sender()).isEqualTo("DOJ");
        assertThat(denied.agreement()).isEqualTo("DOJ-ICE-2024");
        assertThat(denied.name()).isEqualTo("cases.csv");
        assertThat(denied.reasons()).anyMatch(r -> r.startsWith("CAP_ITEM_UNDATED: "));
        JsonNode reason = JSON.readTree(ws.data().resolve("quarantine").resolve(denied.id())
                .resolve(Quarantine.REASON_FILE).toFile());
        assertThat(reason.get("source").asText()).isEqualTo("DOJ-ICE-2024/cases.csv");
        assertThat(reason.get("agreement").asText()).isEqualTo("DOJ-ICE-2024");
        makeIceCurrent();

        TransferQueue.QueuedTransfer released = queue.release(denied.id(), "alan");

        assertThat(released.id()).isEqualTo(denied.id());
        Path back = ws.outbox("DOJ").resolve("DOJ-ICE-2024/cases.csv");
        assertThat(back).hasBinaryContent(AdminWorkspace.ADDRESSES);
        Path folder = ws.data().resolve("quarantine").resolve(denied.id());
        assertThat(folder.resolve(Quarantine.REASON_FILE)).exists();
        assertThat(folder.resolve(Quarantine.ORIGINAL)).doesNotExist();
        JsonNode note = JSON.readTree(folder.resolve(Quarantine.RELEASED_FILE).toFile());
        assertThat(note.get("released-by").asText()).isEqualTo("alan");
        assertThat(note.get("put-back-as").asText()).isEqualTo("DOJ-ICE-2024/cases.csv");
        assertThat(queue.list(TransferQueue.State.QUARANTINED)).isEmpty();
        AuditEntry audited = ws.events(AuditEventType.TRANSFER_RELEASED).get(0).entry();
        assertThat(audited.actor()).isEqualTo("alan");
        assertThat(audited.transferId()).isEqualTo(denied.id());
        assertThat(audited.agreement()).isEqualTo("DOJ-ICE-2024");

        assertThat(ws.process("DOJ", back)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(ws.inbox("ICE").resolve("DOJ-ICE-2024/cases.csv.p7m")).isNotEmptyFile();
        assertThat(ws.events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId())
                .as("decided afresh, under a new transfer id").isNotEqualTo(denied.id());
    }

    @Test
    void aReleasedOriginalIsTakenUpByTheGatewaysRoutes() throws IOException {
        String id = deniedTransfer("routed.csv");
        makeIceCurrent();

        queue.release(id, "alan");
        List<Path> stillHeld = new GatewayRunner(ws.gateway).runOnce(Duration.ofSeconds(90));

        assertThat(stillHeld).isEmpty();
        assertThat(ws.inbox("ICE").resolve("DOJ-ICE-2024/routed.csv.p7m")).isNotEmptyFile();
        assertThat(AdminWorkspace.listAll(ws.outbox("DOJ"))).isEmpty();
        assertThat(ws.events(AuditEventType.TRANSFER_DELIVERED)).hasSize(1);
    }

    @Test
    void releasingTheSameTransferTwiceIsAConflict() throws IOException {
        String id = deniedTransfer("twice.csv");
        queue.release(id, "alan");

        assertThatThrownBy(() -> queue.release(id, "bea"))
                .isInstanceOfSatisfying(SafegateException.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(p.getMessage()).contains("already released by alan");
                });
        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED)).hasSize(1);
    }

    @Test
    void aFileOfTheSameNameInTheOutboxIsNeverOverwritten() throws IOException {
        String id = deniedTransfer("report.csv");
        byte[] newer = "a newer file of the same name\n".getBytes(StandardCharsets.UTF_8);
        Path waiting = ws.drop("DOJ", "DOJ-ICE-2024", "report.csv", newer);

        assertThatThrownBy(() -> queue.release(id, "alan"))
                .isInstanceOfSatisfying(SafegateException.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(p.getMessage()).contains("DOJ-ICE-2024/report.csv");
                });

        assertThat(waiting).hasBinaryContent(newer);
        Path folder = ws.data().resolve("quarantine").resolve(id);
        assertThat(folder.resolve(Quarantine.ORIGINAL)).hasBinaryContent(AdminWorkspace.ADDRESSES);
        assertThat(folder.resolve(Quarantine.RELEASED_FILE)).doesNotExist();
        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED)).isEmpty();
        assertThat(queue.list(TransferQueue.State.QUARANTINED)).extracting(TransferQueue.QueuedTransfer::id)
                .containsExactly(id);
    }

    @Test
    void unknownIdsAreNotFound() {
        for (String id : List.of("no-such-transfer", "../../policies", "held-000000000000000000000000")) {
            assertThatThrownBy(() -> queue.release(id, "alan"))
                    .isInstanceOfSatisfying(SafegateException.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void aFileRefusedForItsNameIsNotPutBack() throws IOException {
        Path file = ws.drop("DOJ", "DOJ-ICE-2024", "cases.csv ", AdminWorkspace.ADDRESSES);
        assertThat(ws.process("DOJ", file)).isEqualTo(TransferOutcome.QUARANTINED);
        String id = queue.list(TransferQueue.State.QUARANTINED).get(0).id();

        assertThatThrownBy(() -> queue.release(id, "alan"))
                .isInstanceOfSatisfying(SafegateException.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(p.getMessage()).contains("cannot be put back");
                });
        assertThat(AdminWorkspace.listAll(ws.outbox("DOJ"))).isEmpty();
    }

    @Test
    void aQuarantineFolderFromBeforeSourceWasRecordedIsReleasedFromItsPath() throws IOException {
        Path folder = Files.createDirectories(ws.data().resolve("quarantine/6b1d7a52-0000-4000-8000-000000000001"));
        Files.writeString(folder.resolve(Quarantine.REASON_FILE), """
                {"transfer": "6b1d7a52-0000-4000-8000-000000000001", "outcome": "denied", "sender": "IRS",
                 "path": "IRS-DOJ-2024/old.csv", "time": "2026-01-05T10:00:00Z",
                 "reasons": [{"code": "AGENCY_REVOKED", "message": "DOJ's access was revoked"}]}
                """);
        Files.write(folder.resolve(Quarantine.ORIGINAL), AdminWorkspace.ADDRESSES);

        TransferQueue.QueuedTransfer listed = queue.list(TransferQueue.State.QUARANTINED).get(0);
        assertThat(listed.agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(listed.reasons()).containsExactly("AGENCY_REVOKED: DOJ's access was revoked");
        queue.release(listed.id(), "alan");

        Path back = ws.outbox("IRS").resolve("IRS-DOJ-2024/old.csv");
        assertThat(back).hasBinaryContent(AdminWorkspace.ADDRESSES);
        assertThat(ws.process("IRS", back)).isEqualTo(TransferOutcome.DELIVERED);
    }

    @Test
    void aHeldFileIsListedAndReleasedForAnImmediateRetry() throws IOException {
        Path blocker = ws.inbox("DOJ").resolve("IRS-DOJ-2024");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the agreement's folder should be");
        Path file = ws.drop("IRS", "IRS-DOJ-2024", "held.csv", AdminWorkspace.ADDRESSES);
        assertThat(ws.process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        List<TransferQueue.QueuedTransfer> held = queue.list(TransferQueue.State.HELD);
        assertThat(held).hasSize(1);
        TransferQueue.QueuedTransfer waiting = held.get(0);
        assertThat(waiting.id()).startsWith("held-");
        assertThat(waiting.sender()).isEqualTo("IRS");
        assertThat(waiting.agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(waiting.name()).isEqualTo("held.csv");
        assertThat(queue.list(TransferQueue.State.HELD).get(0).id()).as("stable").isEqualTo(waiting.id());
        Files.delete(blocker);
        assertThat(ws.process("IRS", file)).as("its retry is not due yet").isEqualTo(TransferOutcome.HELD);

        queue.release(waiting.id(), "alan");

        assertThat(ws.events(AuditEventType.TRANSFER_RELEASED).get(0).entry().actor()).isEqualTo("alan");
        assertThat(ws.process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(queue.list(TransferQueue.State.HELD)).isEmpty();
        assertThatThrownBy(() -> queue.release(waiting.id(), "alan"))
                .isInstanceOfSatisfying(SafegateException.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private String deniedTransfer(String name) throws IOException {
        assertThat(ws.process("DOJ", ws.drop("DOJ", "DOJ-ICE-2024", name, AdminWorkspace.ADDRESSES)))
                .isEqualTo(TransferOutcome.DENIED);
        return queue.list(TransferQueue.State.QUARANTINED).get(0).id();
    }

    /** ICE's record brought up to date the way a security officer would: by safeguard events. */
    private void makeIceCurrent() throws IOException {
        SafeguardEvents events = ws.gateway.safeguardEvents();
        events.record("ICE", JSON.readTree("{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \""
                + TODAY + "\"}"), "olga");
        String planned = TODAY.plusMonths(3).toString();
        events.record("ICE", JSON.readTree("{\"type\": \"cap-updated\", \"updated\": \"" + TODAY + "\", \"items\": ["
                + "{\"finding\": \"F-01\", \"implementation-date\": \"" + planned + "\"},"
                + "{\"finding\": \"F-02\", \"implementation-date\": \"" + planned + "\"}]}"), "olga");
    }
}
