package org.safegate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.safegate.SafegateException;
import org.safegate.audit.AuditKeys;
import org.safegate.audit.CheckpointSigner;
import org.safegate.config.Settings;
import org.safegate.keys.KeyProviders;
import org.safegate.keys.vault.VaultAuth;
import org.safegate.keys.vault.VaultSecrets;
import org.safegate.keys.vault.VaultSettings;
import org.safegate.testing.TestClocks;

/**
 * Runs against a real Vault or OpenBao when VAULT_ADDR and VAULT_TOKEN are set (for example
 * {@code vault server -dev} or {@code bao server -dev}, which mount KV v2 at secret/; the Transit
 * case mounts transit/ itself); reported as skipped otherwise. See docs/configuration.md, "Vault".
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+")
class VaultIT {
    private final String address = System.getenv("VAULT_ADDR");

    @Test
    void readsWhatWasWrittenToKv2() throws Exception {
        String path = "secret/safegate-it/" + UUID.randomUUID();
        Vault admin = Vault.create(new VaultConfig().address(address).token(System.getenv("VAULT_TOKEN"))
                .engineVersion(2).build());
        admin.logical().write(path, Map.of("sign.crt", "PEM-CONTENT"));

        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create(address),
                Optional.ofNullable(System.getenv("VAULT_NAMESPACE")), new VaultAuth.Token("env:VAULT_TOKEN"),
                Optional.ofNullable(System.getenv("VAULT_CACERT")).map(java.nio.file.Path::of), 10), System.getenv());

        assertThat(secrets.field(path, "sign.crt")).isEqualTo("PEM-CONTENT");
        assertThatThrownBy(() -> secrets.read(path + "-missing")).isInstanceOf(SafegateException.class)
                .hasMessageContaining("404");
    }

    /**
     * An AppRole token with a 60-second TTL, and a secret id good for one login only: a read after
     * 50 (test clock) seconds must renew the token with auth/token/renew-self, since a second
     * login would be refused. Enables AppRole at auth/approle if it is not enabled yet.
     */
    @Test
    void anAppRoleTokenIsRenewedWithRenewSelf() throws Exception {
        String name = "safegate-it-" + UUID.randomUUID();
        String path = "secret/safegate-it/" + name;
        admin(2).logical().write(path, Map.of("sign.crt", "PEM-CONTENT"));
        Vault admin = admin(1);
        admin.logical().write("sys/auth/approle", Map.of("type", "approle")); // 400 when already enabled
        admin.logical().write("sys/policies/acl/" + name, Map.of("policy",
                "path \"secret/data/safegate-it/" + name + "\" { capabilities = [\"read\"] }"));
        admin.logical().write("auth/approle/role/" + name, Map.of("token_policies", name, "token_ttl", "60s",
                "token_max_ttl", "1h", "secret_id_num_uses", 1));
        String roleId = admin.logical().read("auth/approle/role/" + name + "/role-id").getData().get("role_id");
        String secretId = admin.logical().write("auth/approle/role/" + name + "/secret-id", Map.of())
                .getData().get("secret_id");
        HandClock clock = new HandClock();
        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create(address),
                Optional.ofNullable(System.getenv("VAULT_NAMESPACE")),
                new VaultAuth.AppRole("approle", roleId, "env:SAFEGATE_IT_SECRET_ID"),
                Optional.ofNullable(System.getenv("VAULT_CACERT")).map(java.nio.file.Path::of), 10),
                Map.of("SAFEGATE_IT_SECRET_ID", secretId), clock);

        assertThat(secrets.field(path, "sign.crt")).isEqualTo("PEM-CONTENT");
        clock.advance(Duration.ofSeconds(50));
        assertThat(secrets.field(path, "sign.crt")).isEqualTo("PEM-CONTENT");
    }

    /**
     * An RSA Transit key made through the API signs checkpoints that verify with the public key
     * Vault itself reports for the key (transit/keys/KEY) and with a certificate for it. Mounts
     * the Transit engine at transit/ if it is not mounted yet.
     */
    @Test
    void aTransitKeySignsCheckpointsThatItsPublicKeyVerifies() throws Exception {
        String name = "safegate-it-" + UUID.randomUUID();
        Vault admin = admin(1);
        admin.logical().write("sys/mounts/transit", Map.of("type", "transit")); // 400 when already mounted
        assertThat(admin.logical().write("transit/keys/" + name, Map.of("type", "rsa-2048")).getRestResponse()
                .getStatus()).isIn(200, 204);
        String pem = admin.logical().read("transit/keys/" + name).getDataObject().get("keys").asObject()
                .get("1").asObject().getString("public_key", null);
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Path keys = Files.createTempDirectory("safegate-transit-it");
        writeCertificate(publicKey, Files.createDirectories(keys.resolve("gateway")).resolve("audit.crt"));

        Map<String, String> settings = new HashMap<>(Map.of("safegate.audit.signer", "vault-transit:" + name,
                "safegate.vault.addr", address, "safegate.vault.token", "env:VAULT_TOKEN"));
        Optional.ofNullable(System.getenv("VAULT_CACERT")).ifPresent(ca -> settings.put("safegate.vault.ca", ca));
        Optional.ofNullable(System.getenv("VAULT_NAMESPACE")).ifPresent(ns -> settings.put("safegate.vault.namespace", ns));
        CheckpointSigner signer = AuditKeys.from(KeyProviders.fromSpec("file:" + keys, keys), Settings.of(settings),
                System.getenv()).signer();
        byte[] message = "safegate.example/audit\n1\n".getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance(signer.algorithm());
        verifier.initVerify(publicKey);
        verifier.update(message);

        assertThat(signer.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(verifier.verify(signer.sign(message))).isTrue();
    }

    /** A certificate for a key whose private half stays in Vault: issued by a throw-away CA. */
    private static void writeCertificate(PublicKey publicKey, Path file) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair ca = generator.generateKeyPair();
        // the day the test suite calls today; a signature check does not look at the validity anyway
        Instant now = TestClocks.CASE_DAY;
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(new X500Name("CN=Safegate IT audit CA"),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=Safegate IT audit"), publicKey)
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate()));
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    private Vault admin(int engineVersion) throws VaultException {
        return Vault.create(new VaultConfig().address(address).token(System.getenv("VAULT_TOKEN"))
                .engineVersion(engineVersion).build());
    }

    /** A clock moved by hand, so the token's lease passes without waiting for it. */
    private static final class HandClock extends Clock {
        private volatile Instant now = TestClocks.CASE_DAY;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
