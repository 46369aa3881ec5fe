package org.safegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.KeyProviders;
import org.safegate.testing.TestClocks;

/** Loading the audit key pair from the file key store layout, RSA and EC. */
class AuditKeysTest {
    @TempDir
    Path dir;

    /** A checkpoint of the first format, signed by the loaded key. */
    private static Checkpoint sign(long sequence, String hash, CheckpointSigner signer) {
        return new Checkpoint(sequence, hash, TestClocks.CASE_DAY, signer.keyId(), signer.algorithm(), signer.sign(
                CanonicalEncoding.encodeCheckpoint(sequence, hash, TestClocks.CASE_DAY, signer.keyId())));
    }

    @Test
    void rsaAndEcKeysSignCheckpointsTheirCertificateVerifies() {
        for (TestAuditKeys keys : new TestAuditKeys[] {TestAuditKeys.rsa(), TestAuditKeys.ec()}) {
            Path store = keys.writeTo(dir.resolve(keys.key().getAlgorithm()));
            AuditKeys loaded = AuditKeys.from(KeyProviders.fromSpec("file:" + store, dir));
            Checkpoint checkpoint = sign(5, "ab".repeat(32), loaded.signer());
            assertThat(checkpoint.algorithm()).isEqualTo(keys.key().getAlgorithm().equals("RSA")
                    ? "SHA256withRSA" : "SHA256withECDSA");
            assertThat(new CertificateCheckpointVerifier(loaded.certificate()).isValid(checkpoint))
                    .isTrue();
            assertThat(TestAuditKeys.ec().verifier().isValid(checkpoint)).isFalse();
        }
    }

    @Test
    void anEcKeyStillMatchesItsCertificateOnceBouncyCastleIsAnInstalledProvider() {
        // MINA SSHD installs the provider when the gateway wires SFTP; PEM keys then parse as "ECDSA" keys
        java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        TestAuditKeys keys = TestAuditKeys.ec();
        Path store = keys.writeTo(dir.resolve("with-bc"));

        AuditKeys loaded = AuditKeys.from(KeyProviders.fromSpec("file:" + store, dir));

        Checkpoint checkpoint = sign(1, "cd".repeat(32), loaded.signer());
        assertThat(checkpoint.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(keys.verifier().isValid(checkpoint)).isTrue();
    }

    @Test
    void aMissingKeyFileIsAKeyError() {
        assertThatThrownBy(() -> AuditKeys.from(KeyProviders.fromSpec("file:" + dir, dir)))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }

    @Test
    void aKeyFileWithoutAKeyIsAKeyError() throws Exception {
        TestAuditKeys.ec().writeTo(dir);
        Files.writeString(dir.resolve("gateway/audit.key"), "not a key\n");
        assertThatThrownBy(() -> AuditKeys.from(KeyProviders.fromSpec("file:" + dir, dir)))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID))
                .hasMessageNotContaining("not a key");
    }
}
