package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.TransferOutcome;

/** An agency's outbox on an SFTP server: its files come into a local spool that is processed as its outbox. */
class SftpOutboxTest extends SftpScenarioTest {

    @Test
    @DisplayName("IRS's outbox is on the SFTP server. Result: a finished file is taken into the spool, removed from the server, and delivered to DOJ.")
    void irsOutboxIsOnSftp_resultTheFileIsTakenIntoTheSpoolAndDelivered() throws Exception {
        irsOutboxOnServer();
        start();
        Path remote = remoteFile("IRS-DOJ-2024/a.csv");
        Path spool = gateway.outboxes().get("IRS");

        gateway.pickUp("IRS");
        assertThat(gateway.remoteFilesWaiting()).isEqualTo(1);
        gateway.pickUp("IRS");

        assertThat(remote).doesNotExist();
        assertThat(gateway.remoteFilesWaiting()).isZero();
        Path taken = spool.resolve("IRS-DOJ-2024/a.csv");
        assertThat(taken).hasBinaryContent(ADDRESSES);
        assertThat(gateway.processor().process("IRS", spool, taken)).isEqualTo(TransferOutcome.DELIVERED);
        assertThat(openAsDoj(inbox("DOJ").resolve("IRS-DOJ-2024/a.csv.p7m"))).isEqualTo(ADDRESSES);
        assertThat(receipt("IRS", "IRS-DOJ-2024", "a.csv.delivered.json").get("deliveredAs").asText())
                .isEqualTo("a.csv.p7m");
        assertThat(taken).doesNotExist();
    }

    @Test
    @DisplayName("IRS's SFTP outbox cannot be reached. Result: the outbox is listed as held with the reason; the file stays on the server.")
    void irsSftpOutboxCannotBeReached_resultTheOutboxIsHeldAndTheFileStays() throws Exception {
        irsOutboxOnServer();
        start();
        Path remote = remoteFile("IRS-DOJ-2024/a.csv");
        server.stop();

        gateway.pickUp("IRS");

        Path spool = gateway.outboxes().get("IRS");
        assertThat(gateway.processor().held().current()).containsKey(spool);
        assertThat(gateway.processor().held().current().get(spool)).contains("cannot connect")
                .contains("/irs/outbox");
        assertThat(remote).hasBinaryContent(ADDRESSES);
        assertThat(events(AuditEventType.TRANSFER_DELIVERED)).isEmpty();
    }

    @Test
    @DisplayName("IRS's SFTP server lists a name that climbs out of the spool. Result: audited once as REMOTE_FILE_REFUSED, left on the server, nothing written outside the spool.")
    void irsSftpServerListsAClimbingName_resultAuditedOnceAndLeftOnTheServer() throws Exception {
        irsOutboxOnServer();
        start();
        Path remote = remoteFile("evil.yaml");
        server.listAs("evil.yaml", "IRS-DOJ-2024/../../../../../../policies/operators/evil.yaml");
        Files.createDirectories(gateway.outboxes().get("IRS").resolve("IRS-DOJ-2024"));

        for (int look = 0; look < 3; look++) {
            gateway.pickUp("IRS");
        }

        assertThat(remote).hasBinaryContent(ADDRESSES);
        assertThat(workspace.resolve("policies/operators/evil.yaml")).doesNotExist();
        assertThat(listAll(gateway.outboxes().get("IRS"))).isEmpty();
        var event = single(AuditEventType.REMOTE_FILE_REFUSED).entry();
        assertThat(event.actor()).isEqualTo("IRS");
        assertThat(event.reasonCodes()).containsExactly("NAME_UNSAFE");
        assertThat(event.object()).endsWith("/irs/outbox/IRS-DOJ-2024/../../../../../../policies/operators/evil.yaml");
        assertThat(event.change()).contains("left on the server");
        assertThat(gateway.processor().held().current()).isEmpty();
    }

    private void irsOutboxOnServer() throws IOException {
        Path policy = workspace.resolve("policies/agencies/irs.yaml");
        String text = Files.readString(policy);
        String line = text.lines().filter(l -> l.trim().startsWith("outbox:")).findFirst().orElseThrow();
        Files.writeString(policy, text.replace(line, "  outbox: { type: sftp, host: 127.0.0.1, port: "
                + server.port() + ", user: " + USER + ", credentials: \"file:" + PASSWORD_FILE + "\", host-key: \""
                + server.hostKeyFingerprint() + "\", path: /irs/outbox }"));
    }

    private Path remoteFile(String relative) throws IOException {
        Path file = server.root().resolve("irs/outbox").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, ADDRESSES);
        TestFiles.backdate(file, Duration.ofSeconds(60));
        return file;
    }
}
