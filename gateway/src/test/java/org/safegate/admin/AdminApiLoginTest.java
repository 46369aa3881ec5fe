package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;
import org.safegate.operator.ApiToken;
import org.safegate.testing.TestFiles;

/** Logging in to the admin API: throttling of failed logins, API tokens, no secret in the audit log. */
class AdminApiLoginTest {
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
    void anOperatorGuessesAPasswordSixTimes_resultTheSixthIsRefused429EvenWithTheRightPasswordAndFiveFailuresAreAudited()
            throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures", "5"));
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = api.call("GET", "/api/audit/verify",
                    ApiGateway.basic("auditor", "guess-" + i), null, null);
            assertThat(guess.statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = api.get("/api/audit/verify", "auditor");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("TOO_MANY_FAILED_LOGINS");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
        List<AuditEvent> failures = api.events(AuditEventType.OPERATOR_LOGIN_FAILED);
        assertThat(failures).hasSize(5).allSatisfy(e -> {
            assertThat(e.entry().actor()).isEqualTo("auditor");
            assertThat(e.entry().origin()).isEqualTo("admin API from 127.0.0.1");
            assertThat(e.entry().object()).isEqualTo("GET /api/audit/verify");
            assertThat(e.entry().change()).doesNotContain("guess");
        });
        assertThat(failures.get(4).entry().change()).contains("refused for a while");
        assertThat(api.get("/api/policy/status", "admin").statusCode()).as("another operator is not locked out")
                .isEqualTo(200);
    }

    @Test
    void oneAddressTriesManyNames_resultItIsRefused429AndUnknownNamesAreNotRecorded() throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures-per-address", "3"));
        for (String name : List.of("root", "administrator", "my-secret-password")) {
            assertThat(api.call("GET", "/metrics", ApiGateway.basic(name, "x"), null, null).statusCode()).isEqualTo(401);
        }

        assertThat(api.get("/metrics", "admin").statusCode()).isEqualTo(429);
        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).hasSize(3)
                .allSatisfy(e -> assertThat(e.entry().actor()).isEqualTo("unknown-operator"));
        assertThat(api.get("/api/health", null).statusCode()).as("the health check needs no login").isEqualTo(200);
    }

    @Test
    void anOperatorUsesAnApiToken_resultItWorksAsTheirPasswordAndAWrongSecretIsRefused() throws Exception {
        String token = ApiToken.generate("auditor", "ci", new java.security.SecureRandom());
        String hash = new org.apache.shiro.authc.credential.DefaultPasswordService()
                .encryptPassword(new String(ApiToken.secretOf(token)));
        Path root = TestFiles.repositoryRoot();
        String operator = Files.readString(root.resolve("policies/operators/auditor.yaml"))
                + "api-tokens:\n  - { name: ci, hash: \"" + hash + "\" }\n";
        Path policies = workspace.resolve("policies/operators");
        Files.createDirectories(policies);
        Files.writeString(policies.resolve("auditor.yaml"), operator);
        // ApiGateway copies the example policies without replacing what is already there
        api = ApiGateway.start(workspace, Map.of());

        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + token, null, null).statusCode()).isEqualTo(200);
        assertThat(api.call("GET", "/api/agencies", "Bearer " + token, null, null).statusCode()).isEqualTo(403);
        String wrong = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(api.call("GET", "/api/audit/verify", "Bearer " + wrong, null, null).statusCode()).isEqualTo(401);
        assertThat(api.call("GET", "/api/audit/verify", "Bearer auditor.other." + "x".repeat(43), null, null)
                .statusCode()).isEqualTo(401);
        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.entry().change()).doesNotContain(token.substring(token.lastIndexOf('.'))));
    }

    @Test
    void thirtyGuessesAtTheOfficersPasswordAtOnce_resultAtMostFiveAreCheckedAndTheOthersAreToldWhenToRetry()
            throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures", "5"));
        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add(api.callAsync("GET", "/api/agencies/DOJ", ApiGateway.basic("officer", "guess-" + i)));
        }
        List<HttpResponse<String>> answers = guesses.stream().map(CompletableFuture::join).toList();

        long checked = answers.stream().filter(a -> a.statusCode() == 401).count();
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 401 || s == 429 || s == 503);
        assertThat(checked).as("passwords checked").isBetween(1L, 5L);
        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).hasSize((int) checked);
        assertThat(answers).filteredOn(a -> a.statusCode() != 401).isNotEmpty().allSatisfy(a -> assertThat(
                Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow())).isPositive());
    }

    @Test
    void someoneGuessesTheOfficersPasswordFromAnotherAddress_resultSheStillLogsInFromHers() throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures", "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(api.getFrom("127.0.0.2", "/metrics", ApiGateway.basic("officer", "guess-" + i)))
                    .containsEntry("status", "401");
        }

        assertThat(api.getFrom("127.0.0.2", "/metrics", ApiGateway.basic("officer", ApiGateway.PASSWORDS.get("officer"))))
                .as("the guessing address waits, even with the right password").containsEntry("status", "429")
                .containsKey("retry-after");
        assertThat(api.get("/metrics", "officer").statusCode()).as("the officer from her own address").isEqualTo(200);
        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).hasSize(3)
                .allSatisfy(e -> assertThat(e.entry().origin()).isEqualTo("admin API from 127.0.0.2"));
    }

    @Test
    void anAdministratorUnlocksTheOfficer_resultSheLogsInAgainAndTheUnlockIsAudited() throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures", "3"));
        for (int i = 0; i < 3; i++) {
            api.call("GET", "/metrics", ApiGateway.basic("officer", "typo-" + i), null, null);
        }
        assertThat(api.get("/metrics", "officer").statusCode()).isEqualTo(429);

        HttpResponse<String> self = api.postJson("/api/operators/admin/unlock", "admin", "{\"reason\": \"me\"}");
        HttpResponse<String> unknown = api.postJson("/api/operators/nobody/unlock", "admin", "{\"reason\": \"x\"}");
        HttpResponse<String> unlock = api.postJson("/api/operators/officer/unlock", "admin",
                "{\"reason\": \"she mistyped her password; confirmed by phone\"}");

        assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
        assertThat(self.body()).contains("SELF_UNLOCK");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unlock.statusCode()).as(unlock.body()).isEqualTo(200);
        assertThat(unlock.body()).contains("\"cleared\" : 1");
        assertThat(api.get("/metrics", "officer").statusCode()).isEqualTo(200);
        assertThat(api.events(AuditEventType.OPERATOR_UNLOCKED)).singleElement().satisfies(e -> {
            assertThat(e.entry().actor()).isEqualTo("admin");
            assertThat(e.entry().object()).isEqualTo("officer");
            assertThat(e.entry().change()).contains("confirmed by phone").contains("1 lockout(s) lifted");
        });
        assertThat(api.events(AuditEventType.OPERATOR_FORBIDDEN)).singleElement()
                .satisfies(e -> assertThat(e.entry().change()).contains("no one unlocks themselves"));
    }
}
