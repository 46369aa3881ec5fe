package org.safegate.sftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.model.Reference;

/**
 * The secret an SFTP endpoint logs in with, found through its credentials reference:
 * {@code vault:<path>#<field>} through the key provider, {@code file:<path>} (relative to the
 * working directory) through the key provider, or {@code env:<NAME>}. A secret that is a PEM or
 * OpenSSH private key ({@code -----BEGIN ...}) is used for public key authentication, anything else
 * as a password (one trailing newline, as editors leave it, is not part of it). The secret is never
 * logged or put in a message; only the reference is.
 */
final class LoginSecret {
    private final KeyProvider keys;
    private final Path workingDir;
    private final Map<String, String> environment;

    LoginSecret(KeyProvider keys, Path workingDir, Map<String, String> environment) {
        this.keys = keys;
        this.workingDir = workingDir;
        this.environment = Map.copyOf(environment);
    }

    /** Gives the session the identity to log in with. */
    void addTo(ClientSession session, Reference reference) {
        byte[] secret = resolve(reference);
        try {
            if (startsWith(secret, "-----BEGIN ")) {
                session.addPublicKeyIdentity(privateKey(session, secret, reference));
            } else {
                session.addPasswordIdentity(password(secret));
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private byte[] resolve(Reference reference) {
        String value = reference.value();
        if (value.startsWith("env:")) {
            String name = value.substring("env:".length());
            String secret = environment.get(name);
            if (secret == null || secret.isEmpty()) {
                throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, "the environment variable " + name
                        + " named by credentials " + value + " is not set");
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        }
        if (value.startsWith("file:")) {
            return keys.secret(workingDir.resolve(value.substring("file:".length())).toString());
        }
        return keys.secret(value);
    }

    private static KeyPair privateKey(ClientSession session, byte[] pem, Reference reference) {
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(session,
                    NamedResource.ofName(reference.value()), new ByteArrayInputStream(pem), null);
            Iterator<KeyPair> first = pairs == null ? null : pairs.iterator();
            if (first == null || !first.hasNext()) {
                throw new SafegateException(ErrorCode.KEY_INVALID, "credentials " + reference
                        + " hold no private key");
            }
            return first.next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof SafegateException known) {
                throw known;
            }
            // the parser's message could quote the key; only its kind is kept
            throw new SafegateException(ErrorCode.KEY_INVALID, "credentials " + reference
                    + " are not a usable private key (PEM or OpenSSH, not passphrase-protected): "
                    + e.getClass().getSimpleName());
        }
    }

    private static String password(byte[] secret) {
        int end = secret.length;
        if (end > 0 && secret[end - 1] == '\n') {
            end--;
            if (end > 0 && secret[end - 1] == '\r') {
                end--;
            }
        }
        return new String(secret, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] secret, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return secret.length >= p.length && Arrays.equals(secret, 0, p.length, p, 0, p.length);
    }
}
