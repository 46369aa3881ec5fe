package org.safegate.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.keys.FileKeyStore;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.model.Endpoint;
import org.safegate.policy.model.Reference;
import org.safegate.transfer.InboxFolder;

/** The SFTP inbox folder against a real server: publishing never replaces a file; bad secrets are named, never shown. */
class SftpFoldersTest {
    private static final String PASSWORD = "s3cret-for-the-test";

    @TempDir
    Path work;
    private TestSftpServer server;
    private SftpFolders folders;

    @BeforeEach
    void start() throws IOException {
        server = TestSftpServer.start(work.resolve("root"), "agency", PASSWORD);
        Files.writeString(work.resolve("password"), PASSWORD + "\r\n");
        KeyProvider files = new FileKeyStore(Files.createDirectories(work.resolve("keys")));
        folders = new SftpFolders(files, work, Map.of("AGENCY_PASSWORD", PASSWORD));
    }

    @AfterEach
    void stop() throws IOException {
        folders.close();
        server.close();
    }

    @Test
    void publishingUnderATakenNameFailsAndLeavesTheOtherFileAsItWas() throws IOException {
        InboxFolder folder = folders.folder(endpoint("file:password")).child("A-B");
        folder.writeTemp("t1", out -> out.write(bytes("new")));
        Files.writeString(server.root().resolve("in/A-B/x.p7m"), "theirs");

        assertThatThrownBy(() -> folder.publishTemp("t1", "x.p7m")).isInstanceOf(IOException.class)
                .hasMessageContaining("x.p7m").hasMessageContaining("taken by another file");

        assertThat(server.root().resolve("in/A-B/x.p7m")).hasContent("theirs");
        assertThat(server.root().resolve("in/A-B/.safegate-t1.part")).hasContent("new");
    }

    @Test
    void publishTakesTheNextFreeNameAndReadsBack() throws IOException {
        InboxFolder folder = folders.folder(endpoint("env:AGENCY_PASSWORD")).child("receipts").child("A-B");
        String first = folder.publish("r.delivered", ".json", "r1", out -> out.write(bytes("one")));
        String second = folder.publish("r.delivered", ".json", "r2", out -> out.write(bytes("two")));

        assertThat(first).isEqualTo("r.delivered.json");
        assertThat(second).isEqualTo("r.delivered.2.json");
        assertThat(folder.read(second)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                .isEqualTo("two"));
        assertThat(folder.read("missing.json")).isEmpty();
        assertThat(folder.exists(first)).isTrue();
        assertThat(folder.nameFor("r3", "r.delivered", ".json")).isEqualTo("r.delivered.3.json");
    }

    @Test
    void contentWaitsUnderItsTemporaryNameUntilPublished() throws IOException {
        InboxFolder folder = folders.folder(endpoint("file:password")).child("A-B");
        assertThat(folder.hasTemp("t1")).isFalse();
        folder.writeTemp("t1", out -> out.write(bytes("sealed")));
        assertThat(folder.hasTemp("t1")).isTrue();

        folder.publishTemp("t1", "x.p7m");

        assertThat(folder.hasTemp("t1")).isFalse();
        assertThat(folder.child("elsewhere").hasTemp("t1")).isFalse();
    }

    @Test
    void aRepeatedPublishAfterTheRenameChangesNothing() throws IOException {
        InboxFolder folder = folders.folder(endpoint("file:password")).child("A-B");
        folder.writeTemp("t1", out -> out.write(bytes("sealed")));
        folder.publishTemp("t1", "x.p7m");

        folder.publishTemp("t1", "x.p7m");
        folder.removeTemp("t1");

        assertThat(server.root().resolve("in/A-B/x.p7m")).hasContent("sealed");
        assertThat(server.root().resolve("in/A-B/.safegate-t1.part")).doesNotExist();
    }

    @Test
    void aPrivateKeyThatCannotBeReadIsNamedButNeverQuoted() throws IOException {
        Files.writeString(work.resolve("broken.key"), "-----BEGIN OPENSSH PRIVATE KEY-----\nTOPSECRETBYTES\n"
                + "-----END OPENSSH PRIVATE KEY-----\n");
        InboxFolder folder = folders.folder(endpoint("file:broken.key"));

        assertThatThrownBy(() -> folder.exists("x")).isInstanceOf(IOException.class)
                .hasMessageContaining("file:broken.key").hasMessageContaining("not a usable private key")
                .hasMessageNotContaining("TOPSECRETBYTES");
    }

    @Test
    void anUnsetEnvironmentVariableIsNamed() {
        InboxFolder folder = folders.folder(endpoint("env:NOT_SET_ANYWHERE"));

        assertThatThrownBy(() -> folder.exists("x")).isInstanceOf(IOException.class)
                .hasMessageContaining("NOT_SET_ANYWHERE").hasMessageContaining("is not set");
    }

    @Test
    void aMissingSecretFileIsNamed() {
        InboxFolder folder = folders.folder(endpoint("file:nowhere/password"));

        assertThatThrownBy(() -> folder.exists("x")).isInstanceOf(IOException.class)
                .hasMessageContaining("nowhere/password");
    }

    private Endpoint endpoint(String credentials) {
        return Endpoint.sftp("127.0.0.1", server.port(), "agency", new Reference(credentials),
                server.hostKeyFingerprint(), "/in");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
