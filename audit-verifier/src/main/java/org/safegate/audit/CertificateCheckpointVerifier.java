package org.safegate.audit;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.safegate.tlog.NoteKey;

/**
 * Verifies checkpoints against the audit certificate. The algorithm comes from the certificate's
 * key, never from the checkpoint, so a forged checkpoint cannot pick a weaker one.
 */
public final class CertificateCheckpointVerifier implements CheckpointVerifier {
    private final X509Certificate certificate;
    private final String algorithm;
    private final String keyId;

    public CertificateCheckpointVerifier(X509Certificate certificate) {
        this.certificate = certificate;
        this.algorithm = NoteKey.algorithmFor(certificate.getPublicKey());
        this.keyId = keyId(certificate);
    }

    /** SHA-256 (hex) of the certificate's DER encoding: how checkpoints of the first format name their key. */
    public static String keyId(X509Certificate certificate) {
        try {
            return CanonicalEncoding.sha256(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the audit certificate", e);
        }
    }

    @Override
    public boolean isValid(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate.getPublicKey());
            signature.update(checkpoint.signedBytes());
            return signature.verify(checkpoint.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature is as invalid as a wrong one
            return false;
        }
    }
}
