package org.safegate.keys.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.MutableClock;
import org.safegate.testing.TestClocks;

/**
 * Contract tests of the Vault client's token lifecycle against the stand-in, whose leases run on
 * the same test clock: a token is renewed (auth/token/renew-self) or replaced by a new AppRole
 * login before it expires, and a 403 leads to one new login, never more. Each test asserts every
 * request exactly.
 */
class VaultTokenContractTest {
    private static final String SECRET = "/v1/secret/data/safegate/gateway";
    private static final String SECRET_ID = "f7a6c2de-secret-id";
    private static final Map<String, String> ENV = Map.of("SAFEGATE_TEST_SECRET_ID", SECRET_ID,
            "SAFEGATE_TEST_VAULT_TOKEN", "hvs.from-the-environment");
    private static TestTls tls;

    @TempDir
    static Path dir;
    private static Path caPem;
    private final MutableClock clock = new MutableClock(TestClocks.CASE_DAY);
    private VaultStandIn vault;

    @BeforeAll
    static void makeTls() throws Exception {
        tls = new TestTls();
        caPem = tls.writeCaPem(dir.resolve("vault-ca.pem"));
    }

    @BeforeEach
    void start() throws Exception {
        vault = new VaultStandIn(tls.serverContext, clock);
        vault.kv2Secret(SECRET, Map.of("sign.crt", "PEM"));
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void aTokenWhoseTtlRunsOutIsRenewedBeforeItExpires() {
        vault.appRoleLogins("approle", Duration.ofMinutes(20), Duration.ofHours(24), true, "hvs.first", "hvs.second");
        VaultSecrets secrets = appRole();

        secrets.read("secret/safegate/gateway");
        clock.advance(Duration.ofMinutes(15));
        secrets.read("secret/safegate/gateway");
        clock.advance(Duration.ofMinutes(10));
        Map<String, String> fields = secrets.read("secret/safegate/gateway");

        // 25 minutes after a 20-minute login the token still works: it was renewed at 15 minutes
        assertThat(fields).containsEntry("sign.crt", "PEM");
        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "POST /v1/auth/token/renew-self hvs.first",
                "GET " + SECRET + " hvs.first",
                "GET " + SECRET + " hvs.first");
        assertThat(vault.requests().get(2).body()).isEqualTo("{\"increment\":1200}");
    }

    @Test
    void aTokenThatCannotBeRenewedIsReplacedByANewLoginBeforeItExpires() {
        vault.appRoleLogins("approle", Duration.ofMinutes(10), Duration.ofMinutes(10), false, "hvs.first",
                "hvs.second");
        VaultSecrets secrets = appRole();

        secrets.read("secret/safegate/gateway");
        clock.advance(Duration.ofMinutes(8));
        secrets.read("secret/safegate/gateway");

        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.second");
    }

    @Test
    void aTokenRenewedUpToItsMaxTtlIsReplacedByANewLoginBeforeItExpires() {
        vault.appRoleLogins("approle", Duration.ofMinutes(20), Duration.ofMinutes(30), true, "hvs.first",
                "hvs.second");
        VaultSecrets secrets = appRole();

        secrets.read("secret/safegate/gateway");
        clock.advance(Duration.ofMinutes(15));
        secrets.read("secret/safegate/gateway"); // renewed, but only to the max TTL: 15 minutes more
        clock.advance(Duration.ofMinutes(11));
        secrets.read("secret/safegate/gateway");

        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "POST /v1/auth/token/renew-self hvs.first",
                "GET " + SECRET + " hvs.first",
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.second");
    }

