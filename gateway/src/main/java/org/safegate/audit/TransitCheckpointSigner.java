package org.safegate.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.vault.VaultTransitKey;

/**
 * Signs checkpoints with a Vault Transit key, so the audit key never leaves Vault. Created only
 * once the key has signed a probe that the audit certificate verifies: a Transit key that does not
 * match the certificate would sign checkpoints no verifier accepts, so the gateway does not start.
 * Each signature is one request to Vault.
 */
final class TransitCheckpointSigner implements CheckpointSigner {
    private static final byte[] PROBE = "Safegate start-up check: does this Vault Transit key match audit.crt?"
            .getBytes(StandardCharsets.US_ASCII);

    private final VaultTransitKey key;
    private final String algorithm;
    private final String keyId;

    TransitCheckpointSigner(VaultTransitKey key, X509Certificate certificate) {
        this.key = key;
        this.algorithm = SignatureAlgorithm.forKey(certificate.getPublicKey());
        this.keyId = JcaCheckpointSigner.keyId(certificate);
        if (!verifies(certificate, sign(PROBE))) {
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, "the Vault Transit key " + key.name() + " ("
                    + key.path() + ") does not match the audit certificate (audit.crt, SHA-256 " + keyId + "): its"
                    + " signatures would not verify; give " + CheckpointSigning.SETTING + " the key whose public key"
                    + " audit.crt certifies, or install that key's certificate as audit.crt");
        }
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            return key.sign(message);
        } catch (SafegateException e) {
            throw new SafegateException(ErrorCode.AUDIT_KEY_UNAVAILABLE, "cannot sign an audit checkpoint with the"
                    + " Vault Transit key " + key.name() + ": " + e.getMessage(), e);
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

    private boolean verifies(X509Certificate certificate, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // a signature of another key type or a garbled one is as much a mismatch as a wrong one
            return false;
        }
    }
}
