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

    /**
     * The certificate that verifies audit checkpoints ({@code gateway/audit.crt}) alone, for when
     * the audit key is held elsewhere (a Vault Transit key). This default reads the key pair.
     */
    default X509Certificate auditCertificate() {
        return auditSigning().certificate();
    }

    /** An agency's decryption identity, held here only for tests and the demo. */
    Identity agencyEncryption(String agencyId);

    /** An agency's signing identity, held here only for tests and the demo. */
    Identity agencySigning(String agencyId);

    /**
     * A certificate named by reference, as it appears in a policy file: a path relative to the
     * working directory (or absolute), or a provider-specific reference such as {@code vault:...}.
     */
    X509Certificate certificate(String reference);

    /**
     * A login secret (an SFTP password or private key) named by reference: the path of a file
     * (absolute, or relative to the working directory of the process), or a provider-specific
     * reference such as {@code vault:<path>#<field>}. The bytes are the caller's to clear after use;
     * neither they nor anything derived from them appears in an exception message. This default
     * reads files and refuses Vault references.
     */
    default byte[] secret(String reference) {
        java.util.Objects.requireNonNull(reference, "reference");
        if (reference.startsWith("vault:")) {
            throw new org.safegate.SafegateException(org.safegate.ErrorCode.KEY_UNAVAILABLE,
                    "secret reference " + reference + " needs a Vault key provider, this one reads files");
        }
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(reference));
        } catch (java.io.IOException e) {
            // the message names the file and why, never its content
            throw new org.safegate.SafegateException(org.safegate.ErrorCode.KEY_UNAVAILABLE,
                    "cannot read the secret file " + reference + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether {@code provider} serves the INSECURE example keys (for a loud warning at start-up). */
    static boolean isInsecure(KeyProvider provider) {
        return provider instanceof InsecureExampleKeyStore;
    }
}
