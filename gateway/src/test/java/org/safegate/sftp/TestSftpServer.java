package org.safegate.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * A real SFTP server (Apache MINA SSHD) on a free local port, serving a temporary folder as the
 * user's whole file system, with real password and public key authentication. It can be stopped
 * and started again on the same port to play an endpoint that goes down and comes back.
 */
public final class TestSftpServer implements AutoCloseable {
    private final Path root;
    private final String user;
    private final String password;
    private final KeyPair hostKey;
    private final Set<PublicKey> authorizedKeys = ConcurrentHashMap.newKeySet();
    private volatile boolean diskFull;
    private final Set<String> refusedNames = ConcurrentHashMap.newKeySet();
    /** Real file name to the name a directory listing reports instead (a hostile or broken server). */
    private final Map<String, String> listedAs = new ConcurrentHashMap<>();
    private SshServer server;
    private int port;

    private TestSftpServer(Path root, String user, String password) throws GeneralSecurityException {
        this.root = root;
        this.user = user;
        this.password = password;
        this.hostKey = newKeyPair("EC", 256);
    }

    /** Starts a server for one user who logs in with {@code password} or an authorized key. */
    public static TestSftpServer start(Path root, String user, String password) throws IOException {
        try {
            TestSftpServer server = new TestSftpServer(root, user, password);
            server.startOn(0);
            return server;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    public static KeyPair newKeyPair(String algorithm, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    /** Lets the holder of this key's private half log in as the user. */
    public void authorize(PublicKey key) {
        authorizedKeys.add(key);
    }

    private void startOn(int requestedPort) throws IOException {
        Files.createDirectories(root);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(requestedPort);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator((name, given, session) -> user.equals(name) && password.equals(given));
        sshd.setPublickeyAuthenticator((name, key, session) -> user.equals(name)
                && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.setFileSystemAccessor(new ListingAccessor());
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
                if (refusedNames.contains(localHandle.getFile().getFileName().toString())) {
                    throw new AccessDeniedException(localHandle.getFile().toString());
                }
            }

            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen) throws IOException {
                if (diskFull) {
                    throw new FileSystemException(localHandle.getFile().toString(), null, "No space left on device");
                }
            }
        });
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.start();
        server = sshd;
        port = sshd.getPort();
    }

    /**
     * Directory listings report the entry {@code realName} as {@code listedName} (which may hold
     * {@code /}, {@code ..} or control characters, as a hostile server may send), and a path naming
     * {@code listedName} reaches the real entry, so a client that follows the listing gets its content.
     */
    public void listAs(String realName, String listedName) {
        listedAs.put(realName, listedName);
    }

    /** Files of this name cannot be opened (as if their permissions forbade it) until {@link #allow}. */
    public void refuse(String fileName) {
        refusedNames.add(fileName);
    }

    public void allow(String fileName) {
        refusedNames.remove(fileName);
    }

    /** While full, every write fails as on a full disk. */
    public void diskFull(boolean full) {
        diskFull = full;
    }

    /** Stops listening; connected sessions are dropped. */
    public void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    /** Starts again on the same port with the same host key. */
    public void restart() throws IOException {
        stop();
        startOn(port);
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    /** The host key fingerprint a policy pins, as {@code ssh-keygen -lf} prints it. */
    public String hostKeyFingerprint() {
        return PinnedHostKey.fingerprint(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** Lists entries under the names given to {@link #listAs}, and maps those names back on the way in. */
    private final class ListingAccessor implements SftpFileSystemAccessor {
        @Override
        public void putRemoteFileName(SftpSubsystemProxy subsystem, Path path, Buffer buffer, String name,
                                      boolean shortName) throws IOException {
            buffer.putString(shortName ? listedAs.getOrDefault(name, name) : name);
        }

        @Override
        public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
                throws IOException {
            String path = remotePath;
            for (Map.Entry<String, String> listed : listedAs.entrySet()) {
                if (path.endsWith("/" + listed.getValue())) {
                    path = path.substring(0, path.length() - listed.getValue().length()) + listed.getKey();
                }
            }
            return SftpFileSystemAccessor.super.resolveLocalFilePath(subsystem, rootDir, path);
        }
    }
}
