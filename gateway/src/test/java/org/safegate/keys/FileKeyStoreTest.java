package org.safegate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.testing.TestClocks;

/** A real (non-example) key store in the contract layout, copied from generated material. */
class FileKeyStoreTest {
    @TempDir
    static Path root;
    static Path store;

    @BeforeAll
    static void copyGeneratedKeysWithoutTheMarker() throws Exception {
        Path example = root.resolve("example");
        new InsecureExamplePki(TestClocks.caseDay()).generate(example);
        store = root.resolve("store");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = store.resolve(example.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(FileKeyStore.INSECURE_MARKER)) {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void readsTrustAnchorsCrlsAndIdentities() {
        var keys = new FileKeyStore(store);
        assertThat(keys.trust().anchors()).hasSize(1);
        assertThat(keys.trust().crls()).hasSize(1);
        assertThat(keys.gatewaySigning().subject()).contains("Safegate Gateway signing");
        assertThat(keys.auditSigning().subject()).contains("audit");
        assertThat(keys.agencyEncryption("DOJ").subject()).contains("DOJ encryption");
        assertThat(keys.agencySigning("DOJ").subject()).contains("DOJ signing");
    }

    @Test
    void resolvesCertificateReferencesAsPaths() {
        var keys = new FileKeyStore(store);
        assertThat(keys.certificate(store.resolve("agencies/ICE/encrypt.crt").toString()).getSubjectX500Principal()
                .getName()).contains("ICE encryption");
        assertThatThrownBy(() -> keys.certificate("vault:secret/safegate/ice#cert"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
    }

    @Test
    void aMissingAgencyIsUnavailableAndAPathInTheIdIsRefused() {
        var keys = new FileKeyStore(store);
        assertThatThrownBy(() -> keys.agencySigning("FBI"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
        assertThatThrownBy(() -> keys.agencySigning("../gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefused() throws Exception {
        Path mixed = Files.createDirectories(root.resolve("mixed"));
        Files.copy(store.resolve("agencies/ICE/encrypt.key"), mixed.resolve("encrypt.key"));
        Files.copy(store.resolve("agencies/DOJ/encrypt.crt"), mixed.resolve("encrypt.crt"));
        assertThatThrownBy(() -> PemFiles.readIdentity(mixed.resolve("encrypt.key"), mixed.resolve("encrypt.crt")))
                .isInstanceOfSatisfying(SafegateException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID);
                    assertThat(e.getMessage()).doesNotContain("PRIVATE KEY");
                });
    }

    @Test
    void anEncryptedPkcs8KeyTakesItsPasswordFromThePasswordSource() throws Exception {
        Path encrypted = Files.createDirectories(root.resolve("encrypted"));
        var key = PemFiles.readPrivateKey(store.resolve("gateway/sign.key"));
        char[] password = "correct horse".toCharArray();
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setRandom(new SecureRandom()).setPassword(password).build();
        try (var writer = new JcaPEMWriter(Files.newBufferedWriter(encrypted.resolve("sign.key")))) {
            writer.writeObject(new JcaPKCS8Generator(key, encryptor));
        }
        Path keyFile = encrypted.resolve("sign.key");

        assertThat(PemFiles.readPrivateKey(keyFile, password)).isEqualTo(key);
        assertThatThrownBy(() -> PemFiles.readPrivateKey(keyFile))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE));
        assertThatThrownBy(() -> PemFiles.readPrivateKey(keyFile, "wrong".toCharArray()))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID));
    }

    @Test
    void notAPemFileIsInvalid() throws Exception {
        Path junk = Files.writeString(root.resolve("junk.crt"), "hello");
        assertThatThrownBy(() -> PemFiles.readCertificate(junk))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID));
        assertThatThrownBy(() -> PemFiles.readPrivateKey(junk))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID));
    }
}
