package org.safegate.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/** Signs checkpoints with a private key held in memory, using plain JCA. */
public final class JcaCheckpointSigner implements CheckpointSigner {
    private final PrivateKey key;
    private final String algorithm;
    private final String keyId;

    /** The certificate is the one verifiers will trust; its fingerprint becomes the key id. */
    public JcaCheckpointSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.algorithm = SignatureAlgorithm.forKey(key);
        this.keyId = keyId(certificate);
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, "cannot sign an audit checkpoint: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    static String keyId(X509Certificate certificate) {
        try {
            return CertificateCheckpointVerifier.keyId(certificate);
        } catch (IllegalArgumentException e) {
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, "cannot encode the audit certificate", e);
        }
    }
}
