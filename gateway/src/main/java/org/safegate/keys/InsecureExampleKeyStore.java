package org.safegate.keys;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * INSECURE: the example key set committed as {@code keys-example/}, whose private keys are public
 * knowledge. For demos and tests only; no production configuration may point here. The name says
 * so on purpose, so that every use can be found with a search for "Insecure".
 */
public final class InsecureExampleKeyStore implements KeyProvider {
    private final FileKeyStore files;

    /** Reads an example key set made by {@link InsecureExamplePki}; refuses any other directory. */
    public InsecureExampleKeyStore(Path dir) {
        if (!FileKeyStore.isInsecureExample(dir)) {
            throw new SafegateException(ErrorCode.KEY_INVALID, dir + " is not an example key set (no "
                    + FileKeyStore.INSECURE_MARKER + " file); use FileKeyStore for real keys");
        }
        this.files = new FileKeyStore(dir, keyFile -> null, true);
    }

    public Path directory() {
        return files.directory();
    }

    @Override
    public TrustMaterial trust() {
        return files.trust();
    }

    @Override
    public Identity gatewaySigning() {
        return files.gatewaySigning();
    }

    @Override
    public Identity auditSigning() {
        return files.auditSigning();
    }

    @Override
    public X509Certificate auditCertificate() {
        return files.auditCertificate();
    }

    @Override
    public Identity agencyEncryption(String agencyId) {
        return files.agencyEncryption(agencyId);
    }

    @Override
    public Identity agencySigning(String agencyId) {
        return files.agencySigning(agencyId);
    }

    /**
     * A negative-test identity from {@code negative/NAME/} (expired, revoked, untrusted,
     * not-yet-valid, weak-key, sha1-signed); {@code role} is {@code sign} or {@code encrypt}.
     */
    public Identity negative(String name, String role) {
        Path folder = directory().resolve(InsecureExamplePki.NEGATIVE).resolve(name);
        return PemFiles.readIdentity(folder.resolve(role + ".key"), folder.resolve(role + ".crt"));
    }

    @Override
    public X509Certificate certificate(String reference) {
        return files.certificate(reference);
    }
}
