package org.safegate.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.MutableClock;
import org.safegate.policy.model.ApiTokenHash;
import org.safegate.policy.model.Operator;
import org.safegate.testing.TestClocks;

/**
 * When an API token stops working, on a gateway wired as in production (store, audit log, policy
 * loads) whose clock the test moves: the earlier of its file's date and the lifetime (90 days by
 * default) after the gateway first saw it; a revocation at once.
 */
class ApiTokensTest {
    private static final String HASH = "$shiro2$2y$10$7rOjsAf2U/AKKqpMpCIn6etuOXyQ86tp2Tn9xv6FyXl2T0QYc3.G.";
    private final MutableClock clock = new MutableClock(TestClocks.CASE_DAY);

    @TempDir
    Path root;
    AdminWorkspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void aTokenWithoutAnExpiryDate_resultItStopsNinetyDaysAfterTheGatewayFirstSawIt() throws Exception {
        open("  - { name: legacy, hash: \"" + HASH + "\" }\n");

        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThatCode(() -> tokens().requireUsable(auditor(), token("legacy"))).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens().requireUsable(auditor(), token("legacy")))
                .isInstanceOf(ExpiredCredentialsException.class);
        assertThat(workspace.events(AuditEventType.API_TOKEN_ISSUED)).singleElement().satisfies(e -> {
            assertThat(e.entry().object()).isEqualTo("auditor.legacy");
            assertThat(e.entry().change()).startsWith("in force until " + TestClocks.CASE_DAY.plus(Duration.ofDays(90)));
        });
    }

    @Test
    void aTokenWithAnExpiryDate_resultItStopsAtTheStartOfThatDay() throws Exception {
        LocalDate expires = TestClocks.CASE_DATE.plusDays(10);
        open("  - { name: ci, hash: \"" + HASH + "\", expires: " + expires + " }\n");

        clock.advance(Duration.between(clock.instant(), expires.atStartOfDay(java.time.ZoneOffset.UTC)).minusMillis(1));
        assertThatCode(() -> tokens().requireUsable(auditor(), token("ci"))).doesNotThrowAnyException();
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> tokens().requireUsable(auditor(), token("ci")))
                .isInstanceOf(ExpiredCredentialsException.class);
    }

    @Test
    void anExpiryDateBeyondTheLifetime_resultTheLifetimeStillEndsIt() throws Exception {
        open("  - { name: forever, hash: \"" + HASH + "\", expires: 2099-01-01 }\n");

        clock.advance(Duration.ofDays(90));

        assertThatThrownBy(() -> tokens().requireUsable(auditor(), token("forever")))
                .isInstanceOf(ExpiredCredentialsException.class);
    }

    @Test
    void aRevokedToken_resultRefusedAtOnceAndRevokingAgainChangesNothing() throws Exception {
        open("  - { name: ci, hash: \"" + HASH + "\", expires: " + TestClocks.CASE_DATE.plusDays(30) + " }\n");

        assertThat(tokens().revoke(auditor(), Optional.empty(), "officer", "leaked", "test")).containsExactly("ci");

        assertThatThrownBy(() -> tokens().requireUsable(auditor(), token("ci")))
                .isInstanceOf(DisabledAccountException.class);
        assertThat(tokens().revoke(auditor(), Optional.empty(), "officer", "again", "test")).isEmpty();
        assertThat(workspace.events(AuditEventType.API_TOKEN_REVOKED)).singleElement()
                .satisfies(e -> assertThat(e.entry().change()).isEqualTo("revoked: leaked"));
    }

    private void open(String tokens) throws Exception {
        AdminWorkspace.copyPolicies(root);
        Path file = root.resolve("policies/operators/auditor.yaml");
        Files.writeString(file, Files.readString(file) + "api-tokens:\n" + tokens);
        workspace = AdminWorkspace.open(root, clock);
    }

    private ApiTokens tokens() {
        return workspace.gateway.apiTokens();
    }

    private Operator auditor() {
        return workspace.gateway.policies().get().operator("auditor").orElseThrow();
    }

    private ApiTokenHash token(String name) {
        return auditor().apiTokens().get(name);
    }
}
