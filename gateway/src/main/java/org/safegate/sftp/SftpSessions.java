package org.safegate.sftp;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.safegate.policy.model.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH client for the gateway and at most one open SFTP session per endpoint, opened when first
 * needed and opened again after it broke. Work on one endpoint is serialised, so a session is
 * never shared by two transfers at once. Connecting checks the pinned host key before anything
 * else and logs in with the endpoint's secret; each failure becomes an {@link IOException} that
 * says which endpoint and what went wrong (and never the secret), so the file is held.
 */
public final class SftpSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SftpSessions.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(15);

    /** Work done with an open SFTP session. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(SftpClient sftp) throws IOException;
    }

    private final SshClient client;
    private final LoginSecret secrets;
    private final Map<Endpoint, Object> locks = new ConcurrentHashMap<>();
    private final Map<Endpoint, SftpClient> open = new HashMap<>();

    SftpSessions(LoginSecret secrets) {
        this.secrets = secrets;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new PinnedHostKey());
        client.start();
    }

    /** Runs the work on the endpoint's session; a session that failed under it is closed and reopened next time. */
    public <T> T run(Endpoint endpoint, Work<T> work) throws IOException {
        synchronized (locks.computeIfAbsent(endpoint, e -> new Object())) {
            SftpClient sftp = session(endpoint);
            try {
                return work.apply(sftp);
            } catch (SftpException e) {
                // the server answered (no such file, permission, disk full): the session is fine
                throw new IOException(endpoint.describe() + ": " + SftpErrors.describe(e), e);
            } catch (IOException | RuntimeException e) {
                discard(endpoint);
                throw new IOException(endpoint.describe() + ": " + message(e), e);
            }
        }
    }

    private SftpClient session(Endpoint endpoint) throws IOException {
        SftpClient sftp;
        synchronized (open) {
            sftp = open.get(endpoint);
        }
        if (sftp != null && sftp.isOpen() && sftp.getClientSession().isOpen()) {
            return sftp;
        }
        discard(endpoint);
        sftp = connect(endpoint);
        synchronized (open) {
            open.put(endpoint, sftp);
        }
        return sftp;
    }

    private SftpClient connect(Endpoint endpoint) throws IOException {
        String host = endpoint.host().orElseThrow();
        String user = endpoint.user().orElseThrow();
        AtomicReference<String> presented = new AtomicReference<>();
        Map<AttributeRepository.AttributeKey<?>, Object> context = new HashMap<>();
        context.put(PinnedHostKey.EXPECTED, endpoint.hostKey().orElseThrow());
        context.put(PinnedHostKey.PRESENTED, presented);
        ClientSession session = null;
        try {
            session = client.connect(user, host, endpoint.sshPort(), AttributeRepository.ofAttributesMap(context), null)
                    .verify(CONNECT_TIMEOUT).getSession();
            secrets.addTo(session, endpoint.credentials().orElseThrow());
            session.auth().verify(AUTH_TIMEOUT);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            LOG.info("connected to {}", endpoint.describe());
            return sftp;
        } catch (org.safegate.SafegateException e) {
            closeQuietly(session);
            throw new IOException(endpoint.describe() + ": no login secret: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw new IOException(endpoint.describe() + ": " + connectFailure(endpoint, presented.get(), e), e);
        }
    }

    private static String connectFailure(Endpoint endpoint, String presented, Exception e) {
        String pinned = endpoint.hostKey().orElse("?");
        if (presented != null && !presented.equals(pinned) && !(presented + "=").equals(pinned)) {
            return "host key refused: the server presented " + presented + ", the policy pins " + pinned;
        }
        if (e instanceof SshException && presented != null && message(e).toLowerCase().contains("auth")) {
            return "login as " + endpoint.user().orElse("?") + " was refused (" + message(e) + ")";
        }
        return "cannot connect: " + message(e);
    }

    static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private void discard(Endpoint endpoint) {
        SftpClient sftp;
        synchronized (open) {
            sftp = open.remove(endpoint);
        }
        if (sftp != null) {
            closeQuietly(sftp.getClientSession());
            try {
                sftp.close();
            } catch (IOException ignored) {
                // already broken: nothing more to release
            }
        }
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (IOException ignored) {
                // closing a broken session: nothing more to release
            }
        }
    }

    @Override
    public void close() {
        for (Endpoint endpoint : Map.copyOf(locks).keySet()) {
            discard(endpoint);
        }
        client.stop();
    }
}
