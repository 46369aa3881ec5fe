package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error of the running HTTPS API is an RFC 9457 problem ({@code application/problem+json}
 * with type, title, status, detail and the code clients match on), with the headers its status
 * calls for: whether the API refused the request or the server did before any operation saw it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "{\"reason\": \"test\"}";

    ApiGateway api;

    @BeforeAll
    void start(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures", "2"));
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    static Stream<ApiOperation> readOperations() {
        return Arrays.stream(ApiOperation.values()).filter(o -> o.method().equals("GET"));
    }

    @ParameterizedTest(name = "GET {0} with an unknown query parameter: 400 naming it")
    @MethodSource("readOperations")
    void anUnknownQueryParameterIsRefusedNamingItAndTheAllowedOnes(ApiOperation operation) throws Exception {
        String path = operation.path().replace("{id}", "ICE").replace("{transfer}", "T-1");

        String operator = operation.name().startsWith("AUDIT") || operation.name().startsWith("RECALL") ? "auditor"
                : "admin";

        JsonNode problem = problem(api.get(path + "?limt=5", operator), 400, "BAD_INPUT");

        assertThat(problem.path("field").asText()).isEqualTo("limt");
        assertThat(problem.path("detail").asText()).contains("'limt'");
        operation.query().forEach(p -> assertThat(problem.path("detail").asText()).contains(p.name()));
    }

    @Test
    void badInputIs400() throws Exception {
        JsonNode problem = problem(api.get("/api/policy/status?at=tomorrow", "admin"), 400, "BAD_INPUT");

        assertThat(problem.path("field").asText()).isEqualTo("at");
        assertThat(problem.path("type").asText()).isEqualTo("urn:safegate:problem:bad-input");
    }

    @Test
    void noCredentialsIs401WithAChallenge() throws Exception {
        HttpResponse<String> response = api.get("/api/agencies", null);

        problem(response, 401, "UNAUTHORIZED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(
                challenge).contains("Bearer realm=\"safegate\"").contains("Basic realm=\"safegate\""));
    }

    @Test
    void aRoleWithoutThePowerIs403() throws Exception {
        problem(api.postJson("/api/agencies/ICE/revoke", "auditor", REASON), 403, "FORBIDDEN");
    }

    @Test
    void anUnknownPathIs404AndNeverAnHtmlPage() throws Exception {
        JsonNode problem = problem(api.get("/api/nothing-here", null), 404, "NOT_FOUND");
        assertThat(problem.path("detail").asText()).contains("/api/nothing-here").contains("/api/openapi.json");
        problem(api.get("/", "admin"), 404, "NOT_FOUND");
        problem(api.get("/api/agencies/NOPE", "admin"), 404, "NOT_FOUND");
    }

    @Test
    void aMethodThePathDoesNotTakeIs405WithAllow() throws Exception {
        HttpResponse<String> delete = api.call("DELETE", "/api/agencies/ICE", basic("admin"), null, null);
        HttpResponse<String> get = api.call("GET", "/api/policy/reload", basic("admin"), null, null);

        JsonNode problem = problem(delete, 405, "METHOD_NOT_ALLOWED");
        assertThat(problem.path("detail").asText()).contains("DELETE").contains("GET");
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
        problem(get, 405, "METHOD_NOT_ALLOWED");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void reinstatingAnAgencyNotRevokedIs409() throws Exception {
        problem(api.postJson("/api/agencies/DOJ/reinstate", "officer", REASON), 409, "NOT_REVOKED");
    }

    @Test
    void releasingAMisplacedFileIs409SayingWhatToDoAndMovesNothing() throws Exception {
        Path outbox = api.workspace.resolve("work/DOJ/outbox");
        java.nio.file.Files.createDirectories(outbox);
        java.nio.file.Files.writeString(outbox.resolve(".stray.csv"), "tin,name,address\n123456789,Jane Roe,1 Main St\n");
        java.nio.file.Files.move(outbox.resolve(".stray.csv"), outbox.resolve("stray.csv"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> api.get("/api/transfers?state=quarantined", "admin").body().contains("stray.csv"));
        String id = JSON.readTree(api.get("/api/transfers?state=quarantined", "admin").body()).path("transfers")
                .findValues("id").stream().map(JsonNode::asText)
                .filter(t -> api.workspace.resolve("data/quarantine").resolve(t).toFile().exists())
                .reduce((a, b) -> b).orElseThrow();
        int released = api.events(org.safegate.audit.AuditEventType.TRANSFER_RELEASED).size();

        JsonNode problem = problem(api.postJson("/api/transfers/" + id + "/release", "admin", "{}"), 409, "CONFLICT");

        assertThat(problem.path("detail").asText()).contains("MISPLACED").contains("quarantined again")
                .contains("<agreement-id>/<name>");
        assertThat(outbox.resolve("stray.csv")).doesNotExist();
        assertThat(api.workspace.resolve("data/quarantine").resolve(id).resolve("original")).exists();
        assertThat(api.events(org.safegate.audit.AuditEventType.TRANSFER_RELEASED)).hasSize(released);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherTheApiOrTheServerRefusesIt() throws Exception {
        for (int size : new int[] {100 * 1024, 2 * 1024 * 1024}) {
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[size - 1] = '}';

            HttpResponse<String> response = api.call("POST", "/api/agencies/ICE/revoke", basic("officer"),
                    "application/json", body);

            JsonNode problem = problem(response, 413, "PAYLOAD_TOO_LARGE");
            assertThat(problem.path("field").asText()).isEqualTo("body");
        }
        assertThat(api.gateway.revocations().inForce("ICE")).isEmpty();
    }

    @Test
    void aBodyNotSentAsJsonIs415() throws Exception {
        HttpResponse<String> response = api.call("POST", "/api/agencies/ICE/revoke", basic("officer"),
                "application/x-www-form-urlencoded", "reason=test".getBytes(StandardCharsets.UTF_8));

        assertThat(problem(response, 415, "UNSUPPORTED_MEDIA_TYPE").path("field").asText()).isEqualTo("Content-Type");
        assertThat(api.gateway.revocations().inForce("ICE")).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE) // the auditor stays locked out after it
    void tooManyFailedLoginsIs429WithRetryAfter() throws Exception {
        for (int i = 0; i < 2; i++) {
            problem(api.call("GET", "/api/audit/verify", ApiGateway.basic("auditor", "guess-" + i), null, null), 401,
                    "UNAUTHORIZED");
        }

        HttpResponse<String> locked = api.get("/api/audit/verify", "auditor");

        problem(locked, 429, "TOO_MANY_FAILED_LOGINS");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void loginsArrivingFasterThanPasswordsCanBeCheckedAre503WithRetryAfter(@TempDir Path workspace) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        try (ApiGateway oneCheck = ApiGateway.start(workspace, Map.of("safegate.api.login.max-concurrent-checks", "1",
                "safegate.api.login.max-failures", "100"))) {
            for (int i = 0; i < 24; i++) {
                calls.add(oneCheck.callAsync("GET", "/api/agencies", basic("admin")));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        }

        List<HttpResponse<String>> busy = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get(120, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            if (response.statusCode() == 503) {
                busy.add(response);
            }
        }

        assertThat(busy).as("one place to check a password, 24 logins at once").isNotEmpty();
        problem(busy.get(0), 503, "LOGINS_BUSY");
        assertThat(busy.get(0).headers().firstValue("Retry-After")).hasValue("1");
    }

    private static String basic(String operator) {
        return ApiGateway.basic(operator, ApiGateway.PASSWORDS.get(operator));
    }

    /** Asserts the problem's status, content type and members; returns it. */
    static JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asText()).startsWith("urn:safegate:problem:");
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isEqualTo(body.path("detail").asText());
        return body;
    }
}
