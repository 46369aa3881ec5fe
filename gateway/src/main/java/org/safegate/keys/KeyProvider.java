package org.safegate.keys;

import java.security.cert.X509Certificate;

/**
 * Where the gateway's keys, the agencies' certificates and the trust anchors come from.
 *
 * <p>Contract: every method either returns complete, parsed material or throws a
 * {@link org.safegate.SafegateException} ({@code KEY_UNAVAILABLE} when the source cannot supply it,
 * {@code KEY_INVALID} when what it supplied is unusable). A provider never returns a partial or
 * default key, so a caller that cannot get a key holds the transfer instead of sending it.
 * Private key material never appears in exception messages or logs.
 *
 * <p>Implementations: {@link FileKeyStore} (a directory in the layout described there) and
 * {@link InsecureExampleKeyStore} (the committed demo keys). A Vault-backed provider can implement
 * the same interface; references of the form {@code vault:...} are then resolved by it.
 */
public interface KeyProvider {

    /** The trust anchors and CRLs that agency and gateway certificates must chain to. */
    TrustMaterial trust();

    /** The gateway's signing identity ({@code gateway/sign.key} + {@code gateway/sign.crt}). */
    Identity gatewaySigning();

    /** The key that signs audit checkpoints ({@code gateway/audit.key} + {@code gateway/audit.crt}). */
    Identity auditSigning();

    /** An agency's decryption identity, held here only for tests and the demo. */
    Identity agencyEncryption(String agencyId);

    /** An agency's signing identity, held here only for tests and the demo. */
    Identity agencySigning(String agencyId);

    /**
     * A certificate named by reference, as it appears in a policy file: a path relative to the
     * working directory (or absolute), or a provider-specific reference such as {@code vault:...}.
     */
    X509Certificate certificate(String reference);

    /** Whether {@code provider} serves the INSECURE example keys (for a loud warning at start-up). */
    static boolean isInsecure(KeyProvider provider) {
        return provider instanceof InsecureExampleKeyStore;
    }
}
