package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.recall.RecallItem;
import org.safegate.testing.TestFiles;

/** A holder whose outbox is on an SFTP server certifies disposal there, as into a local outbox. */
class SftpCertificateTest extends SftpScenarioTest {

    @Test
    @DisplayName("DOJ's outbox is on the SFTP server and DOJ drops its signed certificate there. Result: taken into the"
            + " spool, certified, receipted and archived.")
    void dojDropsItsCertificateInItsSftpOutbox_resultCertified() throws Exception {
        makeIceCurrent();
        start();
        RecallCase recall = new RecallCase(this).issued();
        Path signed = recall.drop("DOJ", "DOJ", recall.certificate(RecallCase.item(recall.toDoj, recall.today())));
        Path remote = server.root().resolve("doj/outbox").resolve(OutboxLayout.RECALLS).resolve(signed.getFileName());
        Files.createDirectories(remote.getParent());
        Files.move(signed, remote);
        TestFiles.backdate(remote, Duration.ofSeconds(60));
        dojOutboxOnServer();
        restart();

        gateway.pickUp("DOJ");
        gateway.pickUp("DOJ");
        Path spool = gateway.outboxes().get("DOJ");
        Path taken = spool.resolve(OutboxLayout.RECALLS).resolve(remote.getFileName().toString());
        assertThat(remote).doesNotExist();

        assertThat(gateway.processor().process("DOJ", spool, taken)).isEqualTo(TransferOutcome.CERTIFIED);

        assertThat(recall.states()).containsEntry(recall.toDoj, RecallItem.State.CERTIFIED)
                .containsEntry(recall.toDojToo, RecallItem.State.OPEN);
        assertThat(recall.certifiedEvents()).containsOnlyKeys(recall.toDoj);
        assertThat(receipt("DOJ", OutboxLayout.RECALLS, remote.getFileName() + ".certified.json").get("outcome")
                .asText()).isEqualTo("certified");
        assertThat(taken).doesNotExist();
    }

    private void dojOutboxOnServer() throws java.io.IOException {
        Path policy = workspace.resolve("policies/agencies/doj.yaml");
        String text = Files.readString(policy);
        String line = text.lines().filter(l -> l.trim().startsWith("outbox:")).findFirst().orElseThrow();
        Files.writeString(policy, text.replace(line, "  outbox: { type: sftp, host: 127.0.0.1, port: "
                + server.port() + ", user: " + USER + ", credentials: \"file:" + PASSWORD_FILE + "\", host-key: \""
                + server.hostKeyFingerprint() + "\", path: /doj/outbox }"));
    }
}
