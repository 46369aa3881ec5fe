package org.safegate.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import org.safegate.keys.Identity;
import org.safegate.keys.InsecureExampleKeyStore;
import org.safegate.testing.TestClocks;

/** The committed INSECURE example keys, as test fixtures. */
final class TestKeys {
    static final InsecureExampleKeyStore EXAMPLE = new InsecureExampleKeyStore(exampleDir());

    private TestKeys() {
    }

    static Path exampleDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("keys-example"))) {
                return dir.resolve("keys-example");
            }
        }
        throw new IllegalStateException("keys-example not found above " + Path.of("").toAbsolutePath());
    }

    static Identity irsSigning() {
        return EXAMPLE.agencySigning("IRS");
    }

    static Identity iceEncryption() {
        return EXAMPLE.agencyEncryption("ICE");
    }

    static CertificateVerifier verifier() {
        return new CertificateVerifier(EXAMPLE.trust());
    }

    /** Opens files sealed to ICE, trusting the example CA and its CRL. */
    static Opener iceOpener() {
        return new Opener(iceEncryption(), verifier(), TestClocks.caseDay());
    }
}
