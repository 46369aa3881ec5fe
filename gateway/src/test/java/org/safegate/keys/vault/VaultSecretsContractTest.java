package org.safegate.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
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
import org.safegate.config.Settings;

/**
 * Contract tests of the Vault client against an in-process stand-in that answers with Vault's
 * real response shapes over TLS with a CA made in the test. They assert every request exactly;
 * they do not prove a real Vault agrees (see VaultIT in integration-tests for that).
 */
class VaultSecretsContractTest {
    private static final String TOKEN = "hvs.contract-test-token";
    private static final Map<String, String> ENV = Map.of("SAFEGATE_TEST_VAULT_TOKEN", TOKEN,
            "SAFEGATE_TEST_SECRET_ID", "f7a6c2de-secret-id");
    private static TestTls tls;

    @TempDir
    static Path dir;
    private static Path caPem;
    private VaultStandIn vault;

    @BeforeAll
    static void makeTls() throws Exception {
        tls = new TestTls();
        caPem = tls.writeCaPem(dir.resolve("vault-ca.pem"));
    }

    @BeforeEach
    void start() throws Exception {
        vault = new VaultStandIn(tls.serverContext);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void readsAKv2SecretWithTokenAndNamespace() {
        vault.kv2Secret("/v1/secret/data/safegate/gateway", Map.of("sign.crt", "-----BEGIN CERTIFICATE-----\nMII\n"));

        Map<String, String> fields = secrets(new VaultAuth.Token("env:SAFEGATE_TEST_VAULT_TOKEN"), Optional.of("agency/irs"))
                .read("secret/safegate/gateway");

        assertThat(fields).containsEntry("sign.crt", "-----BEGIN CERTIFICATE-----\nMII\n").hasSize(1);
        assertThat(vault.requests()).singleElement().isEqualTo(new VaultStandIn.Request("GET",
                "/v1/secret/data/safegate/gateway", TOKEN, "agency/irs", ""));
    }

    @Test
    void logsInWithAppRoleThenReadsWithTheIssuedToken() {
        vault.appRoleLogin("approle", "hvs.issued-by-approle");
        vault.kv2Secret("/v1/secret/data/safegate/ca", Map.of("root.crt", "PEM"));

        String value = secrets(new VaultAuth.AppRole("approle", "3c9fd6be-role", "env:SAFEGATE_TEST_SECRET_ID"),
                Optional.empty()).field("secret/safegate/ca", "root.crt");

        assertThat(value).isEqualTo("PEM");
        assertThat(vault.requests()).hasSize(2);
        VaultStandIn.Request login = vault.requests().get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.path()).isEqualTo("/v1/auth/approle/login");
        assertThat(login.token()).isNull();
        assertThat(login.body()).contains("\"role_id\"").contains("3c9fd6be-role")
                .contains("\"secret_id\"").contains("f7a6c2de-secret-id");
        assertThat(vault.requests().get(1)).isEqualTo(new VaultStandIn.Request("GET", "/v1/secret/data/safegate/ca",
                "hvs.issued-by-approle", null, ""));
    }

    @Test
    void permissionDeniedIsKeyUnavailableAndNeverShowsTheToken() {
        vault.permissionDenied("GET", "/v1/secret/data/safegate/gateway");

        assertThatThrownBy(() -> tokenSecrets().read("secret/safegate/gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("403").hasMessageContaining("secret/safegate/gateway")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void missingSecretIsKeyNotFound() {
        assertThatThrownBy(() -> tokenSecrets().read("secret/safegate/nothing"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND)).hasMessageContaining("404");
    }

    @Test
    void missingFieldNamesPathAndField() {
        vault.kv2Secret("/v1/secret/data/safegate/gateway", Map.of("sign.crt", "PEM"));

        assertThatThrownBy(() -> tokenSecrets().field("secret/safegate/gateway", "audit.key"))
                .isInstanceOf(SafegateException.class)
                .hasMessageContaining("secret/safegate/gateway").hasMessageContaining("audit.key");
    }

    @Test
    void unreachableVaultIsKeyUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create("https://127.0.0.1:" + closedPort),
                Optional.empty(), new VaultAuth.Token("env:SAFEGATE_TEST_VAULT_TOKEN"), Optional.of(caPem), 2), ENV);

        assertThatThrownBy(() -> secrets.read("secret/safegate/gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void serverNotSignedByTheConfiguredCaIsRefused() throws Exception {
        Path otherCa = new TestTls().writeCaPem(dir.resolve("other-ca.pem"));
        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create(vault.address()), Optional.empty(),
                new VaultAuth.Token("env:SAFEGATE_TEST_VAULT_TOKEN"), Optional.of(otherCa), 5), ENV);

        assertThatThrownBy(() -> secrets.read("secret/safegate/gateway")).isInstanceOf(SafegateException.class);
        assertThat(vault.requests()).isEmpty();
    }

    @Test
    void missingTokenVariableIsAClearError() {
        VaultSecrets secrets = new VaultSecrets(new VaultSettings(URI.create(vault.address()), Optional.empty(),
                new VaultAuth.Token("env:NOT_SET_ANYWHERE"), Optional.of(caPem), 5), Map.of());

        assertThatThrownBy(() -> secrets.read("secret/x")).isInstanceOf(SafegateException.class)
                .hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void aTokenWrittenIntoTheConfigurationIsRefused() {
        assertThatThrownBy(() -> new VaultAuth.Token("hvs.literal-token"))
                .isInstanceOf(SafegateException.class).hasMessageContaining("env:")
                .hasMessageNotContaining("hvs.literal-token");
    }

    @Test
    void aPlainHttpAddressOfAnotherHostIsRefusedNamingTheSetting() {
        for (String address : new String[] {"http://vault.example:8200", "http://127.0.0.1.vault.example:8200",
                "http://localhost.vault.example:8200", "http://10.0.0.7:8200", "http://[fe80::1]:8200",
                "vault.example:8200"}) {
            assertThatThrownBy(() -> VaultSettings.from(Settings.of(Map.of("safegate.vault.addr", address)), ENV))
                    .as(address).isInstanceOfSatisfying(SafegateException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("safegate.vault.addr").hasMessageContaining("https://");
        }
        assertThatThrownBy(() -> VaultSettings.from(Settings.of(Map.of()), Map.of("VAULT_ADDR", "http://vault.example")))
                .isInstanceOf(SafegateException.class).hasMessageContaining("VAULT_ADDR");
    }

    @Test
    void plainHttpIsAcceptedOnlyToALoopbackAddress() {
        for (String address : new String[] {"http://127.0.0.1:8200", "http://127.8.9.10:8200", "http://[::1]:8200",
                "http://localhost:8200", "http://LOCALHOST:8200", "https://vault.example:8200"}) {
            assertThat(VaultSettings.from(Settings.of(Map.of("safegate.vault.addr", address)), ENV).address())
                    .as(address).isEqualTo(URI.create(address));
        }
    }

    private VaultSecrets tokenSecrets() {
        return secrets(new VaultAuth.Token("env:SAFEGATE_TEST_VAULT_TOKEN"), Optional.empty());
    }

    private VaultSecrets secrets(VaultAuth auth, Optional<String> namespace) {
        return new VaultSecrets(new VaultSettings(URI.create(vault.address()), namespace, auth, Optional.of(caPem), 5),
                ENV);
    }
}
