package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.sftp.TestSftpServer;
import org.safegate.transfer.TransferOutcome;

/** Delivery into an SFTP inbox, and receipts written to an SFTP inbox. */
class SftpDeliveryTest extends SftpScenarioTest {

    @Test
    @DisplayName("IRS sends to DOJ, whose inbox is on an SFTP server (password login). Result: delivered there, sealed, once.")
    void irsSendsToDojWhoseInboxIsOnSftp_resultDeliveredThereSealedOnce() throws Exception {
        dojInboxOnServer();
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredOnceOverSftp("a.csv");
        assertThat(file).doesNotExist();
    }

    @Test
    @DisplayName("DOJ's SFTP login is an OpenSSH private key. Result: the gateway logs in with the key and delivers.")
    void dojLogsInWithAnOpenSshPrivateKey_resultDelivered() throws Exception {
        KeyPair key = TestSftpServer.newKeyPair("RSA", 2048);
        server.authorize(key.getPublic());
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "gateway", null, pem);
        assertThat(pem.toString(StandardCharsets.US_ASCII)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        writeSecret("sftp/doj.key", pem.toString(StandardCharsets.US_ASCII));
        inboxOnServer("DOJ", "/doj/inbox", server.hostKeyFingerprint(), "file:sftp/doj.key");
        start();
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredOnceOverSftp("a.csv");
    }

    @Test
    @DisplayName("The login password comes from an environment variable (env:). Result: delivered.")
    void thePasswordComesFromTheEnvironment_resultDelivered() throws Exception {
        inboxOnServer("DOJ", "/doj/inbox", server.hostKeyFingerprint(), "env:DOJ_SFTP_PASSWORD");
        gateway = org.safegate.app.Gateway.open(org.safegate.config.Settings.of(
                java.util.Map.of("safegate.keys", "file:keys-example")),
                java.util.Map.of("DOJ_SFTP_PASSWORD", PASSWORD), workspace, clock);
        Path file = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);

        assertThat(process("IRS", file)).isEqualTo(TransferOutcome.DELIVERED);

        assertDeliveredOnceOverSftp("a.csv");
    }

    @Test
    @DisplayName("IRS sends a.csv to DOJ's SFTP inbox twice. Result: both delivered, the second as a.csv.2.p7m, neither overwritten.")
    void theSameNameTwice_resultBothDeliveredUnderDistinctNames() throws Exception {
        dojInboxOnServer();
        start();
        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES))).isEqualTo(TransferOutcome.DELIVERED);
        byte[] second = "tin,name,address\n987654321,John Doe,2 Oak Ave\n".getBytes(StandardCharsets.UTF_8);

        assertThat(process("IRS", drop("IRS", "IRS-DOJ-2024", "a.csv", second))).isEqualTo(TransferOutcome.DELIVERED);

        Path folder = remoteInbox("IRS-DOJ-2024");
        assertThat(listAll(folder)).containsExactly(folder.resolve("a.csv.2.p7m"), folder.resolve("a.csv.p7m"));
        assertThat(openAsDoj(folder.resolve("a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(openAsDoj(folder.resolve("a.csv.2.p7m"))).isEqualTo(second);
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.2.json").get("deliveredAs").asText())
                .isEqualTo("a.csv.2.p7m");
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).hasSize(2);
        assertNoTemporaryFilesOnServer();
    }

    @Test
    @DisplayName("IRS's own inbox is on the SFTP server. Result: its signed receipts, for a delivery and for a denial, are written there.")
    void theSendersInboxIsOnSftp_resultReceiptsAreWrittenThere() throws Exception {
        inboxOnServer("IRS", "/irs/inbox", server.hostKeyFingerprint(), "file:" + PASSWORD_FILE);
        start();
        Path toDoj = drop("IRS", "IRS-DOJ-2024", "a.csv", ADDRESSES);
        Path toIce = drop("IRS", "IRS-ICE-2025", "b.csv", ADDRESSES);

        assertThat(process("IRS", toDoj)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(process("IRS", toIce)).isEqualTo(TransferOutcome.DENIED);

        Path receipts = server.root().resolve("irs/inbox/receipts");
        JsonNode delivered = JSON.readTree(receipts.resolve("IRS-DOJ-2024/a.csv.delivered.json").toFile());
        assertThat(delivered.get("deliveredAs").asText()).isEqualTo("a.csv.p7m");
        assertThat(receipts.resolve("IRS-DOJ-2024/a.csv.delivered.json.p7s")).isNotEmptyFile();
        JsonNode denied = JSON.readTree(receipts.resolve("IRS-ICE-2025/b.csv.denied.json").toFile());
        assertThat(denied.get("outcome").asText()).isEqualTo("denied");
        assertThat(denied.get("reasons").size()).isPositive();
        assertThat(receipts.resolve("IRS-ICE-2025/b.csv.denied.json.p7s")).isNotEmptyFile();
        assertThat(Files.exists(inbox("IRS"))).isFalse();
        assertNoTemporaryFilesOnServer();
    }
}
