package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safegate.audit.AuditEventType;
import org.safegate.recall.RecallItem;

/**
 * A gateway stopped part-way through an accepted certificate of disposal (as by SIGKILL: nothing
 * after the step runs), then a fresh gateway on the same store and folders. The certificate is
 * finished, never quarantined as a replay of itself: one event per item, one receipt, the
 * original archived.
 */
class DisposalCertificateCrashTest extends TransferScenarioTest {
    RecallCase recall;

    @BeforeEach
    void deliverPassOnAndRecall() throws Exception {
        makeIceCurrent();
        start();
        recall = new RecallCase(this).issued();
    }

    @ParameterizedTest(name = "stopped after {0}")
    @EnumSource(DisposalCertificates.Done.class)
    void aCertificateStoppedAfterAStep_resultTheNextRunFinishesItOnce(DisposalCertificates.Done step)
            throws Exception {
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj, recall.today()),
                RecallCase.item(recall.toDojToo, recall.today())));
        byte[] original = RecallCase.bytes(file);
        TransferProcessor crashing = gateway.processor().withCertificateSteps(done -> {
            if (done == step) {
                throw new SimulatedCrash(done);
            }
        });

        assertThatThrownBy(() -> crashing.process("DOJ", outbox("DOJ"), file)).isInstanceOf(SimulatedCrash.class);
        restart();

        if (step == DisposalCertificates.Done.ARCHIVED) {
            assertThat(file).as("the original left the outbox before the stop").doesNotExist();
        } else {
            assertThat(process("DOJ", file)).isEqualTo(TransferOutcome.CERTIFIED);
        }

        assertThat(recall.certifiedEvents()).containsOnlyKeys(recall.toDoj, recall.toDojToo);
        assertThat(events(AuditEventType.DISPOSAL_CERTIFIED)).hasSize(2);
        assertThat(recall.states()).containsEntry(recall.toDoj, RecallItem.State.CERTIFIED)
                .containsEntry(recall.toDojToo, RecallItem.State.CERTIFIED);
        Path receipts = inbox("DOJ").resolve("receipts").resolve(OutboxLayout.RECALLS);
        String name = recall.recall.id() + ".json.certified.json";
        assertThat(listAll(receipts)).containsExactly(receipts.resolve(name), receipts.resolve(name + ".p7s"));
        String certificate = receipt("DOJ", OutboxLayout.RECALLS, name).get("transfer").asText();
        assertThat(archived(certificate)).hasBinaryContent(original);
        assertThat(recall.certifications().ofRecall(recall.recall.id())).singleElement()
                .satisfies(c -> assertThat(c.certificateId()).isEqualTo(certificate));
        assertThat(events(AuditEventType.TRANSFER_QUARANTINED)).isEmpty();
        assertThat(listAll(outbox("DOJ"))).isEmpty();
        assertThat(listAll(workspace.resolve("data/taken/DOJ"))).isEmpty();
    }
}
