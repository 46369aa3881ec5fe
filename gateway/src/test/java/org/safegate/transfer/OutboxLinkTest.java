package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.transfer.TransferOutcome;

/**
 * An agency that can write into its outbox points a link at a file the gateway can read (a copy of
 * its audit key here). Result each time: the link itself is quarantined {@code LINK_REFUSED} with a
 * receipt and an audit event; what it points to is never read, sealed to anyone, or moved.
 */
class OutboxLinkTest extends TransferScenarioTest {
    private static final byte[] KEY = "-----BEGIN PRIVATE KEY-----\nnot for any agency\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.UTF_8);

    /** A folder of the gateway's own, which no agency can read. */
    private Path secrets;
    private Path key;

    @BeforeEach
    void gatewaySecrets() throws IOException {
        secrets = workspace.resolve("gateway");
        key = write(secrets.resolve("audit.key"), KEY);
    }

    @Test
    @DisplayName("IRS replaces its agreement folder with a link to the gateway's key folder. Result: the link is quarantined LINK_REFUSED; the key stays, sealed to no one.")
    void aSymlinkedAgreementFolderIsQuarantinedAndTheKeyStaysWhereItIs() throws Exception {
        start();
        Path link = Files.createSymbolicLink(Files.createDirectories(outbox("IRS")).resolve("IRS-DOJ-2024"), secrets);

        assertThat(process("IRS", link.resolve("audit.key"))).isEqualTo(TransferOutcome.QUARANTINED);

        assertLinkQuarantined("IRS", link, secrets);
        assertUntouched(key);
        assertThat(listAll(outbox("IRS"))).isEmpty();
    }

    @Test
    @DisplayName("IRS puts a link to the gateway's key in its agreement folder. Result: the link is quarantined LINK_REFUSED; the key stays, sealed to no one.")
    void aSymlinkedFileIsQuarantinedAndItsTargetStaysWhereItIs() throws Exception {
        start();
        Path link = outbox("IRS").resolve("IRS-DOJ-2024/report.csv");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, key);

        assertThat(process("IRS", link)).isEqualTo(TransferOutcome.QUARANTINED);

