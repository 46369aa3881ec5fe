package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import org.apache.shiro.authc.credential.DefaultPasswordService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEventType;
import org.safegate.operator.ApiToken;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;

/**
 * API tokens end: at their expiry date, or when an operator revokes them through the API, without
 * anyone editing a policy file. Result: the next request with the token is refused 401, the reason
 * is in the audit log, and a revocation outlives a restart.
 */
class ApiTokenRevocationTest {
    private static final LocalDate TODAY = TestClocks.CASE_DATE;

    @TempDir
    Path workspace;
    ApiGateway api;

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aTokenWhoseExpiryDateHasCome_resultRefused401AndAuditedAsExpired() throws Exception {
        String expired = token("auditor", "old");
        String current = token("auditor", "ci");
        giveTokens("auditor", entry(expired, "expires: " + TODAY), entry(current, "expires: " + TODAY.plusDays(1)));
        api = ApiGateway.start(workspace, Map.of());

        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + current, null, null).statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + expired, null, null).statusCode()).isEqualTo(401);

        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).singleElement().satisfies(e -> {
            assertThat(e.entry().actor()).isEqualTo("auditor");
            assertThat(e.entry().change()).isEqualTo("API token expired");
        });
        assertThat(api.events(AuditEventType.API_TOKEN_ISSUED)).extracting(e -> e.entry().object())
                .containsExactlyInAnyOrder("auditor.old", "auditor.ci");
    }

    @Test
    void aSecurityOfficerRevokesTheAuditorsTokens_resultTheyAreRefusedFromTheNextRequestEvenAfterARestart()
            throws Exception {
        String nightly = token("auditor", "nightly");
        String ci = token("auditor", "ci");
        String expires = "expires: " + TODAY.plusDays(30);
        giveTokens("auditor", entry(nightly, expires), entry(ci, expires));
        api = ApiGateway.start(workspace, Map.of());
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + nightly, null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> one = api.postJson("/api/operators/auditor/tokens/revoke", "officer",
                "{\"reason\": \"nightly job retired\", \"token\": \"nightly\"}");
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + nightly, null, null).statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + ci, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> all = api.postJson("/api/operators/auditor/tokens/revoke", "officer",
                "{\"reason\": \"laptop stolen\"}");
        HttpResponse<String> again = api.postJson("/api/operators/auditor/tokens/revoke", "officer",
                "{\"reason\": \"laptop stolen\"}");

        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("\"ci\"").doesNotContain("\"nightly\"");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("NO_TOKENS_TO_REVOKE");
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + ci, null, null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/audit/verify", "auditor").statusCode()).as("the password still works").isEqualTo(200);
        assertThat(api.events(AuditEventType.API_TOKEN_REVOKED)).hasSize(2).allSatisfy(e -> {
            assertThat(e.entry().actor()).isEqualTo("officer");
            assertThat(e.entry().origin()).isEqualTo("admin API from 127.0.0.1");
        }).extracting(e -> e.entry().object() + ": " + e.entry().change())
                .containsExactly("auditor.nightly: revoked: nightly job retired", "auditor.ci: revoked: laptop stolen");
        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).extracting(e -> e.entry().change())
                .containsOnly("API token revoked");

        api.close();
        api = ApiGateway.start(workspace, Map.of());
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + ci, null, null).statusCode()).isEqualTo(401);
        assertThat(api.events(AuditEventType.API_TOKEN_ISSUED)).as("each token came into force once").hasSize(2);
    }

    private static String token(String operator, String name) {
        return ApiToken.generate(operator, name, new SecureRandom());
    }

    private static String entry(String token, String expires) {
        String name = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
        String hash = new DefaultPasswordService().encryptPassword(new String(ApiToken.secretOf(token)));
        return "  - { name: " + name + ", hash: \"" + hash + "\", " + expires + " }\n";
    }

    /** Writes the operator's file with these tokens; ApiGateway keeps files already in the workspace. */
    private void giveTokens(String operator, String... entries) throws Exception {
        Path file = workspace.resolve("policies/operators/" + operator + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Files.readString(TestFiles.repositoryRoot().resolve("policies/operators/"
                + operator + ".yaml")) + "api-tokens:\n" + String.join("", entries));
    }
}
