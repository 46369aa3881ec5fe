package org.safegate.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.Reference;
import org.safegate.sftp.SftpFolders;
import org.safegate.sftp.TestSftpServer;

/**
 * Transfer scenarios where an agency's inbox is a folder on a real SFTP server (Apache MINA SSHD,
 * real password and public key authentication, a temporary folder as its file system).
 */
abstract class SftpScenarioTest extends TransferScenarioTest {
    static final String USER = "doj";
    static final String PASSWORD = "correct horse battery staple";
    static final String PASSWORD_FILE = "sftp/doj.password";

    TestSftpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestSftpServer.start(workspace.resolve("sftp-root"), USER, PASSWORD);
        writeSecret(PASSWORD_FILE, PASSWORD + "\n");
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    void writeSecret(String name, String content) throws IOException {
        Path file = workspace.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Puts the agency's inbox on the test server, with the given pin and credentials. */
    void inboxOnServer(String agency, String remotePath, String hostKey, String credentials) throws IOException {
        Path policy = workspace.resolve("policies/agencies/" + agency.toLowerCase() + ".yaml");
        String text = Files.readString(policy);
        String line = text.lines().filter(l -> l.trim().startsWith("inbox:")).findFirst().orElseThrow();
        Files.writeString(policy, text.replace(line, "  inbox: { type: sftp, host: 127.0.0.1, port: " + server.port()
                + ", user: " + USER + ", credentials: \"" + credentials + "\", host-key: \"" + hostKey
                + "\", path: " + remotePath + " }"));
    }

    void dojInboxOnServer() throws IOException {
        inboxOnServer("DOJ", "/doj/inbox", server.hostKeyFingerprint(), "file:" + PASSWORD_FILE);
    }

    Endpoint dojEndpoint() {
        return Endpoint.sftp("127.0.0.1", server.port(), USER, new Reference("file:" + PASSWORD_FILE),
                server.hostKeyFingerprint(), "/doj/inbox");
    }

    SftpFolders sftpFolders() {
        return new SftpFolders(keys, workspace, Map.of());
    }

    Path remoteInbox(String agreement) {
        return server.root().resolve("doj/inbox").resolve(agreement);
    }

    /** The file was delivered to DOJ's SFTP inbox exactly once, complete, with one event and receipt. */
    void assertDeliveredOnceOverSftp(String name) throws IOException {
        Path folder = remoteInbox("IRS-DOJ-2024");
        assertThat(listAll(folder)).containsExactly(folder.resolve(name + ".p7m"));
        assertThat(openAsDoj(folder.resolve(name + ".p7m"))).isEqualTo(ADDRESSES);
        List<AuditEvent> delivered = events(AuditEventType.TRANSFER_DELIVERED);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).entry().change()).contains("as " + name + ".p7m");
        assertThat(receipt("IRS", "IRS-DOJ-2024", name + ".delivered.json").get("deliveredAs").asText())
                .isEqualTo(name + ".p7m");
        assertNoTemporaryFilesOnServer();
    }

    void assertNoTemporaryFilesOnServer() throws IOException {
        try (Stream<Path> all = Files.walk(server.root())) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".safegate-")).toList()).isEmpty();
        }
    }

    String heldReason(Path file) {
        return gateway.processor().held().current().get(taken("IRS", file));
    }
}
