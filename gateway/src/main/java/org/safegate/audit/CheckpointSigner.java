package org.safegate.audit;

/**
 * Signs audit checkpoints with the gateway's audit key. Implementations: {@link JcaCheckpointSigner}
 * (a key in memory) and {@link TransitCheckpointSigner} (a Vault Transit key, which never leaves Vault).
 *
 * <p>Failures throw {@link org.safegate.SafegateException} with
 * {@link org.safegate.ErrorCode#AUDIT_KEY_UNAVAILABLE}; the append that needed the checkpoint fails.
 */
public interface CheckpointSigner {

    /** A signature over {@code message} (the canonical checkpoint bytes). */
    byte[] sign(byte[] message);

    /** The JCA name of the signature algorithm, recorded with each checkpoint. */
    String algorithm();

    /** SHA-256 (hex) of the DER certificate that verifies this signer's signatures. */
    String keyId();
}
