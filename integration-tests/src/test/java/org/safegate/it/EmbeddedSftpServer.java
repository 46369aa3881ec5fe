package org.safegate.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An agency's SFTP server for the end-to-end tests: Apache MINA SSHD on a free local port, one
 * login per user with a password, a temporary folder as its whole file system. It can go down and come back
 * on the same port with the same host key.
 */
final class EmbeddedSftpServer implements AutoCloseable {
    private final Path root;
    private final java.util.Map<String, String> passwords;
    private final KeyPair hostKey;
    private SshServer server;
    private int port;

    /** One login per entry of {@code passwords} (user to password), all sharing the same file system. */
    EmbeddedSftpServer(Path root, java.util.Map<String, String> passwords) throws IOException, GeneralSecurityException {
        this.root = Files.createDirectories(root);
        this.passwords = java.util.Map.copyOf(passwords);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        this.hostKey = generator.generateKeyPair();
        listen(0);
    }

    private void listen(int requestedPort) throws IOException {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(requestedPort);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator((name, given, session) -> given.equals(passwords.get(name)));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.start();
        server = sshd;
        port = sshd.getPort();
    }

    void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    void restart() throws IOException {
        stop();
        listen(port);
    }

    int port() {
        return port;
    }

    Path root() {
        return root;
    }

    /** As {@code ssh-keygen -lf} prints it, for the policy's host-key. */
    String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
