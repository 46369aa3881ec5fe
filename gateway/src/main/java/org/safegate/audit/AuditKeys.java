package org.safegate.audit;

import java.security.cert.X509Certificate;
import java.util.Objects;
import org.safegate.keys.Identity;
import org.safegate.keys.KeyProvider;

/** The gateway's audit identity from the key provider: it signs checkpoints, its certificate verifies them. */
public record AuditKeys(Identity identity) {

    public AuditKeys {
        Objects.requireNonNull(identity, "identity");
    }

    /** The audit key of the configured key store ({@code gateway/audit.key} and {@code audit.crt}). */
    public static AuditKeys from(KeyProvider keys) {
        return new AuditKeys(keys.auditSigning());
    }

    public CheckpointSigner signer() {
        return new JcaCheckpointSigner(identity.privateKey(), identity.certificate());
    }

    /** Signs checkpoints as signed notes of the log named {@code origin}. */
    public TreeHeadSigner treeSigner(String origin) {
        return new TreeHeadSigner(signer(), certificate(), origin);
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }
}
