package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safegate.recall.RecallItem;

/**
 * Certificates of disposal that cannot be recorded: each is quarantined with its reason code and a
 * receipt, kept as it arrived, and nothing of it is certified.
 */
class DisposalCertificateRefusalTest extends TransferScenarioTest {
    RecallCase recall;
    /** Items certified by the test before the refused certificate. */
    int certifiedBefore;

    @BeforeEach
    void deliverPassOnAndRecall() throws Exception {
        makeIceCurrent();
        start();
        recall = new RecallCase(this).issued();
    }

    @AfterEach
    void nothingMoreWasCertified() {
        assertThat(recall.certifiedEvents()).hasSize(certifiedBefore);
        assertThat(recall.states().values()).filteredOn(s -> s == RecallItem.State.CERTIFIED).hasSize(certifiedBefore);
    }

    private void refused(String holder, Path file, String code, String... words) throws Exception {
        refused(holder, recall.recall.id() + ".json", file, code, words);
    }

    private void refused(String holder, String name, Path file, String code, String... words) throws Exception {
        byte[] original = RecallCase.bytes(file);
        assertThat(process(holder, file)).isEqualTo(TransferOutcome.QUARANTINED);
        recall.assertQuarantined(holder, name, code, original, words);
    }

    @Test
    @DisplayName("DOJ drops its certificate unsigned. Result: quarantined CERTIFICATE_UNSIGNED.")
    void anUnsignedCertificate_resultQuarantinedCertificateUnsigned() throws Exception {
        Path file = recall.drop("DOJ", null, recall.certificate(RecallCase.item(recall.toDoj, recall.today())));

        refused("DOJ", file, "CERTIFICATE_UNSIGNED", "not CMS-signed");
    }

    @Test
    @DisplayName("DOJ drops a certificate signed with ICE's key. Result: quarantined SIGNER_MISMATCH.")
    void aCertificateSignedByAnotherAgency_resultQuarantinedSignerMismatch() throws Exception {
        Path file = recall.drop("DOJ", "ICE", recall.certificate(RecallCase.item(recall.toDoj, recall.today())));

        refused("DOJ", file, "SIGNER_MISMATCH", "DOJ");
    }

