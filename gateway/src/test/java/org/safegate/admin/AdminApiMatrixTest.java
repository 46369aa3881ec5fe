package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEvent;
import org.safegate.audit.AuditEventType;

/**
 * Every endpoint of the admin API, called by every role, without credentials and with wrong ones,
 * over HTTPS against a running gateway. Result: exactly the role with the power gets through;
 * everyone else gets 401 or 403, and every refusal is in the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Callers: the three example operators, nobody, and someone with a wrong password. */
    private static final List<String> CALLERS = List.of("admin", "officer", "auditor", "none", "wrong");

    ApiGateway api;
    String deliveredTransfer;
    String recallToClose;

    record Call(String method, String path, String body, int permittedStatus) {
    }

    @BeforeAll
    void startGatewayAndDeliverOneFile(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.api.login.max-failures", "1000",
                "safegate.api.login.max-failures-per-address", "1000"));
        api.drop("IRS", "IRS-DOJ-2024", "matrix.csv", "tin,name,address\n123456789,Jane Roe,1 Main St\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.events(AuditEventType.TRANSFER_DELIVERED).isEmpty());
        deliveredTransfer = api.events(AuditEventType.TRANSFER_DELIVERED).get(0).entry().transferId();
        api.gateway.agreementAccess().revoke("IRS-ICE-2025", "revoked for the matrix's reinstatement", "officer",
                "matrix setup");
        HttpResponse<String> recall = api.postJson("/api/recalls", "officer", "{\"transfers\": [\""
                + deliveredTransfer + "\"], \"reason\": \"matrix setup\", \"notice\": \"matrix\"}");
        assertThat(recall.statusCode()).as(recall.body()).isEqualTo(201);
        recallToClose = JSON.readTree(recall.body()).path("id").asText();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private Map<ApiOperation, Call> calls() {
        Map<ApiOperation, Call> calls = new EnumMap<>(ApiOperation.class);
        calls.put(ApiOperation.HEALTH, new Call("GET", "/api/health", null, 200));
        calls.put(ApiOperation.METRICS, new Call("GET", "/metrics", null, 200));
        calls.put(ApiOperation.OPENAPI, new Call("GET", "/api/openapi.json", null, 200));
        calls.put(ApiOperation.POLICY_STATUS, new Call("GET", "/api/policy/status?at=2026-06-01", null, 200));
        calls.put(ApiOperation.POLICY_UPCOMING, new Call("GET", "/api/policy/upcoming?within=60d", null, 200));
        calls.put(ApiOperation.POLICY_RELOAD, new Call("POST", "/api/policy/reload", null, 200));
        calls.put(ApiOperation.AGENCIES, new Call("GET", "/api/agencies", null, 200));
        calls.put(ApiOperation.AGENCY, new Call("GET", "/api/agencies/DOJ", null, 200));
        calls.put(ApiOperation.AGENCY_REVOKE, new Call("POST", "/api/agencies/ICE/revoke", "{\"reason\": \"matrix\"}",
                200));
        calls.put(ApiOperation.AGENCY_REINSTATE, new Call("POST", "/api/agencies/ICE/reinstate",
                "{\"reason\": \"matrix\"}", 200));
        // a review replaces the one recorded: the same answer however often it is recorded
        calls.put(ApiOperation.SAFEGUARD_EVENT, new Call("POST", "/api/agencies/ICE/safeguards/events",
                "{\"type\": \"review\", \"id\": \"SR-MATRIX-ICE\", \"completed\": \"2026-01-20\"}", 200));
        calls.put(ApiOperation.TRANSFERS, new Call("GET", "/api/transfers?state=held", null, 200));
        calls.put(ApiOperation.TRANSFER_RELEASE, new Call("POST", "/api/transfers/T-none/release", null, 404));
        calls.put(ApiOperation.AUDIT_EVENTS, new Call("GET", "/api/audit/events?agency=IRS", null, 200));
        calls.put(ApiOperation.AUDIT_TRANSFER, new Call("GET", "/api/audit/events/" + deliveredTransfer, null, 200));
        calls.put(ApiOperation.AUDIT_VERIFY, new Call("GET", "/api/audit/verify", null, 200));
        calls.put(ApiOperation.AUDIT_EXPORT, new Call("GET", "/api/audit/export?format=jsonl", null, 200));
        calls.put(ApiOperation.AUDIT_REPORT, new Call("GET", "/api/audit/report?from=2026-01-01", null, 200));
        calls.put(ApiOperation.AGREEMENTS, new Call("GET", "/api/agreements", null, 200));
        calls.put(ApiOperation.AGREEMENT, new Call("GET", "/api/agreements/IRS-DOJ-2024", null, 200));
        // revoking again replaces the revocation; IRS-ICE-2025 is revoked before the matrix runs
        calls.put(ApiOperation.AGREEMENT_REVOKE, new Call("POST", "/api/agreements/DOJ-ICE-2024/revoke",
                "{\"reason\": \"matrix\"}", 200));
        calls.put(ApiOperation.AGREEMENT_REINSTATE, new Call("POST", "/api/agreements/IRS-ICE-2025/reinstate",
                "{\"reason\": \"matrix\"}", 200));
        calls.put(ApiOperation.OPERATOR_UNLOCK, new Call("POST", "/api/operators/auditor/unlock",
                "{\"reason\": \"matrix\"}", 200));
        // the example operators have no API tokens: nothing to revoke
        calls.put(ApiOperation.OPERATOR_TOKENS_REVOKE, new Call("POST", "/api/operators/auditor/tokens/revoke",
                "{\"reason\": \"matrix\"}", 409));
        // a recall of the same delivery may be issued again: both are tracked
        calls.put(ApiOperation.RECALL_ISSUE, new Call("POST", "/api/recalls", "{\"transfers\": [\""
                + deliveredTransfer + "\"], \"reason\": \"matrix\", \"notice\": \"matrix\"}", 201));
        calls.put(ApiOperation.RECALLS, new Call("GET", "/api/recalls?open=true", null, 200));
        calls.put(ApiOperation.RECALL, new Call("GET", "/api/recalls/R-none", null, 404));
        // only the officer gets through, once: the item is open until then
        calls.put(ApiOperation.RECALL_CLOSE, new Call("POST", "/api/recalls/" + recallToClose + "/close",
                "{\"items\": [\"" + deliveredTransfer + "\"], \"reason\": \"matrix\"}", 200));
        calls.put(ApiOperation.NODES, new Call("GET", "/api/nodes", null, 200));
        return calls;
    }

    @Test
    void theMatrixCoversEveryOperation() {
        assertThat(calls().keySet()).containsExactlyInAnyOrder(ApiOperation.values());
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointTimesEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        calls().forEach((operation, call) -> {
            for (String caller : CALLERS) {
                tests.add(DynamicTest.dynamicTest(caller + " " + call.method() + " " + call.path(),
                        () -> check(operation, call, caller)));
            }
        });
        return tests.stream();
    }

    private void check(ApiOperation operation, Call call, String caller) throws Exception {
        long failedLogins = api.events(AuditEventType.OPERATOR_LOGIN_FAILED).size();
        long refusals = api.events(AuditEventType.OPERATOR_FORBIDDEN).size();
        String authorization = switch (caller) {
            case "none" -> null;
            case "wrong" -> ApiGateway.basic("officer", "not-the-password");
            default -> ApiGateway.basic(caller, ApiGateway.PASSWORDS.get(caller));
        };
        HttpResponse<String> response = api.call(call.method(), call.path(), authorization,
                call.body() == null ? null : "application/json",
                call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8));

        if (operation.power().isEmpty()) {
            // open to anyone; credentials sent for more detail are checked like any others
            boolean refused = caller.equals("wrong") && operation.detailPower().isPresent();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(refused ? 401 : call.permittedStatus());
            return;
        }
        if (caller.equals("none") || caller.equals("wrong")) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(code(response)).isEqualTo("UNAUTHORIZED");
            assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).hasSize(
                    (int) failedLogins + (caller.equals("wrong") ? 1 : 0));
            return;
        }
        boolean permitted = operation.power().get().heldBy(org.safegate.policy.model.Role.fromKey(role(caller))
                .orElseThrow());
        if (!permitted) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("FORBIDDEN");
            List<AuditEvent> refused = api.events(AuditEventType.OPERATOR_FORBIDDEN);
            assertThat(refused).hasSize((int) refusals + 1);
            AuditEvent last = refused.get(refused.size() - 1);
            assertThat(last.entry().actor()).isEqualTo(caller);
            assertThat(last.entry().object()).isEqualTo(call.method() + " " + call.path().replaceAll("\\?.*", ""));
            assertThat(last.entry().origin()).isEqualTo("admin API from 127.0.0.1");
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(call.permittedStatus());
        }
    }

    private static String role(String caller) {
        return Map.of("admin", "administrator", "officer", "security-officer", "auditor", "auditor").get(caller);
    }

    private static String code(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asText()).isNotBlank();
        return body.path("code").asText();
    }

    @Test
    void nothingCanAlterOrDeleteAuditEvents() throws Exception {
        for (String method : Set.of("PUT", "DELETE", "PATCH")) {
            for (String path : List.of("/api/audit/events", "/api/audit/events/" + deliveredTransfer)) {
                HttpResponse<String> response = api.call(method, path, ApiGateway.basic("auditor",
                        ApiGateway.PASSWORDS.get("auditor")), "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
            }
        }
        HttpResponse<String> post = api.call("POST", "/api/audit/events", ApiGateway.basic("admin",
                ApiGateway.PASSWORDS.get("admin")), "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(post.statusCode()).isEqualTo(405);
    }
}
