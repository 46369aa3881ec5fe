package org.safegate.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Opener;
import org.safegate.crypto.Sealer;
import org.safegate.keys.Identity;
import org.safegate.keys.KeyProvider;
import org.safegate.testing.TestClocks;

/**
 * Contract tests of the Vault key provider against the Vault stand-in: the example PKI is served
 * from KV v2 in the file store's layout, and what comes back seals and opens.
 */
class VaultKeyProviderContractTest {
    private static final Path EXAMPLE = exampleKeys();
    private static final Map<String, String> ENV = Map.of("SAFEGATE_TEST_VAULT_TOKEN", "hvs.kp-token");
    private static TestTls tls;

    @TempDir
    static Path dir;
    private static Path caPem;
    private VaultStandIn vault;
    private KeyProvider keys;

    @BeforeAll
    static void makeTls() throws Exception {
        tls = new TestTls();
        caPem = tls.writeCaPem(dir.resolve("vault-ca.pem"));
    }

    @BeforeEach
    void serveTheExamplePki() throws Exception {
        vault = new VaultStandIn(tls.serverContext);
        vault.kv2Secret("/v1/secret/data/safegate/ca", Map.of("ca.crt", read("ca/ca.crt"), "ca.crl", read("ca/ca.crl")));
        vault.kv2Secret("/v1/secret/data/safegate/gateway", Map.of("sign.key", read("gateway/sign.key"),
                "sign.crt", read("gateway/sign.crt"), "audit.key", read("gateway/audit.key"),
                "audit.crt", read("gateway/audit.crt")));
        vault.kv2Secret("/v1/secret/data/safegate/agencies/ICE", Map.of("encrypt.key", read("agencies/ICE/encrypt.key"),
                "encrypt.crt", read("agencies/ICE/encrypt.crt")));
        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create(vault.address()), Optional.empty(),
                new VaultAuth.Token("env:SAFEGATE_TEST_VAULT_TOKEN"), Optional.of(caPem), 5), ENV);
        keys = new VaultKeyProvider(secrets, "secret/safegate", EXAMPLE.getParent());
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void keysFromVaultSealAndOpen() {
        Identity gateway = keys.gatewaySigning();
        Identity ice = keys.agencyEncryption("ICE");
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        new Sealer(gateway, TestClocks.caseDay()).seal(new ByteArrayInputStream("tax data".getBytes(StandardCharsets.UTF_8)), sealed,
                keys.certificate("vault:secret/safegate/agencies/ICE#encrypt.crt"));

        assertThat(keys.trust().anchors()).hasSize(1);
        assertThat(keys.trust().crls()).hasSize(1);
        assertThat(gateway.subject()).contains("Gateway");
        assertThat(keys.auditSigning().certificate()).isNotEqualTo(gateway.certificate());
        assertThat(sealed.size()).isGreaterThan(100);
        assertThat(ice.certificate()).isEqualTo(keys.certificate("vault:secret/safegate/agencies/ICE#encrypt.crt"));
        assertThat(vault.requests()).allSatisfy(r -> assertThat(r.token()).isEqualTo("hvs.kp-token"));
    }

    @Test
    void sealedWithVaultKeysOpensWithTheRecipientKey(@TempDir Path work) throws Exception {
        Path plain = Files.writeString(work.resolve("in.txt"), "last known address");
        Path sealed = work.resolve("in.txt.p7m");
        new Sealer(keys.gatewaySigning(), TestClocks.caseDay()).seal(plain, sealed, keys.agencyEncryption("ICE").certificate());

        var opened = new Opener(keys.agencyEncryption("ICE"), new CertificateVerifier(keys.trust()), TestClocks.caseDay())
                .open(sealed, work.resolve("out.txt"));

        assertThat(work.resolve("out.txt")).hasContent("last known address");
        assertThat(opened.signerSubject()).isEqualTo(keys.gatewaySigning().subject());
    }

    @Test
    void fileReferencesStillResolveAgainstTheWorkingDirectory() {
        assertThat(keys.certificate("keys-example/agencies/ICE/encrypt.crt"))
                .isEqualTo(keys.agencyEncryption("ICE").certificate());
    }

    @Test
    void anAgencyWithoutKeysInVaultIsKeyNotFound() {
        assertThatThrownBy(() -> keys.agencyEncryption("DOJ")).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND)).hasMessageContaining("404");
    }

    @Test
    void aKeyVaultRefusesWith403IsUnavailableSoTheFileIsHeldNotDenied() {
        vault.permissionDenied("GET", "/v1/secret/data/safegate/agencies/ICE");

        assertThatThrownBy(() -> keys.agencyEncryption("ICE")).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE)).hasMessageContaining("403")
                .hasMessageContaining("secret/safegate/agencies/ICE");
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefused() throws Exception {
        vault.kv2Secret("/v1/secret/data/safegate/agencies/ICE", Map.of("encrypt.key", read("agencies/DOJ/encrypt.key"),
                "encrypt.crt", read("agencies/ICE/encrypt.crt")));

        assertThatThrownBy(() -> keys.agencyEncryption("ICE")).isInstanceOfSatisfying(SafegateException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_INVALID))
                .hasMessageContaining("vault:secret/safegate/agencies/ICE#encrypt.key")
                .hasMessageNotContaining("PRIVATE KEY");
    }

    @Test
    void anSftpLoginSecretIsReadFromTheNamedField() {
        vault.kv2Secret("/v1/secret/data/sftp/doj", Map.of("password", "pw-from-vault"));

        assertThat(keys.secret("vault:secret/sftp/doj#password")).asString(StandardCharsets.UTF_8)
                .isEqualTo("pw-from-vault");
        assertThatThrownBy(() -> keys.secret("vault:secret/sftp/doj#key")).isInstanceOf(SafegateException.class)
                .hasMessageContaining("secret/sftp/doj").hasMessageContaining("'key'")
                .hasMessageNotContaining("pw-from-vault");
    }

    @Test
    void anSftpLoginThroughVaultReachesTheServer(@TempDir Path work) throws Exception {
        vault.kv2Secret("/v1/secret/data/sftp/doj", Map.of("password", "pw-from-vault"));
        try (org.safegate.sftp.TestSftpServer server = org.safegate.sftp.TestSftpServer.start(work, "doj",
                "pw-from-vault");
             org.safegate.sftp.SftpFolders folders = new org.safegate.sftp.SftpFolders(keys, work, Map.of())) {
            var folder = folders.folder(org.safegate.policy.model.Endpoint.sftp("127.0.0.1", server.port(), "doj",
                    new org.safegate.policy.model.Reference("vault:secret/sftp/doj#password"),
                    server.hostKeyFingerprint(), "/inbox"));

            assertThat(folder.publish("hello", ".txt", "t", out -> out.write(1))).isEqualTo("hello.txt");
            assertThat(work.resolve("inbox/hello.txt")).hasBinaryContent(new byte[] {1});
        }
    }

    private static String read(String relative) throws Exception {
        return Files.readString(EXAMPLE.resolve(relative));
    }

    private static Path exampleKeys() {
        Path dir = Path.of("").toAbsolutePath();
        Path candidate = dir.resolve("keys-example");
        return Files.isDirectory(candidate) ? candidate : dir.getParent().resolve("keys-example");
    }
}
