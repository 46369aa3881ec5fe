package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.testing.TestClocks;

/**
 * The OpenAPI document passes a real OpenAPI parser without a message, and the running API answers
 * as it says: every operation is called, and every answer (its status, its content type and, for
 * JSON, its body against the component schema the document names for that status) is checked
 * against the document itself.
 */
class OpenApiValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "{\"reason\": \"checking the document\"}";

    private final Set<ApiOperation> answered = EnumSet.noneOf(ApiOperation.class);
    private ApiGateway api;
    private JsonNode document;

    @Test
    void theDocumentIsValidOpenApi(@TempDir Path workspace) throws Exception {
        try (ApiGateway started = ApiGateway.start(workspace, java.util.Map.of())) {
            String text = started.get("/api/openapi.json", null).body();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);

            SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

            assertThat(result.getMessages()).isEmpty();
            assertThat(result.getOpenAPI().getPaths()).hasSize((int) java.util.Arrays.stream(ApiOperation.values())
                    .map(ApiOperation::path).distinct().count());
            JsonNode limit = JSON.readTree(text).at("/paths/~1api~1audit~1events/get/parameters").findParents("name")
                    .stream().filter(p -> p.path("name").asText().equals("limit")).findFirst().orElseThrow();
            assertThat(limit.at("/schema/type").asText()).isEqualTo("integer");
        }
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays(@TempDir Path workspace) throws Exception {
        api = ApiGateway.start(workspace, java.util.Map.of());
        try {
            document = JSON.readTree(api.get("/api/openapi.json", null).body());
            String today = TestClocks.CASE_DATE.toString(); // the day the gateway's clock starts on
            check(ApiOperation.HEALTH, api.get("/api/health", null), 200, 503);
            check(ApiOperation.HEALTH, api.get("/api/health", "admin"), 200, 503);
            check(ApiOperation.METRICS, api.get("/metrics", "admin"), 200);
            check(ApiOperation.OPENAPI, api.get("/api/openapi.json", null), 200);
            check(ApiOperation.POLICY_STATUS, api.get("/api/policy/status?at=" + today, "admin"), 200);
            check(ApiOperation.POLICY_UPCOMING, api.get("/api/policy/upcoming?within=60d&at=" + today, "admin"), 200);
            check(ApiOperation.POLICY_UPCOMING, api.get("/api/policy/upcoming?within=soon", "admin"), 400);
            check(ApiOperation.POLICY_RELOAD, api.call("POST", "/api/policy/reload",
                    ApiGateway.basic("admin", ApiGateway.PASSWORDS.get("admin")), null, null), 200);
            check(ApiOperation.AGENCIES, api.get("/api/agencies", "admin"), 200);
            check(ApiOperation.AGENCY, api.get("/api/agencies/IRS", "admin"), 200);
            check(ApiOperation.AGENCY, api.get("/api/agencies/NOPE", "admin"), 404);
            check(ApiOperation.AGENCY_REVOKE, api.postJson("/api/agencies/ICE/revoke", "officer", REASON), 200);
            check(ApiOperation.AGENCY_REINSTATE, api.postJson("/api/agencies/ICE/reinstate", "officer", REASON), 200);
            check(ApiOperation.AGENCY_REINSTATE, api.postJson("/api/agencies/ICE/reinstate", "officer", REASON), 409);
            check(ApiOperation.SAFEGUARD_EVENT, api.postJson("/api/agencies/ICE/safeguards/events", "officer",
                    "{\"type\": \"review\", \"id\": \"SR-DOC-ICE\", \"completed\": \"" + today + "\"}"), 200);
            check(ApiOperation.AGREEMENTS, api.get("/api/agreements", "admin"), 200);
            check(ApiOperation.AGREEMENT, api.get("/api/agreements/IRS-DOJ-2024", "admin"), 200);
            check(ApiOperation.AGREEMENT_REVOKE, api.postJson("/api/agreements/IRS-DOJ-2024/revoke", "officer",
                    REASON), 200);
            api.drop("IRS", "IRS-DOJ-2024", "document.csv", "tin,name,address\n123456789,Jane Roe,1 Main St\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/transfers?state=quarantined", "admin")
                    .body().contains("document.csv"));
            check(ApiOperation.AGREEMENT_REINSTATE, api.postJson("/api/agreements/IRS-DOJ-2024/reinstate", "officer",
                    REASON), 200);
            HttpResponse<String> transfers = api.get("/api/transfers", "admin");
            check(ApiOperation.TRANSFERS, transfers, 200);
            String id = JSON.readTree(transfers.body()).at("/transfers/0/id").asText();
            check(ApiOperation.TRANSFER_RELEASE, api.postJson("/api/transfers/" + id + "/release", "admin", "{}"), 200);
            check(ApiOperation.TRANSFER_RELEASE, api.postJson("/api/transfers/" + id + "/release", "admin", "{}"), 409);
            check(ApiOperation.AUDIT_EVENTS, api.get("/api/audit/events?limit=50", "auditor"), 200);
            check(ApiOperation.AUDIT_EVENTS, api.get("/api/audit/events?limit=lots", "auditor"), 400);
            check(ApiOperation.AUDIT_TRANSFER, api.get("/api/audit/events/" + id, "auditor"), 200);
            check(ApiOperation.AUDIT_VERIFY, api.get("/api/audit/verify", "auditor"), 200);
            check(ApiOperation.AUDIT_EXPORT, api.get("/api/audit/export?format=jsonl", "auditor"), 200);
            check(ApiOperation.AUDIT_EXPORT, api.get("/api/audit/export?format=csv", "auditor"), 200);
            check(ApiOperation.AUDIT_REPORT, api.get("/api/audit/report?from=2000-01-01", "auditor"), 200);
            check(ApiOperation.AUDIT_REPORT, api.get("/api/audit/report", null), 401);
            check(ApiOperation.AUDIT_REPORT, api.get("/api/audit/report", "admin"), 403);
            check(ApiOperation.OPERATOR_UNLOCK, api.postJson("/api/operators/officer/unlock", "admin", REASON), 200);
            check(ApiOperation.OPERATOR_TOKENS_REVOKE, api.postJson("/api/operators/auditor/tokens/revoke", "officer",
                    REASON), 200, 409);
            await().atMost(Duration.ofSeconds(60)).until(() -> !api.events(
                    org.safegate.audit.AuditEventType.TRANSFER_DELIVERED).isEmpty());
            String delivered = api.events(org.safegate.audit.AuditEventType.TRANSFER_DELIVERED).get(0).entry()
                    .transferId();
            HttpResponse<String> recall = api.postJson("/api/recalls", "officer", "{\"transfers\": [\"" + delivered
                    + "\"], \"reason\": \"checking\", \"notice\": \"destroy it\"}");
            check(ApiOperation.RECALL_ISSUE, recall, 201);
            check(ApiOperation.RECALL_ISSUE, api.postJson("/api/recalls", "officer", "{\"transfers\": [\"T-none\"],"
                    + " \"reason\": \"r\", \"notice\": \"n\"}"), 404);
            check(ApiOperation.RECALL_ISSUE, api.postJson("/api/recalls", "officer", "{\"reason\": \"r\"}"), 400);
            check(ApiOperation.RECALLS, api.get("/api/recalls?open=true&holder=DOJ", "auditor"), 200);
            check(ApiOperation.RECALLS, api.get("/api/recalls?overdue=false", "auditor"), 200);
            check(ApiOperation.RECALLS, api.get("/api/recalls?overdue=soon", "auditor"), 400);
            check(ApiOperation.RECALL, api.get("/api/recalls/" + JSON.readTree(recall.body()).path("id").asText(),
                    "auditor"), 200);
            check(ApiOperation.RECALL, api.get("/api/recalls/R-none", "auditor"), 404);
            check(ApiOperation.AUDIT_TRANSFER, api.get("/api/audit/events/" + delivered, "auditor"), 200);
            check(ApiOperation.AUDIT_REPORT, api.get("/api/audit/report", "auditor"), 200);
            String close = "/api/recalls/" + JSON.readTree(recall.body()).path("id").asText() + "/close";
            String item = "{\"items\": [\"" + delivered + "\"], \"reason\": \"checking\"}";
            check(ApiOperation.RECALL_CLOSE, api.postJson(close, "officer", item), 200);
            check(ApiOperation.RECALL_CLOSE, api.postJson(close, "officer", item), 409);
            check(ApiOperation.RECALL_CLOSE, api.postJson("/api/recalls/R-none/close", "officer", item), 404);
            check(ApiOperation.RECALL_CLOSE, api.postJson(close, "officer", "{\"items\": []}"), 400);
            check(ApiOperation.NODES, api.get("/api/nodes", "admin"), 200);
            check(ApiOperation.NODES, api.get("/api/nodes", "auditor"), 403);
            check(ApiOperation.AGENCY_REVOKE, api.call("POST", "/api/agencies/ICE/revoke",
                    ApiGateway.basic("officer", ApiGateway.PASSWORDS.get("officer")), "text/plain",
                    "reason".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 415);
        } finally {
            api.close();
        }

        assertThat(answered).containsExactlyInAnyOrder(ApiOperation.values());
    }

    /** The answer has one of the statuses, which the document lists for the operation with its content type and schema. */
    private void check(ApiOperation operation, HttpResponse<String> response, int... statuses) throws Exception {
        assertThat(java.util.Arrays.stream(statuses).boxed().toList()).as(operation + ": " + response.body())
                .contains(response.statusCode());
        JsonNode documented = document.path("paths").path(operation.path())
                .path(operation.method().toLowerCase(Locale.ROOT)).path("responses")
                .path(Integer.toString(response.statusCode()));
        assertThat(documented.isObject()).as(operation + " documents " + response.statusCode()).isTrue();
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        JsonNode content = documented.path("content").path(contentType);
        assertThat(content.isObject()).as(operation + " " + response.statusCode() + " documents " + contentType
                + " among " + documented.path("content")).isTrue();
        String ref = content.path("schema").path("$ref").asText();
        if (contentType.equals(ApiResponse.JSON) || contentType.equals(Problems.CONTENT_TYPE)) {
            assertThat(ref).as(operation + " " + response.statusCode()).startsWith(ApiSchemas.REF);
            var errors = schema(ref.substring(ApiSchemas.REF.length())).validate(response.body(), InputFormat.JSON);
            assertThat(errors).as(operation + " " + response.statusCode() + ": " + response.body()).isEmpty();
        }
        answered.add(operation);
    }

    /** A component schema as a JSON Schema 2020-12 document, the other components as its definitions. */
    private Schema schema(String name) {
        String definitions = document.path("components").path("schemas").toString()
                .replace(ApiSchemas.REF, "#/$defs/");
        String schema = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$defs\": " + definitions
                + ", \"$ref\": \"#/$defs/" + name + "\"}";
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema,
                InputFormat.JSON);
    }
}