    @Test
    void aTokenIsUsedUntilItsLeaseEndsWhileVaultCannotRenewItThenTheReadIsKeyUnavailable() {
        vault.appRoleLogins("approle", Duration.ofMinutes(20), Duration.ofHours(24), true, "hvs.first", "hvs.second");
        VaultSecrets secrets = appRole();
        secrets.read("secret/safegate/gateway");
        vault.unavailable("POST", "/v1/auth/token/renew-self");
        vault.unavailable("POST", "/v1/auth/approle/login");

        clock.advance(Duration.ofMinutes(15));
        Map<String, String> fields = secrets.read("secret/safegate/gateway");
        clock.advance(Duration.ofMinutes(5));

        assertThat(fields).containsEntry("sign.crt", "PEM");
        assertThatThrownBy(() -> secrets.read("secret/safegate/gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("auth/approle").hasMessageContaining("503").hasMessageNotContaining(SECRET_ID);
        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "POST /v1/auth/token/renew-self hvs.first",
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "POST /v1/auth/token/renew-self hvs.first",
                "POST /v1/auth/approle/login null");
    }

    @Test
    void aReadRefusedWith403LogsInOnceAgainAndTheReadSucceeds() {
        vault.appRoleLogins("approle", Duration.ofMinutes(20), Duration.ofHours(24), true, "hvs.first", "hvs.second");
        VaultSecrets secrets = appRole();
        secrets.read("secret/safegate/gateway");
        vault.revoke("hvs.first");

        Map<String, String> fields = secrets.read("secret/safegate/gateway");

        assertThat(fields).containsEntry("sign.crt", "PEM");
        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "GET " + SECRET + " hvs.first",
                "GET /v1/auth/token/lookup-self hvs.first",
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.second");
    }

    @Test
    void a403AfterLoggingInAgainIsKeyUnavailableAndNoFurtherLoginIsTried() {
        vault.appRoleLogins("approle", Duration.ofMinutes(20), Duration.ofHours(24), true, "hvs.first", "hvs.second");
        VaultSecrets secrets = appRole();
        secrets.read("secret/safegate/gateway");
        vault.revoke("hvs.first");
        vault.permissionDenied("GET", SECRET);

        assertThatThrownBy(() -> secrets.read("secret/safegate/gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("403").hasMessageContaining("secret/safegate/gateway")
                .hasMessageContaining("after logging in again")
                .hasMessageNotContaining("hvs.").hasMessageNotContaining(SECRET_ID);
        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "GET " + SECRET + " hvs.first",
                "GET /v1/auth/token/lookup-self hvs.first",
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.second");
    }

    @Test
    void aPathTheTokensPolicyDeniesIsKeyUnavailableWithoutLoggingInAgain() {
        vault.appRoleLogins("approle", Duration.ofMinutes(20), Duration.ofHours(24), true, "hvs.first", "hvs.second");
        vault.permissionDenied("GET", SECRET);

        assertThatThrownBy(() -> appRole().read("secret/safegate/gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("403").hasMessageContaining("policies");
        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.token()).containsExactly(
                "POST /v1/auth/approle/login null",
                "GET " + SECRET + " hvs.first",
                "GET /v1/auth/token/lookup-self hvs.first");
    }

    @Test
    void anExpiredTokenFromTheEnvironmentIsKeyUnavailableNamingTheVariable() {
        vault.revoke("hvs.from-the-environment");
        VaultSecrets secrets = new VaultSecrets(settings(new VaultAuth.Token("env:SAFEGATE_TEST_VAULT_TOKEN")), ENV,
                clock);

        assertThatThrownBy(() -> secrets.read("secret/safegate/gateway"))
                .isInstanceOfSatisfying(SafegateException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE))
                .hasMessageContaining("403").hasMessageContaining("SAFEGATE_TEST_VAULT_TOKEN")
                .hasMessageNotContaining("hvs.from-the-environment");
        assertThat(vault.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                "GET " + SECRET, "GET /v1/auth/token/lookup-self");
    }

    private VaultSecrets appRole() {
        return new VaultSecrets(settings(new VaultAuth.AppRole("approle", "3c9fd6be-role",
                "env:SAFEGATE_TEST_SECRET_ID")), ENV, clock);
    }

    private VaultSettings settings(VaultAuth auth) {
        return new VaultSettings(URI.create(vault.address()), Optional.empty(), auth, Optional.of(caPem), 5);
    }
}
