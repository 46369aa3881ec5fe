package org.safegate.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.CheckpointSigner;
import org.safegate.audit.TestAuditKeys;
import org.safegate.config.Settings;
import org.safegate.keys.KeyProviders;

/**
 * Audit checkpoints signed by a Vault Transit key ({@code safegate.audit.signer=vault-transit:KEY}),
 * against the stand-in's transit/sign endpoint over TLS. The key store holds only audit.crt: the
 * private key is the stand-in's. Every request is asserted exactly.
 */
class VaultTransitSignerContractTest {
    private static final String TOKEN = "hvs.transit-contract-token";
    private static final Map<String, String> ENV = Map.of("SAFEGATE_TEST_VAULT_TOKEN", TOKEN);
    private static final String SIGN_PATH = "/v1/transit/sign/safegate-audit";
    private static final byte[] MESSAGE = "safegate.example/audit\n7\nq83mP0Z1\n".getBytes(StandardCharsets.UTF_8);
    private static TestTls tls;

    @TempDir
    Path dir;
    private Path caPem;
    private VaultStandIn vault;

    @BeforeAll
    static void makeTls() throws Exception {
        tls = new TestTls();
    }

    @BeforeEach
    void start() throws Exception {
        caPem = tls.writeCaPem(dir.resolve("vault-ca.pem"));
        vault = new VaultStandIn(tls.serverContext);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void anRsaTransitKeySignsPlainSha256WithRsaThatTheAuditCertificateVerifies() throws Exception {
        TestAuditKeys audit = TestAuditKeys.rsa();
        vault.transitKey("transit", "safegate-audit", audit.key());

        CheckpointSigner signer = keys(audit, "vault-transit:safegate-audit").signer();
        byte[] signature = signer.sign(MESSAGE);

        assertThat(signer.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(signer.keyId()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(audit.certificate().getEncoded())));
        assertThat(verifies("SHA256withRSA", audit, signature)).isTrue();
        List<VaultStandIn.Request> requests = vault.requests();
        assertThat(requests).hasSize(2); // the start-up probe, then the checkpoint
        assertThat(requests.get(1)).isEqualTo(new VaultStandIn.Request("POST", SIGN_PATH, TOKEN, null,
                "{\"input\":\"" + Base64.getEncoder().encodeToString(MESSAGE) + "\",\"hash_algorithm\":\"sha2-256\","
                        + "\"prehashed\":false,\"signature_algorithm\":\"pkcs1v15\"}"));
        assertThat(requests.get(0).path()).isEqualTo(SIGN_PATH);
    }

    @Test
    void anEcdsaTransitKeyAtAnotherMountSignsDerThatOpensslVerifies() throws Exception {
        TestAuditKeys audit = TestAuditKeys.ec();
        vault.transitKey("audit/transit", "safegate-audit", audit.key());

        CheckpointSigner signer = keys(audit, "vault-transit:safegate-audit",
                "safegate.audit.transit-mount", "audit/transit/").signer();
        byte[] signature = signer.sign(MESSAGE);

        assertThat(signer.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(verifies("SHA256withECDSA", audit, signature)).isTrue();
        assertThat(openssl(audit, signature)).isEqualTo("Verified OK");
        assertThat(vault.requests().get(1)).isEqualTo(new VaultStandIn.Request("POST",
                "/v1/audit/transit/sign/safegate-audit", TOKEN, null, "{\"input\":\""
                + Base64.getEncoder().encodeToString(MESSAGE) + "\",\"hash_algorithm\":\"sha2-256\","
                + "\"prehashed\":false,\"marshaling_algorithm\":\"asn1\"}"));
    }

    @Test
    void aTransitKeyThatDoesNotMatchTheAuditCertificateStopsTheStart() {
        TestAuditKeys audit = TestAuditKeys.rsa();
        vault.transitKey("transit", "safegate-audit", TestAuditKeys.rsa().key());
        AuditKeys keys = keys(audit, "vault-transit:safegate-audit");

        assertThatThrownBy(keys::signer).isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_KEY_UNAVAILABLE))
                .hasMessageContaining("Vault Transit key safegate-audit")
                .hasMessageContaining("does not match the audit certificate");
        assertThat(vault.requests()).singleElement().extracting(VaultStandIn.Request::path).isEqualTo(SIGN_PATH);
    }

    @Test
    void anUnknownKeyIsNamedWithVaultsAnswer() {
        TestAuditKeys audit = TestAuditKeys.rsa();
        vault.transitKey("transit", "another-key", audit.key());

        assertRefused(keys(audit, "vault-transit:safegate-audit"), "400", "encryption key not found");
    }

    @Test
    void aTransitEngineThatIsNotMountedIsNamedWithVaultsAnswer() {
        assertRefused(keys(TestAuditKeys.rsa(), "vault-transit:safegate-audit"), "404",
                "no handler for route \"transit/sign/safegate-audit\"");
    }

