package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.audit.AuditEventType;
import org.safegate.testing.LogCapture;

/** What monitoring sees: readiness from {@code /api/health}, figures from {@code /metrics}. */
class HealthAndMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "tin,name,address\n123456789,Jane Roe,1 Main St\n";

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
    void oneFileDeliveredAndOneDenied_resultTheMetricsCountThemByOutcomeReasonAndBytes() throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        api.drop("IRS", "IRS-DOJ-2024", "a.csv", CSV);
        api.drop("IRS", "IRS-ICE-2025", "b.csv", CSV);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.events(AuditEventType.TRANSFER_DELIVERED).size() == 1
                && api.events(AuditEventType.TRANSFER_DENIED).size() == 1);

        HttpResponse<String> metrics = api.get("/metrics", "officer");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("safegate_transfers_total{outcome=\"delivered\"} 1\n")
                .contains("safegate_transfers_total{outcome=\"denied\"} 1\n")
                .contains("safegate_transfer_reasons_total{outcome=\"denied\",reason=\"CAP_ITEM_UNDATED\"} 1\n")
                .contains("safegate_transfer_bytes_total{outcome=\"delivered\"} " + CSV.length() + "\n")
                .contains("safegate_held_files 0\n")
                .contains("# TYPE safegate_transfer_duration_seconds histogram");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/metrics", "auditor").body())
                .contains("safegate_transfer_duration_seconds_count 2\n")
                .contains("safegate_transfer_duration_seconds_bucket{le=\"+Inf\"} 2\n"));
        assertThat(api.get("/metrics", "auditor").body()).as("each route's exchanges, from camel-micrometer")
                .containsPattern("camel_exchanges_total\\{[^}]*routeId=\"outbox-IRS\"[^}]*\\} [1-9]");
        long head = new org.safegate.audit.AuditStore(api.gateway.database()).headSequence();
        assertThat(api.get("/metrics", "admin").body()).contains("safegate_audit_chain_length " + head + "\n");
    }

    /** What anyone who can reach the port is told: the status only (not even which node answers). */
    private JsonNode anonymous(String status) throws Exception {
        return JSON.readTree("{\"status\": \"" + status + "\"}");
    }

    @Test
    void anAgencysInboxIsAFile_resultWithoutALoginHealthSaysOnlyDownAndAnOperatorSeesWhichAgency() throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        HttpResponse<String> up = api.get("/api/health", null);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(up.body())).isEqualTo(anonymous("UP"));

        // a plain file where ICE's inbox folder should be: nothing can be delivered there
        Path inbox = workspace.resolve("work/ICE/inbox");
        Files.createDirectories(inbox.getParent());
        Files.deleteIfExists(inbox);
        Files.writeString(inbox, "not a folder");
        HttpResponse<String> anonymous = api.get("/api/health", null);

        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(anonymous.body())).as("no agency, check, path or node for anyone who can reach the port")
                .isEqualTo(anonymous("DOWN"));
        for (String operator : List.of("auditor", "officer", "admin")) {
            HttpResponse<String> detailed = api.get("/api/health", operator);
            assertThat(detailed.statusCode()).isEqualTo(503);
            assertThat(detailed.body()).contains("\"status\" : \"DOWN\"").contains("\"ICE\" : \"DOWN\"")
                    .contains("\"DOJ\" : \"UP\"").contains("\"store\" : \"UP\"")
                    .doesNotContain(workspace.toString());
        }
    }

    @Test
    void aHealthCheckWithWrongCredentials_resultRefused401AndAuditedLikeAnyOtherLogin() throws Exception {
        api = ApiGateway.start(workspace, Map.of());

        HttpResponse<String> wrong = api.call("GET", "/api/health", ApiGateway.basic("auditor", "guess"), null, null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("DOJ");
        assertThat(api.events(AuditEventType.OPERATOR_LOGIN_FAILED)).singleElement()
                .satisfies(e -> assertThat(e.entry().object()).isEqualTo("GET /api/health"));
    }

    @Test
    void anInvalidPolicyEdit_resultHealthDegradedNamingTheFirstErrorUntilAValidSetIsOnDiskAgain() throws Exception {
        api = ApiGateway.start(workspace, Map.of());
        Path broken = workspace.resolve("policies/agreements/broken.yaml");
        try (LogCapture log = new LogCapture()) {
            Files.writeString(broken, "id: [unclosed\n");
            api.gateway.policies().reloadIfChanged();

            HttpResponse<String> anonymous = api.get("/api/health", null);
            assertThat(anonymous.statusCode()).as("the gateway still works, with the last good set").isEqualTo(200);
            assertThat(JSON.readTree(anonymous.body())).isEqualTo(anonymous("DEGRADED"));
            HttpResponse<String> detailed = api.get("/api/health", "auditor");
            assertThat(detailed.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(detailed.body()).path("checks").path("policy").asText()).isEqualTo("DEGRADED");
            assertThat(JSON.readTree(detailed.body()).path("reason").asText()).contains("agreements/broken.yaml:2")
                    .contains("YAML_MALFORMED").doesNotContain(workspace.toString());
            assertThat(log.events("POLICY-REJECTED")).first().satisfies(line -> {
                assertThat(LogCapture.fields(line).get("first")).contains("broken.yaml");
                assertThat(LogCapture.fields(line)).containsKey("errors");
            });

            Files.delete(broken);
            api.gateway.policies().reloadIfChanged();

            HttpResponse<String> again = api.get("/api/health", null);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body())).isEqualTo(anonymous("UP"));
            assertThat(JSON.readTree(api.get("/api/health", "auditor").body()).path("checks").path("policy").asText())
                    .isEqualTo("UP");
            assertThat(log.events("POLICY-LOADED")).isNotEmpty();
        }
    }

    @Test
    void aGatewayWithTheApi_resultTheStartUpBlockNamesTheApisUrl() throws Exception {
        try (LogCapture log = new LogCapture()) {
            api = ApiGateway.start(workspace, Map.of());

            assertThat(log.events("START")).anySatisfy(line -> assertThat(LogCapture.fields(line))
                    .containsEntry("api", "https://127.0.0.1:" + api.port + "/api"));
        }
    }
}
