package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.recall.DisposalCertification;
import org.safegate.recall.RecallItem;

/**
 * Holders certify disposal: a CMS-signed JSON certificate dropped into {@code <outbox>/recalls/},
 * through the real processor. Accepted, its items are certified (one {@code DISPOSAL_CERTIFIED}
 * event each), the holder gets a {@code certified} receipt and the certificate is archived.
 */
class DisposalCertificateTest extends TransferScenarioTest {
    RecallCase recall;

    @BeforeEach
    void deliverPassOnAndRecall() throws Exception {
        makeIceCurrent();
        start();
        recall = new RecallCase(this).issued();
    }

    @Test
    @DisplayName("DOJ certifies both its items, signed with its registered key. Result: both certified, two events, a"
            + " certified receipt, the certificate archived; ICE's item stays open.")
    void dojCertifiesBothItsItems_resultCertifiedWithEventsReceiptAndArchive() throws Exception {
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj, recall.today()),
                "{\"transfer\": \"" + recall.toDojToo + "\", \"disposition\": \"returned\", \"method\":"
                        + " \"returned on the original media\", \"date\": \"" + recall.today().minusDays(1) + "\"}"));
        byte[] original = RecallCase.bytes(file);

        assertThat(process("DOJ", file)).isEqualTo(TransferOutcome.CERTIFIED);

        assertThat(recall.states()).containsExactlyInAnyOrderEntriesOf(Map.of(recall.toDoj, RecallItem.State.CERTIFIED,
                recall.toDojToo, RecallItem.State.CERTIFIED, recall.toIce, RecallItem.State.OPEN));
        Map<String, AuditEntry> events = recall.certifiedEvents();
        assertThat(events).containsOnlyKeys(recall.toDoj, recall.toDojToo);
        AuditEntry destroyed = events.get(recall.toDoj);
        assertThat(destroyed.actor()).isEqualTo("DOJ");
        assertThat(destroyed.provider()).isEqualTo("IRS");
        assertThat(destroyed.recipient()).isEqualTo("DOJ");
        assertThat(destroyed.object()).isEqualTo(recall.toDoj);
        assertThat(destroyed.agreement()).isEqualTo("IRS-DOJ-2024");
        assertThat(destroyed.change()).contains("recall " + recall.recall.id(), "destroyed", "NIST SP 800-88 purge",
                recall.today().toString(), "Dana Reyes", "Records Officer");
        assertThat(events.get(recall.toDojToo).change()).contains("returned", "returned on the original media",
                recall.today().minusDays(1).toString());

        JsonNode receipt = receipt("DOJ", OutboxLayout.RECALLS, recall.recall.id() + ".json.certified.json");
        assertThat(receipt.get("outcome").asText()).isEqualTo("certified");
        assertThat(receipt.get("sender").asText()).isEqualTo("DOJ");
        assertThat(receipt.get("reasons")).isEmpty();
        assertThat(receipt.get("payloadSha256").asText()).isEqualTo(Digests.sha256(archived(receipt.get("transfer")
                .asText())));
        assertThat(receipt.get("audit").get("checkpoint").asText()).isNotBlank();
        assertThat(archived(receipt.get("transfer").asText())).hasBinaryContent(original);
        assertThat(listAll(outbox("DOJ"))).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_QUARANTINED)).isEmpty();

        List<DisposalCertification> stored = recall.certifications().ofRecall(recall.recall.id());
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.certificateId()).isEqualTo(receipt.get("transfer").asText());
            assertThat(c.holder()).isEqualTo("DOJ");
            assertThat(c.issuer()).isEqualTo("IRS");
            assertThat(c.certifiedBy()).isEqualTo(new DisposalCertification.Person("Dana Reyes", "Records Officer"));
            assertThat(c.certificateSha256()).isEqualTo(receipt.get("payloadSha256").asText());
            assertThat(c.recordedAt()).isEqualTo(clock.instant());
            assertThat(c.items()).containsExactlyInAnyOrder(
                    new DisposalCertification.Item(recall.toDoj, DisposalCertification.Disposition.DESTROYED,
                            "NIST SP 800-88 purge", recall.today()),
                    new DisposalCertification.Item(recall.toDojToo, DisposalCertification.Disposition.RETURNED,
                            "returned on the original media", recall.today().minusDays(1)));
        });
    }

    @Test
    @DisplayName("DOJ certifies one item, later the other; ICE certifies its own. Result: each certificate certifies only"
            + " what it lists; two receipts for DOJ, one for ICE.")
    void partialCertificatesOneAfterTheOther_resultEachCertifiesWhatItLists() throws Exception {
        Path first = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj, recall.today())));

        assertThat(process("DOJ", first)).isEqualTo(TransferOutcome.CERTIFIED);

        assertThat(recall.states()).containsEntry(recall.toDoj, RecallItem.State.CERTIFIED)
                .containsEntry(recall.toDojToo, RecallItem.State.OPEN).containsEntry(recall.toIce, RecallItem.State.OPEN);
        assertThat(recall.certifiedEvents()).containsOnlyKeys(recall.toDoj);

        Path second = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDojToo, recall.today())));
        assertThat(process("DOJ", second)).isEqualTo(TransferOutcome.CERTIFIED);
        Path third = recall.drop("ICE", "ICE", recall.certificate(RecallCase.item(recall.toIce, recall.today())));
        assertThat(process("ICE", third)).isEqualTo(TransferOutcome.CERTIFIED);

        assertThat(recall.states()).containsOnly(Map.entry(recall.toDoj, RecallItem.State.CERTIFIED),
                Map.entry(recall.toDojToo, RecallItem.State.CERTIFIED), Map.entry(recall.toIce, RecallItem.State.CERTIFIED));
        Map<String, AuditEntry> events = recall.certifiedEvents();
        assertThat(events).containsOnlyKeys(recall.toDoj, recall.toDojToo, recall.toIce);
        assertThat(events.get(recall.toIce).actor()).isEqualTo("ICE");
        assertThat(events.get(recall.toIce).provider()).isEqualTo("IRS");
        assertThat(events.get(recall.toIce).agreement()).isEqualTo("DOJ-ICE-2024");
        Path receipts = inbox("DOJ").resolve("receipts").resolve(OutboxLayout.RECALLS);
        String name = recall.recall.id() + ".json";
        assertThat(listAll(receipts)).containsExactly(receipts.resolve(name + ".certified.2.json"),
                receipts.resolve(name + ".certified.2.json.p7s"), receipts.resolve(name + ".certified.json"),
                receipts.resolve(name + ".certified.json.p7s"));
        assertThat(receipt("ICE", OutboxLayout.RECALLS, name + ".certified.json").get("outcome").asText())
                .isEqualTo("certified");
        assertThat(recall.certifications().ofRecall(recall.recall.id())).extracting(DisposalCertification::holder)
                .containsExactlyInAnyOrder("DOJ", "DOJ", "ICE");
        assertThat(events(AuditEventType.TRANSFER_QUARANTINED)).isEmpty();
    }
}
