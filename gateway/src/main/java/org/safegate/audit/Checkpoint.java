package org.safegate.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed statement that the chain head at {@code sequence} had {@code hash}. The signature covers
 * {@link CanonicalEncoding#encodeCheckpoint}; {@code keyId} is the SHA-256 of the signing
 * certificate (DER), so a verifier can tell which certificate to check it with.
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

    /** Signs the chain head now. */
    public static Checkpoint sign(long sequence, String hash, Instant time, CheckpointSigner signer) {
        Instant at = CanonicalEncoding.truncate(time);
        byte[] signature = signer.sign(CanonicalEncoding.encodeCheckpoint(sequence, hash, at, signer.keyId()));
        return new Checkpoint(sequence, hash, at, signer.keyId(), signer.algorithm(), signature);
    }
}
