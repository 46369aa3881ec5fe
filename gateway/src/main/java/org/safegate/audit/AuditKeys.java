package org.safegate.audit;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.safegate.config.Settings;
import org.safegate.keys.Identity;
import org.safegate.keys.KeyProvider;
import org.safegate.keys.vault.VaultSettings;
import org.safegate.keys.vault.VaultTransitKey;

/**
 * The gateway's audit identity: the signer of checkpoints, and the certificate that verifies them
 * (always the key store's {@code audit.crt}). Where the signing key lives is
 * {@link CheckpointSigning}'s choice.
 */
public final class AuditKeys {
    private final X509Certificate certificate;
    private final Supplier<CheckpointSigner> signers;
    private CheckpointSigner signer; // guarded by this

    /** Signing with a key held in memory. */
    public AuditKeys(Identity identity) {
        this(identity.certificate(), () -> new JcaCheckpointSigner(identity.privateKey(), identity.certificate()));
    }

    private AuditKeys(X509Certificate certificate, Supplier<CheckpointSigner> signers) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.signers = signers;
    }

    /** The audit key of the configured key store ({@code gateway/audit.key} and {@code audit.crt}). */
    public static AuditKeys from(KeyProvider keys) {
        return new AuditKeys(keys.auditSigning());
    }

    /**
     * The audit keys {@code safegate.audit.signer} names. Settings are checked here; a Transit key
     * is first asked to sign when {@link #signer()} is, so commands that only verify never reach it.
     */
    public static AuditKeys from(KeyProvider keys, Settings settings, Map<String, String> environment) {
        CheckpointSigning signing = CheckpointSigning.from(settings);
        if (signing instanceof CheckpointSigning.VaultTransit transit) {
            X509Certificate certificate = keys.auditCertificate();
            VaultSettings vault = VaultSettings.from(settings, environment);
            return new AuditKeys(certificate, () -> new TransitCheckpointSigner(new VaultTransitKey(vault, environment,
                    Clock.systemUTC(), transit.mount(), transit.key(), certificate.getPublicKey()), certificate));
        }
        return from(keys);
    }

    /** The one signer of these keys, made (and for a Transit key, checked against the certificate) on first use. */
    public synchronized CheckpointSigner signer() {
        if (signer == null) {
            signer = signers.get();
        }
        return signer;
    }

    /** Signs checkpoints as signed notes of the log named {@code origin}. */
    public TreeHeadSigner treeSigner(String origin) {
        return new TreeHeadSigner(signer(), certificate(), origin);
    }

    public X509Certificate certificate() {
        return certificate;
    }
}