        assertLinkQuarantined("IRS", link, key);
        assertUntouched(key);
    }

    @Test
    @DisplayName("IRS's outbox itself is a link to a folder laid out like an outbox. Result: the link is quarantined LINK_REFUSED; the outbox is a plain empty folder again; the key stays.")
    void aSymlinkedOutboxRootIsQuarantinedAndItsFilesStayWhereTheyAre() throws Exception {
        start();
        Path elsewhere = workspace.resolve("elsewhere");
        Path copy = write(elsewhere.resolve("IRS-DOJ-2024/audit.key"), KEY);
        Files.createDirectories(outbox("IRS").getParent());
        Path link = Files.createSymbolicLink(outbox("IRS"), elsewhere);

        assertThat(process("IRS", link.resolve("IRS-DOJ-2024/audit.key"))).isEqualTo(TransferOutcome.QUARANTINED);

        assertLinkQuarantined("IRS", link, elsewhere);
        assertUntouched(copy);
        assertThat(outbox("IRS")).isDirectory().isEmptyDirectory();
        assertThat(Files.isSymbolicLink(outbox("IRS"))).isFalse();
    }

    @Test
    @DisplayName("ICE's requests folder is a link to a folder holding a request file. Result: the link is quarantined LINK_REFUSED; nothing reaches IRS; the file stays.")
    void aSymlinkedRequestsFolderIsQuarantinedAndNothingIsForwarded() throws Exception {
        start(Map.of("safegate.requests.allowed-statutes", "8 U.S.C. 1253(a)(1)"));
        Path elsewhere = workspace.resolve("elsewhere-requests");
        Path batch = write(elsewhere.resolve("batch.csv"), requestFile());
        Path agreement = Files.createDirectories(outbox("ICE").resolve("IRS-ICE-2025"));
        Path link = Files.createSymbolicLink(agreement.resolve("requests"), elsewhere);

        assertThat(process("ICE", link.resolve("batch.csv"))).isEqualTo(TransferOutcome.QUARANTINED);

        assertLinkQuarantined("ICE", link, elsewhere);
        assertThat(batch).hasBinaryContent(requestFile());
        assertThat(listAll(inbox("IRS"))).isEmpty();
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
    }

    @Test
    @DisplayName("IRS hard-links the gateway's key into its agreement folder. Result: the link is quarantined LINK_REFUSED without being read; the key keeps its place and content.")
    void aHardLinkIsQuarantinedUnreadAndTheKeyStaysWhereItIs() throws Exception {
        start();
        Path link = outbox("IRS").resolve("IRS-DOJ-2024/key.csv");
        Files.createDirectories(link.getParent());
        Files.createLink(link, key);

        assertThat(process("IRS", link)).isEqualTo(TransferOutcome.QUARANTINED);

        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.reasonCodes()).containsExactly("LINK_REFUSED");
        assertThat(event.payloadDigest()).as("never read").isNull();
        assertThat(receiptOf(event.transferId()).get("reasons").get(0).get("message").asText())
                .contains("IRS-DOJ-2024/key.csv").contains("hard link");
        assertThat(Files.isSameFile(quarantined(event.transferId()), key)).as("the link itself is kept").isTrue();
        assertThat(link).doesNotExist();
        assertUntouched(key);
    }

    @Test
    @DisplayName("DOJ's inbox folder of the agreement is a link. Result: the file is held with a reason naming the link; nothing is written through it.")
    void aSymlinkedInboxAgreementFolderHoldsTheFile() throws Exception {
        start();
        Path elsewhere = Files.createDirectories(workspace.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(Files.createDirectories(inbox("DOJ")).resolve("IRS-DOJ-2024"), elsewhere);
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(gateway.processor().held().current().get(taken("IRS", file))).contains(link.toString())
                .contains("symbolic link");
        assertThat(listAll(elsewhere)).isEmpty();
        assertThat(taken("IRS", file)).hasBinaryContent(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(single(AuditEventType.TRANSFER_HELD).entry().change()).contains("symbolic link");
    }

    @Test
    @DisplayName("IRS's receipts folder is a link. Result: the refused file is held with a reason naming the link; no receipt is written through it.")
    void aSymlinkedReceiptsFolderHoldsTheFile() throws Exception {
        start();
        Path elsewhere = Files.createDirectories(workspace.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(Files.createDirectories(inbox("IRS")).resolve("receipts"), elsewhere);
        Path file = write(outbox("IRS").resolve("loose.csv"), ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.HELD);

        assertThat(gateway.processor().held().current().get(taken("IRS", file))).contains(link.toString())
                .contains("symbolic link");
        assertThat(listAll(elsewhere)).isEmpty();
        assertThat(taken("IRS", file)).hasBinaryContent(ADDRESSES);
    }

    /** Receipt, reason file and audit event say LINK_REFUSED; quarantine keeps the link itself, pointing where it did. */
    private void assertLinkQuarantined(String sender, Path link, Path target) throws IOException {
        AuditEntry event = single(AuditEventType.TRANSFER_QUARANTINED).entry();
        assertThat(event.reasonCodes()).containsExactly("LINK_REFUSED");
        assertThat(event.payloadDigest()).as("never read").isNull();
        JsonNode receipt = receiptOf(event.transferId());
        assertThat(receipt.get("sender").asText()).isEqualTo(sender);
        assertThat(codes(receipt.get("reasons"))).containsExactly("LINK_REFUSED");
        assertThat(receipt.get("reasons").get(0).get("message").asText()).contains("symbolic link");
        assertThat(codes(quarantineReason(event.transferId()).get("reasons"))).containsExactly("LINK_REFUSED");
        Path kept = quarantined(event.transferId());
        assertThat(Files.isSymbolicLink(kept)).as("the link itself is kept").isTrue();
        assertThat(Files.readSymbolicLink(kept)).isEqualTo(target);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(link)).isFalse();
    }

    /** Still in place with its content; sealed to no agency; no delivery audited. */
    private void assertUntouched(Path target) throws IOException {
        assertThat(target).isRegularFile().hasBinaryContent(KEY);
        for (String agency : List.of("DOJ", "ICE", "IRS")) {
            assertThat(listAll(inbox(agency)).stream().filter(p -> p.toString().endsWith(".p7m")).toList()).isEmpty();
        }
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
        assertThat(events(AuditEventType.REDISCLOSURE)).isEmpty();
    }

    private JsonNode receiptOf(String transfer) throws IOException {
        try (Stream<Path> all = Files.walk(inbox(events(AuditEventType.TRANSFER_QUARANTINED).get(0).entry().actor())
                .resolve("receipts"))) {
            for (Path file : all.filter(p -> p.toString().endsWith(".quarantined.json")).toList()) {
                JsonNode receipt = JSON.readTree(file.toFile());
                if (receipt.get("transfer").asText().equals(transfer)) {
                    assertThat(file.resolveSibling(file.getFileName() + ".p7s")).isNotEmptyFile();
                    return receipt;
                }
            }
        }
        throw new AssertionError("no receipt of transfer " + transfer);
    }

    private static byte[] requestFile() {
        return ("request_id,name,street,city,state,zip,taxable_periods,statute,reason,requesting_official\n"
                + "R-001,PERSON 001 SAMPLE,101 MAIN ST,SPRINGFIELD,IL,62701,2024,8 U.S.C. 1253(a)(1),"
                + "\"Investigation HSI-2025-0001 needs the address\",\"Director, ICE\"\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
