package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.crypto.DetachedSignature;
import org.safegate.store.TransferJournal;
import org.safegate.testing.TestClocks;
import org.safegate.transfer.TransferOutcome;

/**
 * A gateway stopped part-way through a denial or a quarantine (as by SIGKILL: nothing after the
 * step runs), then a fresh gateway on the same store and folders. Whatever the step, the file ends
 * with exactly one audit event, one receipt and its original kept in quarantine.
 */
class TransferRefusalCrashTest extends TransferScenarioTest {

    /** The two kinds of refusal: a policy denial and a layout quarantine. */
    enum Kind {
        DENIED_BY_POLICY(TransferOutcome.DENIED, AuditEventType.TRANSFER_DENIED, "IRS-ICE-2025", "denied"),
        QUARANTINED_MISPLACED(TransferOutcome.QUARANTINED, AuditEventType.TRANSFER_QUARANTINED, Refusals.UNPLACED,
                "quarantined");

        final TransferOutcome outcome;
        final AuditEventType event;
        final String receiptFolder;
        final String key;

        Kind(TransferOutcome outcome, AuditEventType event, String receiptFolder, String key) {
            this.outcome = outcome;
            this.event = event;
            this.receiptFolder = receiptFolder;
            this.key = key;
        }
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(Refusals.Step.values())
                .map(step -> Arguments.of(kind, step)));
    }

    @ParameterizedTest(name = "{0}, stopped after {1}")
    @MethodSource("crashPoints")
    @DisplayName("A refusal is stopped after one of its steps and a fresh gateway takes over. Result: one event, one receipt,"
            + " the original in quarantine, the journal finished.")
    void aRefusalStoppedAfterAStep_resultTheNextRunFinishesItWithOneEventAndOneReceipt(Kind kind, Refusals.Step step)
            throws Exception {
        start();
        Path file = dropFor(kind);
        TransferProcessor crashing = gateway.processor().withRefusals(refusalsStoppingAfter(step));

        assertThatThrownBy(() -> crashing.process("IRS", outbox("IRS"), file)).isInstanceOf(SimulatedCrash.class);
        restart();

        if (step == Refusals.Step.MOVED) {
            assertThat(file).as("the original left the outbox before the stop").doesNotExist();
        } else {
            assertThat(process("IRS", file)).isEqualTo(kind.outcome);
        }

        String transfer = assertRefusedOnce(kind);
        assertThat(quarantined(transfer)).hasBinaryContent(ADDRESSES);
        Path folder = workspace.resolve("data/quarantine").resolve(transfer);
        assertThat(listAll(folder)).containsExactly(folder.resolve(Quarantine.ORIGINAL),
                folder.resolve(Quarantine.REASON_FILE));
        assertThat(quarantineReason(transfer).get("outcome").asText()).isEqualTo(kind.key);
        assertThat(listAll(outbox("IRS"))).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(listAll(inbox("ICE"))).isEmpty();
        if (step != Refusals.Step.MOVED) {
            assertThat(journal().unfinished("IRS", outbox("IRS").relativize(file).toString(), ADDRESSES.length,
                    Files.getLastModifiedTime(quarantined(transfer), LinkOption.NOFOLLOW_LINKS).toMillis())).isEmpty();
        }
    }

    @Test
    @DisplayName("A refusal stopped after its original was moved, then the same file dropped again with the same time."
            + " Result: the new file is refused afresh, with its own event and receipt.")
    void aRefusalStoppedAfterTheMoveThenTheSameFileAgain_resultTheNewFileIsRefusedAfresh() throws Exception {
        start();
        Path file = dropFor(Kind.DENIED_BY_POLICY);
        FileTime time = Files.getLastModifiedTime(file);
        TransferProcessor crashing = gateway.processor().withRefusals(refusalsStoppingAfter(Refusals.Step.MOVED));
        assertThatThrownBy(() -> crashing.process("IRS", outbox("IRS"), file)).isInstanceOf(SimulatedCrash.class);
        restart();
        write(file, ADDRESSES);
        Files.setLastModifiedTime(file, time);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DENIED);

        List<AuditEvent> denied = events(AuditEventType.TRANSFER_DENIED);
        assertThat(denied).hasSize(2);
        assertThat(denied.get(0).entry().transferId()).isNotEqualTo(denied.get(1).entry().transferId());
        Path receipts = inbox("IRS").resolve("receipts/IRS-ICE-2025");
        assertThat(listAll(receipts)).containsExactly(receipts.resolve("a.csv.denied.2.json"),
                receipts.resolve("a.csv.denied.2.json.p7s"), receipts.resolve("a.csv.denied.json"),
                receipts.resolve("a.csv.denied.json.p7s"));
        denied.forEach(e -> assertThat(quarantined(e.entry().transferId())).hasBinaryContent(ADDRESSES));
        assertThat(listAll(outbox("IRS"))).isEmpty();
    }

    private Path dropFor(Kind kind) throws IOException {
        return kind == Kind.DENIED_BY_POLICY ? drop("IRS", "IRS-ICE-2025", "a.csv", ADDRESSES)
                : write(outbox("IRS").resolve("a.csv"), ADDRESSES);
    }

    /** Checks the one event and the one receipt of the refusal; returns its transfer id. */
    private String assertRefusedOnce(Kind kind) throws IOException {
        List<AuditEvent> refused = events(kind.event);
        assertThat(refused).hasSize(1);
        String transfer = refused.get(0).entry().transferId();
        Path receipts = inbox("IRS").resolve("receipts").resolve(kind.receiptFolder);
        String name = "a.csv." + kind.key + ".json";
        assertThat(listAll(inbox("IRS").resolve("receipts"))).containsExactly(receipts.resolve(name),
                receipts.resolve(name + ".p7s"));
        assertThat(receipt("IRS", kind.receiptFolder, name).get("transfer").asText()).isEqualTo(transfer);
        return transfer;
    }

    /** The refusals as the gateway wires them, stopping (like a kill) right after the given step. */
    private Refusals refusalsStoppingAfter(Refusals.Step stop) {
        TransferRecorder recorder = new TransferRecorder(gateway.auditLog(), new AuditStore(gateway.database()),
                new ReceiptWriter(new DetachedSignature(keys.gatewaySigning(), TestClocks.caseDay())::sign));
        return new Refusals(new Quarantine(workspace.resolve("data")), recorder, new Endpoints(workspace), journal(),
                step -> {
                    if (step == stop) {
                        throw new SimulatedCrash(step);
                    }
                });
    }

    private TransferJournal journal() {
        return new TransferJournal(gateway.database(), clock);
    }
}
