package org.safegate.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * The gateway's audit key and certificate from a {@code file:DIR} key store
 * ({@code DIR/gateway/audit.key}, PEM PKCS#8, and {@code DIR/gateway/audit.crt}). A stop-gap until
 * the KeyProvider supplies the audit key; nothing else should depend on it.
 */
public final class AuditKeys {
    private final PrivateKey key;
    private final X509Certificate certificate;

    private AuditKeys(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Loads the key pair named by the {@code safegate.keys} setting. */
    public static AuditKeys load(String keysSetting) {
        Path dir = directory(keysSetting).resolve("gateway");
        return new AuditKeys(readKey(dir.resolve("audit.key")), readCertificate(dir.resolve("audit.crt")));
    }

    /** Only the certificate: all that verification needs. */
    public static X509Certificate loadCertificate(String keysSetting) {
        return readCertificate(directory(keysSetting).resolve("gateway").resolve("audit.crt"));
    }

    public CheckpointSigner signer() {
        return new JcaCheckpointSigner(key, certificate);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, "cannot read the audit certificate " + file
                    + ": " + e.getMessage(), e);
        }
    }

    private static Path directory(String keysSetting) {
        if (!keysSetting.startsWith("file:")) {
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE,
                    "the audit key can only be read from a file: key store for now, not " + keysSetting.split(":")[0]);
        }
        return Path.of(keysSetting.substring("file:".length()));
    }

    private static PrivateKey readKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object pem = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (pem instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, file + " holds no unencrypted private key");
        } catch (IOException e) {
            // the message of a PEM parsing failure never contains key material
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, "cannot read the audit key " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