    @Test
    void aTokenWhosePoliciesDoNotAllowSigningIsRefused() {
        TestAuditKeys audit = TestAuditKeys.rsa();
        vault.transitKey("transit", "safegate-audit", audit.key());
        vault.permissionDenied("POST", SIGN_PATH);

        assertRefused(keys(audit, "vault-transit:safegate-audit"), "403", "policies do not allow");
        assertThat(vault.requests()).extracting(VaultStandIn.Request::path)
                .containsExactly(SIGN_PATH, "/v1/auth/token/lookup-self");
    }

    @Test
    void aVaultSealedAfterTheStartFailsTheCheckpointNotTheStart() {
        TestAuditKeys audit = TestAuditKeys.ec();
        vault.transitKey("transit", "safegate-audit", audit.key());
        CheckpointSigner signer = keys(audit, "vault-transit:safegate-audit").signer();
        vault.unavailable("POST", SIGN_PATH);

        assertThatThrownBy(() -> signer.sign(MESSAGE)).isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_KEY_UNAVAILABLE))
                .hasMessageContaining("safegate-audit").hasMessageContaining("503")
                .hasMessageContaining("Vault is sealed").hasMessageNotContaining(TOKEN);
        vault.recover("POST", SIGN_PATH);
        assertThat(verifies("SHA256withECDSA", audit, signer.sign(MESSAGE))).isTrue();
    }

    @Test
    void anUnreachableVaultIsNamedWithTheKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestAuditKeys audit = TestAuditKeys.rsa();
        AuditKeys keys = AuditKeys.from(KeyProviders.fromSpec("file:" + certificateOnly(audit), dir),
                settings("vault-transit:safegate-audit", "safegate.vault.addr", "https://127.0.0.1:" + closedPort),
                ENV);

        assertThatThrownBy(keys::signer).isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_KEY_UNAVAILABLE))
                .hasMessageContaining("Transit key safegate-audit").hasMessageNotContaining(TOKEN);
    }

    @Test
    void theKeyStoreSignerIsTheDefaultAndNeverAsksVault() {
        TestAuditKeys audit = TestAuditKeys.rsa();
        Path store = audit.writeTo(dir.resolve("keys"));

        CheckpointSigner signer = AuditKeys.from(KeyProviders.fromSpec("file:" + store, dir),
                Settings.of(Map.of("safegate.vault.addr", vault.address())), ENV).signer();

        assertThat(verifies("SHA256withRSA", audit, signer.sign(MESSAGE))).isTrue();
        assertThat(vault.requests()).isEmpty();
    }

    private void assertRefused(AuditKeys keys, String status, String vaultSays) {
        assertThatThrownBy(keys::signer).isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUDIT_KEY_UNAVAILABLE))
                .hasMessageContaining("Transit key safegate-audit").hasMessageContaining(status)
                .hasMessageContaining(vaultSays).hasMessageNotContaining(TOKEN);
    }

    /** The audit keys of a key store holding {@code audit}'s certificate only, signing as {@code signer} says. */
    private AuditKeys keys(TestAuditKeys audit, String signer, String... more) {
        return AuditKeys.from(KeyProviders.fromSpec("file:" + certificateOnly(audit), dir), settings(signer, more), ENV);
    }

    private Settings settings(String signer, String... more) {
        Map<String, String> values = new HashMap<>(Map.of("safegate.audit.signer", signer,
                "safegate.vault.addr", vault.address(), "safegate.vault.ca", caPem.toString(),
                "safegate.vault.token", "env:SAFEGATE_TEST_VAULT_TOKEN", "safegate.vault.timeout-seconds", "2"));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return Settings.of(values);
    }

    private Path certificateOnly(TestAuditKeys audit) {
        Path store = audit.writeTo(dir.resolve("keys"));
        try {
            Files.delete(store.resolve("gateway/audit.key"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return store;
    }

    private static boolean verifies(String algorithm, TestAuditKeys audit, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(audit.certificate().getPublicKey());
            verifier.update(MESSAGE);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The real OpenSSL, with the public key it extracts from the certificate itself. */
    private String openssl(TestAuditKeys audit, byte[] signature) throws Exception {
        Path certificate = dir.resolve("keys/gateway/audit.crt");
        Path publicKey = dir.resolve("audit-public.pem");
        Path message = Files.write(dir.resolve("message.bin"), MESSAGE);
        Path signatureFile = Files.write(dir.resolve("signature.bin"), signature);
        Files.writeString(publicKey, run("openssl", "x509", "-in", certificate.toString(), "-pubkey", "-noout"));
        return run("openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature",
                signatureFile.toString(), message.toString()).strip();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
