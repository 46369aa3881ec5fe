package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.AgreementRevocation;
import org.safegate.policy.Revocation;

/**
 * What a receipt tells another agency: the reason codes and sentences meant for it, never the
 * gateway's local paths or an officer's internal reason for a revocation.
 */
class ReceiptDisclosureTest extends TransferScenarioTest {
    private static final String INTERNAL = "analyst J. Smith suspected of browsing records";

    @Test
    @DisplayName("DOJ is revoked with a notice. Result: the receipt gives the notice, never the internal reason or the officer.")
    void aRevocationWithANotice_resultTheReceiptCarriesTheNoticeOnly() throws Exception {
        start();
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", INTERNAL,
                Optional.of("Access suspended pending a safeguard review.")));

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

        JsonNode reason = receipt("IRS", "IRS-DOJ-2024", "a.csv.denied.json").get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("AGENCY_REVOKED");
        assertThat(reason.get("message").asText()).contains("Access suspended pending a safeguard review.")
                .doesNotContain(INTERNAL).doesNotContain("alice");
    }

    @Test
    @DisplayName("DOJ is revoked without a notice. Result: the receipt gives the code and a standard sentence.")
    void aRevocationWithoutANotice_resultTheReceiptCarriesAStandardSentence() throws Exception {
        start();
        gateway.revocations().revoke(new Revocation("DOJ", clock.instant(), "alice", INTERNAL));

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

        JsonNode reason = receipt("IRS", "IRS-DOJ-2024", "a.csv.denied.json").get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("AGENCY_REVOKED");
        assertThat(reason.get("message").asText()).isEqualTo("DOJ's access was revoked by a security officer")
                .doesNotContain(INTERNAL).doesNotContain("alice");
        // the officer's reason stays in the audit log
        assertThat(gateway.revocations().inForce("DOJ").orElseThrow().reason()).isEqualTo(INTERNAL);
    }

    @Test
    @DisplayName("An agreement is revoked with and without a notice. Result: receipts carry the notice or a standard sentence.")
    void anAgreementRevocation_resultTheReceiptCarriesTheNoticeOrAStandardSentence() throws Exception {
        start();
        gateway.revocations().revokeAgreement(new AgreementRevocation("IRS-DOJ-2024", clock.instant(), "alice",
                INTERNAL, Optional.of("Suspended while the agreement is renegotiated.")));
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);
        gateway.revocations().revokeAgreement(new AgreementRevocation("IRS-DOJ-2024", clock.instant(), "alice",
                INTERNAL));
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "b.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

        JsonNode withNotice = receipt("IRS", "IRS-DOJ-2024", "a.csv.denied.json").get("reasons").get(0);
        assertThat(withNotice.get("code").asText()).isEqualTo("AGREEMENT_REVOKED");
        assertThat(withNotice.get("message").asText()).contains("Suspended while the agreement is renegotiated.")
                .doesNotContain(INTERNAL).doesNotContain("alice");
        JsonNode without = receipt("IRS", "IRS-DOJ-2024", "b.csv.denied.json").get("reasons").get(0);
        assertThat(without.get("message").asText())
                .isEqualTo("agreement IRS-DOJ-2024 was revoked by a security officer");
    }

    @Test
    @DisplayName("DOJ's certificate file is missing. Result: denied CERT_MISSING; the receipt names no local path.")
    void aMissingCertificate_resultTheReceiptNamesNoLocalPath() throws Exception {
        Files.delete(workspace.resolve("keys-example/agencies/DOJ/encrypt.crt"));
        start();

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DENIED);

        Path receipt = inbox("IRS").resolve("receipts/IRS-DOJ-2024/a.csv.denied.json");
        String text = Files.readString(receipt);
        assertThat(codes(JSON.readTree(text).get("reasons"))).containsExactly("CERT_MISSING");
        assertThat(text).doesNotContain(workspace.toString()).doesNotContain("keys-example")
                .doesNotContain("encrypt.crt").doesNotContain("/tmp");
        assertThat(single(AuditEventType.TRANSFER_DENIED).entry().reasonCodes()).containsExactly("CERT_MISSING");
    }

    @Test
    @DisplayName("Any reason sentence naming a path on the gateway. Result: the receipt replaces the path.")
    void aReasonNamingALocalPath_resultTheReceiptReplacesIt() {
        assertThat(SharedText.scrub("'a.csv' cannot be read: /srv/safegate/data/taken/IRS/a.csv (Permission denied)"))
                .isEqualTo("'a.csv' cannot be read: [local path] (Permission denied)");
        assertThat(SharedText.scrub("cannot read C:\\safegate\\keys\\doj.crt"))
                .isEqualTo("cannot read [local path]");
        assertThat(SharedText.scrub("held in vault:secret/safegate/agencies/DOJ#cert"))
                .isEqualTo("held in [local path]");
        // what is not a path stays: statutes, dates, ratios, relative names in the sender's own outbox
        assertThat(SharedText.scrub("26 U.S.C. 6103(i)(2), 2026-06-01, 1/2 and/or 'IRS-DOJ-2024/sub/a.csv'"))
                .isEqualTo("26 U.S.C. 6103(i)(2), 2026-06-01, 1/2 and/or 'IRS-DOJ-2024/sub/a.csv'");
    }
}