    @Test
    @DisplayName("DOJ certifies ICE's item. Result: quarantined CERTIFICATE_ITEMS, ICE's item still open.")
    void dojCertifiesAnItemIceHolds_resultQuarantinedCertificateItems() throws Exception {
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj, recall.today()),
                RecallCase.item(recall.toIce, recall.today())));

        refused("DOJ", file, "CERTIFICATE_ITEMS", "items[1]", recall.toIce, "held by DOJ");
    }

    @Test
    @DisplayName("DOJ certifies a transfer the recall does not hold. Result: quarantined CERTIFICATE_ITEMS naming it.")
    void aTransferNotInTheRecall_resultQuarantinedCertificateItems() throws Exception {
        String stranger = UUID.randomUUID().toString();
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(stranger, recall.today())));

        refused("DOJ", file, "CERTIFICATE_ITEMS", "items[0]", stranger, "not an item of recall " + recall.recall.id());
    }

    @Test
    @DisplayName("DOJ certifies a destruction dated before the delivery. Result: quarantined CERTIFICATE_ITEMS.")
    void aDateBeforeTheDelivery_resultQuarantinedCertificateItems() throws Exception {
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj,
                recall.today().minusDays(2))));

        refused("DOJ", file, "CERTIFICATE_ITEMS", "before it was delivered");
    }

    @Test
    @DisplayName("DOJ certifies a destruction dated tomorrow. Result: quarantined CERTIFICATE_FUTURE_DATED.")
    void aDateInTheFuture_resultQuarantinedCertificateFutureDated() throws Exception {
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj,
                recall.today().plusDays(1))));

        refused("DOJ", file, "CERTIFICATE_FUTURE_DATED", recall.today().plusDays(1).toString(), "after today");
    }

    @Test
    @DisplayName("DOJ certifies for a recall the gateway does not have. Result: quarantined RECALL_UNKNOWN.")
    void anUnknownRecall_resultQuarantinedRecallUnknown() throws Exception {
        String unknown = UUID.randomUUID().toString();
        Path file = recall.drop("DOJ", unknown + ".json", "DOJ", RecallCase.certificateOf(unknown,
                RecallCase.item(recall.toDoj, recall.today())));

        refused("DOJ", unknown + ".json", file, "RECALL_UNKNOWN", unknown);
    }

    @Test
    @DisplayName("DOJ names one recall in the file name and another inside. Result: quarantined CERTIFICATE_MALFORMED.")
    void aRecallOtherThanTheFileName_resultQuarantinedCertificateMalformed() throws Exception {
        String other = UUID.randomUUID().toString();
        Path file = recall.drop("DOJ", other + ".json", "DOJ", recall.certificate(RecallCase.item(recall.toDoj,
                recall.today())));

        refused("DOJ", other + ".json", file, "CERTIFICATE_MALFORMED", "member 'recall'", other);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "not JSON                | {\"recall\": | not JSON",
        "not an object           | [1, 2] | not a JSON object",
        "certifiedBy missing     | {\"recall\": \"RECALL\", \"items\": [ITEM]} | member 'certifiedBy' is missing",
        "an unknown member       | {\"recall\": \"RECALL\", \"items\": [ITEM], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}, \"note\": 1} | unknown member 'note'",
        "a member twice          | {\"recall\": \"RECALL\", \"recall\": \"RECALL\", \"items\": [ITEM], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | not JSON",
        "no items                | {\"recall\": \"RECALL\", \"items\": [], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | member 'items'",
        "a bad disposition       | {\"recall\": \"RECALL\", \"items\": [{\"transfer\": \"T1\", \"disposition\": \"shredded\", \"method\": \"m\", \"date\": \"2026-12-02\"}], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | 'items[0].disposition': 'shredded'",
        "an item without method  | {\"recall\": \"RECALL\", \"items\": [{\"transfer\": \"T1\", \"disposition\": \"destroyed\", \"date\": \"2026-12-02\"}], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | member 'items[0].method' is missing",
        "an unknown item member  | {\"recall\": \"RECALL\", \"items\": [{\"transfer\": \"T1\", \"disposition\": \"destroyed\", \"method\": \"m\", \"date\": \"2026-12-02\", \"by\": \"x\"}], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | unknown member 'items[0].by'",
        "a bad date              | {\"recall\": \"RECALL\", \"items\": [{\"transfer\": \"T1\", \"disposition\": \"destroyed\", \"method\": \"m\", \"date\": \"2 Dec 2026\"}], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | 'items[0].date': '2 Dec 2026'",
        "an item listed twice    | {\"recall\": \"RECALL\", \"items\": [ITEM, ITEM], \"certifiedBy\": {\"name\": \"D\", \"title\": \"T\"}} | listed twice",
        "a title that is a number | {\"recall\": \"RECALL\", \"items\": [ITEM], \"certifiedBy\": {\"name\": \"D\", \"title\": 7}} | member 'certifiedBy.title' must be a text"
    })
    @DisplayName("DOJ drops a signed certificate that is not what the format requires. Result: quarantined"
            + " CERTIFICATE_MALFORMED naming the member.")
    void aMalformedCertificate_resultQuarantinedCertificateMalformedNamingTheMember(String what, String json,
                                                                                 String words) throws Exception {
        Path file = recall.drop("DOJ", "DOJ", json.replace("RECALL", recall.recall.id()).replace("T1", recall.toDoj)
                .replace("ITEM", RecallCase.item(recall.toDoj, recall.today())));

        refused("DOJ", file, "CERTIFICATE_MALFORMED", words);
    }

    @Test
    @DisplayName("DOJ certifies an item, then sends another certificate naming it again. Result: the second is quarantined"
            + " CERTIFICATE_REPLAYED.")
    void anItemCertifiedAlready_resultQuarantinedCertificateReplayed() throws Exception {
        certifiedBefore = 1;
        assertThat(process("DOJ", recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj,
                recall.today()))))).isEqualTo(TransferOutcome.CERTIFIED);
        Path again = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDojToo, recall.today()),
                RecallCase.item(recall.toDoj, recall.today().minusDays(1))));

        refused("DOJ", again, "CERTIFICATE_REPLAYED", "items[1]", recall.toDoj, "certified already");
        assertThat(recall.states()).containsEntry(recall.toDojToo, RecallItem.State.OPEN);
    }

    @Test
    @DisplayName("DOJ sends the very same certificate file twice. Result: the second is quarantined CERTIFICATE_REPLAYED.")
    void theSameCertificateBytesAgain_resultQuarantinedCertificateReplayed() throws Exception {
        certifiedBefore = 1;
        Path file = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj, recall.today())));
        byte[] bytes = RecallCase.bytes(file);
        assertThat(process("DOJ", file)).isEqualTo(TransferOutcome.CERTIFIED);
        write(file, bytes);

        refused("DOJ", file, "CERTIFICATE_REPLAYED", "recorded already", Digests.sha256(archivedCertificate()));
        assertThat(recall.states()).containsAllEntriesOf(Map.of(recall.toDoj, RecallItem.State.CERTIFIED));
    }

    @Test
    @DisplayName("DOJ drops a certificate one folder too deep. Result: quarantined MISPLACED, its receipt with the"
            + " certificates'.")
    void aCertificateTooDeep_resultQuarantinedMisplaced() throws Exception {
        Path file = recall.drop("DOJ", "extra/" + recall.recall.id() + ".json", "DOJ",
                recall.certificate(RecallCase.item(recall.toDoj, recall.today())));

        refused("DOJ", file, "MISPLACED", "recalls/<recall-id>.json");
    }

    private Path archivedCertificate() throws java.io.IOException {
        String id = receipt("DOJ", OutboxLayout.RECALLS, recall.recall.id() + ".json.certified.json").get("transfer")
                .asText();
        return archived(id);
    }
}
