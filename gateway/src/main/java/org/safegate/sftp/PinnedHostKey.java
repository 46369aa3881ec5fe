package org.safegate.sftp;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Accepts a server only when its host key has the fingerprint pinned in the policy for that
 * endpoint; there is no trust on first use and no known_hosts file. The pin travels with the
 * connection (a connection attribute), so one SSH client serves every endpoint.
 */
final class PinnedHostKey implements ServerKeyVerifier {
    /** The fingerprint the policy pins, {@code SHA256:<base64>}. */
    static final AttributeRepository.AttributeKey<String> EXPECTED = new AttributeRepository.AttributeKey<>();
    /** Where the fingerprint the server actually presented is left, for the error message. */
    static final AttributeRepository.AttributeKey<AtomicReference<String>> PRESENTED =
            new AttributeRepository.AttributeKey<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        AttributeRepository context = session.getConnectionContext();
        String expected = context == null ? null : context.getAttribute(EXPECTED);
        String presented = fingerprint(serverKey);
        AtomicReference<String> seen = context == null ? null : context.getAttribute(PRESENTED);
        if (seen != null) {
            seen.set(presented);
        }
        return expected != null && unpadded(expected).equals(unpadded(presented));
    }

    /** The OpenSSH-style fingerprint of a key, as {@code ssh-keygen -lf} prints it. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    private static String unpadded(String fingerprint) {
        return fingerprint.endsWith("=") ? fingerprint.substring(0, fingerprint.length() - 1) : fingerprint;
    }
}
