package org.safegate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.testing.TestClocks;

class InsecureExamplePkiTest {
    @TempDir
    static Path root;
    static Path dir;

    @BeforeAll
    static void generate() {
        dir = root.resolve("keys");
        new InsecureExamplePki(TestClocks.caseDay()).generate(dir);
    }

    @Test
    void writesTheFileKeyStoreLayout() {
        for (String file : List.of("ca/ca.crt", "ca/ca.crl", "gateway/sign.key", "gateway/sign.crt",
                "gateway/audit.key", "gateway/audit.crt", "negative/expired/sign.crt",
                "negative/untrusted-ca/ca.crt", "negative/revoked/encrypt.crt", FileKeyStore.INSECURE_MARKER)) {
            assertThat(dir.resolve(file)).isRegularFile();
        }
        for (String agency : InsecureExamplePki.AGENCIES) {
            for (String role : List.of("encrypt", "sign")) {
                assertThat(dir.resolve("agencies/" + agency + "/" + role + ".key")).isRegularFile();
                assertThat(dir.resolve("agencies/" + agency + "/" + role + ".crt")).isRegularFile();
            }
        }
    }

    @Test
    void privateKeysArePemPkcs8() throws Exception {
        assertThat(Files.readString(dir.resolve("agencies/ICE/encrypt.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void keysMatchTheirCertificatesAndCarryTheRightKeyUsage() {
        var store = new InsecureExampleKeyStore(dir);
        X509Certificate encrypt = store.agencyEncryption("ICE").certificate();
        X509Certificate sign = store.agencySigning("ICE").certificate();
        assertThat(encrypt.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        assertThat(encrypt.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(sign.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(encrypt.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(store.gatewaySigning().certificate().getIssuerX500Principal())
                .isEqualTo(store.trust().anchors().get(0).getSubjectX500Principal());
    }

    @Test
    void theCrlRevokesTheRevokedCertificatesOnly() {
        var store = new InsecureExampleKeyStore(dir);
        var crl = store.trust().crls().get(0);
        assertThat(crl.isRevoked(store.negative("revoked", "sign").certificate())).isTrue();
        assertThat(crl.isRevoked(store.negative("revoked", "encrypt").certificate())).isTrue();
        assertThat(crl.isRevoked(store.agencySigning("IRS").certificate())).isFalse();
    }

    @Test
    void theOrdinaryFileKeyStoreRefusesTheExampleSet() {
        assertThatThrownBy(() -> new FileKeyStore(dir))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID);
                    assertThat(e.getMessage()).contains("INSECURE");
                });
    }

    @Test
    void refusesToOverwriteADirectoryWithContent() {
        assertThatThrownBy(() -> new InsecureExamplePki(TestClocks.caseDay()).generate(dir))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
