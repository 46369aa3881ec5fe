package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.app.Gateway;
import org.safegate.config.ApiSettings;
import org.safegate.config.Settings;
import org.safegate.testing.TestClocks;
import org.safegate.testing.TestFiles;
import org.safegate.transfer.TransferOutcome;

/**
 * The exact text of the API's response bodies, as clients and scripts outside the project read
 * them: field names, their order, explicit nulls, number and date formats, indentation. Each body
 * is compared with {@code bodies/NAME.json} after instants, transfer ids, hashes and the workspace
 * path are replaced by placeholders.
 */
class ApiBodiesTest {
    @TempDir
    Path workspace;
    Gateway gateway;
    AdminApi api;
    /** Bodies with no pinned text yet: written under target/api-bodies, and the test fails at its end. */
    final java.util.List<String> unpinned = new java.util.ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        ApiGateway.copyExamples(workspace);
        Settings settings = Settings.of(Map.of("safegate.keys", "file:keys-example", "safegate.node.id", "gw-test"));
        Clock clock = TestClocks.runningFromCaseDay();
        gateway = Gateway.open(settings, Map.of(), workspace, clock);
        api = AdminApi.create(gateway.adminServices(new TransferTimings()), ApiSettings.from(settings, workspace),
                clock, "test");
    }

    @AfterEach
    void close() {
        gateway.close();
        if (!unpinned.isEmpty()) {
            fail("no pinned text for " + unpinned + "; the bodies now are in target/api-bodies");
        }
    }

    @Test
    void health() throws IOException {
        pin("health-anonymous", 200, call(ApiOperation.HEALTH, null, Map.of(), Map.of(), null));
        pin("health-detailed", 200, call(ApiOperation.HEALTH, "auditor", Map.of(), Map.of(), null));
    }

    @Test
    void nodes() throws IOException {
        java.time.Instant start = TestClocks.CASE_DAY;
        new org.safegate.store.GatewayNodes(gateway.database()).register(new org.safegate.store.GatewayNodes.Node(
                "gw-test", "gw1", 4242, "test", start, start, Duration.ofHours(1), "0".repeat(64), 0, false));
        pin("nodes", 200, call(ApiOperation.NODES, "admin", Map.of(), Map.of(), null));
    }

    @Test
    void policy() throws IOException {
        pin("policy-status", 200, call(ApiOperation.POLICY_STATUS, "auditor", Map.of(), Map.of("at", "2026-12-01"),
                null));
        pin("policy-reload", 200, call(ApiOperation.POLICY_RELOAD, "admin", Map.of(), Map.of(), null));
        Files.writeString(workspace.resolve("policies/agencies/doj.yaml"), "id: DOJ\nname: [\n");
        pin("policy-reload-invalid", 409, call(ApiOperation.POLICY_RELOAD, "admin", Map.of(), Map.of(), null));
        pin("error-bad-date", 400, call(ApiOperation.POLICY_STATUS, "auditor", Map.of(), Map.of("at", "soon"), null));
    }

    @Test
    void agencies() throws IOException {
        pin("agencies", 200, call(ApiOperation.AGENCIES, "admin", Map.of(), Map.of(), null));
        pin("agency-revoke", 200, call(ApiOperation.AGENCY_REVOKE, "officer", Map.of("id", "DOJ"), Map.of(),
                "{\"reason\": \"SSR not filed\"}"));
        pin("agency-revoked", 200, call(ApiOperation.AGENCY, "admin", Map.of("id", "DOJ"), Map.of(), null));
        pin("agency-reinstate", 200, call(ApiOperation.AGENCY_REINSTATE, "officer", Map.of("id", "DOJ"), Map.of(),
                "{\"reason\": \"filed\"}"));
        pin("error-not-revoked", 409, call(ApiOperation.AGENCY_REINSTATE, "officer", Map.of("id", "DOJ"), Map.of(),
                "{\"reason\": \"again\"}"));
        pin("error-unknown-agency", 404, call(ApiOperation.AGENCY, "admin", Map.of("id", "NOPE"), Map.of(), null));
        pin("error-no-reason", 400, call(ApiOperation.AGENCY_REVOKE, "officer", Map.of("id", "DOJ"), Map.of(),
                "{}"));
        pin("safeguard-event", 200, call(ApiOperation.SAFEGUARD_EVENT, "officer", Map.of("id", "ICE"), Map.of(),
                "{\"type\": \"review\", \"id\": \"SR-NEW-ICE\", \"completed\": \"2026-12-01\"}"));
    }

    @Test
    void agreements() throws IOException {
        pin("agreements", 200, call(ApiOperation.AGREEMENTS, "admin", Map.of(), Map.of(), null));
        pin("agreement-revoke", 200, call(ApiOperation.AGREEMENT_REVOKE, "officer", Map.of("id", "IRS-DOJ-2024"),
                Map.of(), "{\"reason\": \"breach\"}"));
        pin("agreement-revoked", 200, call(ApiOperation.AGREEMENT, "admin", Map.of("id", "IRS-DOJ-2024"), Map.of(),
                null));
        pin("agreement-reinstate", 200, call(ApiOperation.AGREEMENT_REINSTATE, "officer",
                Map.of("id", "IRS-DOJ-2024"), Map.of(), "{\"reason\": \"fixed\"}"));
    }

    @Test
    void transfers() throws IOException {
        pin("transfers-none", 200, call(ApiOperation.TRANSFERS, "admin", Map.of(), Map.of(), null));
        Path file = workspace.resolve("work/DOJ/outbox/DOJ-ICE-2024/cases.csv ");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "tin,name,address\n123456789,Jane Roe,1 Main St\n");
        TestFiles.backdate(file, Duration.ofSeconds(5));
        assertThat(gateway.process("DOJ", workspace.resolve("work/DOJ/outbox"), file))
                .isEqualTo(TransferOutcome.QUARANTINED);
        String listed = call(ApiOperation.TRANSFERS, "admin", Map.of(), Map.of("state", "quarantined"), null).text;
        String id = listed.replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
        pin("transfers-quarantined", 200, call(ApiOperation.TRANSFERS, "admin", Map.of(), Map.of(), null), id);
        pin("audit-transfer", 200, call(ApiOperation.AUDIT_TRANSFER, "auditor", Map.of("transfer", id), Map.of(),
                null), id);
        pin("error-release-refused", 409, call(ApiOperation.TRANSFER_RELEASE, "admin", Map.of("id", id), Map.of(),
                null), id);
    }

    @Test
    void audit() throws IOException {
        call(ApiOperation.AGENCY_REVOKE, "officer", Map.of("id", "DOJ"), Map.of(), "{\"reason\": \"SSR not filed\"}");
        pin("audit-verify", 200, call(ApiOperation.AUDIT_VERIFY, "auditor", Map.of(), Map.of(), null));
        pin("audit-events", 200, call(ApiOperation.AUDIT_EVENTS, "auditor", Map.of(), Map.of("limit", "1"), null));
        pin("error-unknown-transfer", 404, call(ApiOperation.AUDIT_TRANSFER, "auditor", Map.of("transfer", "nope"),
                Map.of(), null));
    }

    @Test
    void operators() throws IOException {
        pin("operator-unlock", 200, call(ApiOperation.OPERATOR_UNLOCK, "officer", Map.of("id", "auditor"), Map.of(),
                "{\"reason\": \"locked out\", \"address\": \"10.0.0.7\"}"));
        pin("operator-unlock-no-address", 200, call(ApiOperation.OPERATOR_UNLOCK, "officer",
                Map.of("id", "auditor"), Map.of(), "{\"reason\": \"locked out\"}"));
        pin("error-no-tokens", 409, call(ApiOperation.OPERATOR_TOKENS_REVOKE, "officer", Map.of("id", "auditor"),
                Map.of(), "{\"reason\": \"leaked\"}"));
        pin("error-forbidden", 403, call(ApiOperation.OPERATOR_UNLOCK, "auditor", Map.of("id", "admin"), Map.of(),
                "{\"reason\": \"x\"}"));
    }

    @Test
    void recalls() throws IOException {
        Path file = workspace.resolve("work/IRS/outbox/IRS-DOJ-2024/addresses.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "tin,name,address\n123456789,Jane Roe,1 Main St\n");
        TestFiles.backdate(file, Duration.ofSeconds(5));
        assertThat(gateway.process("IRS", workspace.resolve("work/IRS/outbox"), file))
                .isEqualTo(TransferOutcome.DELIVERED);
        String id = new org.safegate.audit.AuditStore(gateway.database()).list(org.safegate.audit.AuditQuery.ALL).stream()
                .filter(e -> e.type() == org.safegate.audit.AuditEventType.TRANSFER_DELIVERED).findFirst().orElseThrow()
                .entry().transferId();
        pin("recall-issued", 201, call(ApiOperation.RECALL_ISSUE, "officer", Map.of(), Map.of(),
                "{\"transfers\": [\"" + id + "\"], \"reason\": \"shared on incomplete requests\","
                        + " \"notice\": \"Destroy the file and certify it\", \"due\": \"P30D\"}"), id);
        pin("recalls", 200, call(ApiOperation.RECALLS, "auditor", Map.of(), Map.of("holder", "DOJ"), null), id);
        pin("audit-transfer-recalled", 200, call(ApiOperation.AUDIT_TRANSFER, "auditor", Map.of("transfer", id),
                Map.of(), null), id);
        pin("audit-report-recalled", 200, call(ApiOperation.AUDIT_REPORT, "auditor", Map.of(), Map.of(), null), id);
        String recall = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call(ApiOperation.RECALLS, "auditor",
                Map.of(), Map.of(), null).text()).at("/recalls/0/id").asText();
        pin("recall-closed", 200, call(ApiOperation.RECALL_CLOSE, "officer", Map.of("id", recall), Map.of(),
                "{\"items\": [\"" + id + "\"], \"reason\": \"the copy was destroyed with its server\"}"), id);
        pin("error-recall-due", 400, call(ApiOperation.RECALL_ISSUE, "officer", Map.of(), Map.of(),
                "{\"transfers\": [\"" + id + "\"], \"reason\": \"r\", \"notice\": \"n\", \"due\": \"P-1D\"}"), id);
    }

    private record Answer(int status, String text) {
    }

    private Answer call(ApiOperation operation, String operator, Map<String, String> path, Map<String, String> query,
                        String json) {
        Optional<String> authorization = Optional.ofNullable(operator)
                .map(o -> ApiGateway.basic(o, ApiGateway.PASSWORDS.get(o)));
        ApiResponse response = api.handle(operation, new ApiRequest(path, new HashMap<>(query), authorization,
                "127.0.0.1", Optional.ofNullable(json).map(j -> "application/json"),
                json == null ? null : json.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.contentType()).isEqualTo(response.status() / 100 == 2 ? ApiResponse.JSON : Problems.CONTENT_TYPE);
        return new Answer(response.status(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private void pin(String name, int status, Answer answer, String... ids) throws IOException {
        assertThat(answer.status).as(name + ": " + answer.text).isEqualTo(status);
        String text = answer.text.replace(workspace.toString(), "<workspace>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<instant>")
                .replaceAll("\"lastHash\" : \"[0-9a-f]+\"", "\"lastHash\" : \"<hash>\"")
                .replaceAll("\"(hash|prev|payloadDigest|id)\" : \"[0-9a-f-]{32,}\"", "\"$1\" : \"<hex>\"")
                .replaceAll("recalls/[0-9a-f-]{32,}\\.json", "recalls/<hex>.json");
        for (String id : ids) {
            text = text.replace(id, "<transfer>");
        }
        try (InputStream expected = ApiBodiesTest.class.getResourceAsStream("bodies/" + name + ".json")) {
            if (expected == null) {
                Path actual = Path.of("target", "api-bodies", name + ".json");
                Files.createDirectories(actual.getParent());
                Files.writeString(actual, text);
                unpinned.add(name);
                return;
            }
            assertThat(text).as(name).isEqualTo(new String(expected.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
