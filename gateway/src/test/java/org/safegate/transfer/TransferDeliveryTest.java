package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditStore;
import org.safegate.policy.Revocation;
import org.safegate.transfer.TransferOutcome;

/** Transfers that reach a decision: delivered, denied, revoked, redisclosed. */
class TransferDeliveryTest extends TransferScenarioTest {

    // ---- delivered ----

    @Test
    @DisplayName("The IRS sends a file to DOJ. Result: delivered sealed to DOJ, a signed receipt, the original archived, one delivered event.")
    void theIrsSendsAFileToDoj_resultItIsDeliveredSealedToDojWithAReceiptAndOneDeliveredEvent() throws Exception {
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

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

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DENIED);

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

        assertThat(process("DOJ", file)).isEqualTo(TransferOutcome.DENIED);

        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024")).doesNotExist();
        JsonNode receipt = receipt("DOJ", "IRS-DOJ-2024", "back.csv.denied.json");
        assertThat(codes(receipt.get("reasons"))).contains("SENDER_NOT_PROVIDER");
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().reasonCodes()).contains("SENDER_NOT_PROVIDER");
        assertThat(quarantined(receipt.get("transfer").asText())).hasBinaryContent(ADDRESSES);
    }

    // ---- revocation ----

    @Test
    @DisplayName("A security officer revokes DOJ. Result: the next file is denied AGENCY_REVOKED; after reinstatement the next is delivered.")
    void aSecurityOfficerRevokesDoj_resultTheNextFileIsDeniedAgencyRevokedAndAfterReinstatementDelivered()
            throws Exception {
        start();
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", "suspected breach"));

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().reasonCodes()).containsExactly("AGENCY_REVOKED");
        assertThat(codes(receipt("IRS", "IRS-DOJ-2024", "a.csv.denied.json").get("reasons")))
                .containsExactly("AGENCY_REVOKED");

        assertThat(gateway.revocations().reinstate("DOJ")).isTrue();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "b.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024/b.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m")).doesNotExist();
    }

    // ---- redisclosure ----

    @Test
    @DisplayName("DOJ passes data it received from the IRS on to ICE. Result: a redisclosure, denied, its event linked to the parent transfer.")
    void dojPassesDataItReceivedFromTheIrsOnToIce_resultARedisclosureDeniedAndLinkedToItsParent() throws Exception {
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        String parent = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();

        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

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
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        String parent = single(AuditEventType.TRANSFER_DELIVERED).entry().transferId();

        assertThat(process("DOJ", drop("DOJ", "DOJ-ICE-2024", "onward.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);

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
}
