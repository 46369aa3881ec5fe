package org.safegate.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed statement that the chain head at {@code sequence} had {@code hash}. The signature covers
 * {@link CanonicalEncoding#encodeCheckpoint}; {@code keyId} is the SHA-256 of the signing
 * certificate (DER), so a verifier can tell which certificate to check it with. Checkpoints of this
 * first format are no longer made (every commit signs a tree head now), but logs and archives that
 * have them are still verified.
 */
public record Checkpoint(long sequence, String hash, Instant time, String keyId, String algorithm, byte[] signature) {

    public Checkpoint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        return CanonicalEncoding.encodeCheckpoint(sequence, hash, time, keyId);
    }
}
