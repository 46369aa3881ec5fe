package org.safegate.audit;

/** Checks checkpoint signatures; needs only the audit certificate, never the private key. */
public interface CheckpointVerifier {

    /** True only when the signature is valid for this checkpoint under the trusted certificate. */
    boolean isValid(Checkpoint checkpoint);
}
