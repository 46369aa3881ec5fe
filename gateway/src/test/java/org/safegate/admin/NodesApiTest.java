package org.safegate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safegate.SafegateException;
import org.safegate.app.Gateway;
import org.safegate.audit.MutableClock;
import org.safegate.config.Settings;
import org.safegate.store.Database;
import org.safegate.store.DatabaseSettings;
import org.safegate.store.GatewayNodes;
import org.safegate.testing.TestClocks;

/**
 * The running gateway as a node, over HTTPS: registered at start, beating on the gateway's clock,
 * listed by {@code GET /api/nodes} (administrators only), named by the health check and the
 * metrics, stopped when it stops; a node that stopped beating is silent.
 */
class NodesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = TestClocks.CASE_DAY;

    @TempDir
    Path workspace;
    ApiGateway api;
    final MutableClock clock = new MutableClock(START);

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    private void start() throws Exception {
        api = ApiGateway.start(workspace, Map.of("safegate.node.id", "gw-east-1", "safegate.node.heartbeat", "PT0.2S"),
                clock);
    }

    private JsonNode node(String id) throws Exception {
        HttpResponse<String> nodes = api.get("/api/nodes", "admin");
        assertThat(nodes.statusCode()).as(nodes.body()).isEqualTo(200);
        for (JsonNode node : JSON.readTree(nodes.body()).path("nodes")) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + nodes.body());
    }

    @Test
    void theRunningGatewayIsRegisteredAtStartAndItsHeartbeatFollowsItsClock() throws Exception {
        start();

        JsonNode node = node("gw-east-1");
        assertThat(node.path("state").asText()).isEqualTo("running");
        assertThat(node.path("startedAt").asText()).isEqualTo(START.toString());
        assertThat(node.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(node.path("host").asText()).isNotBlank();
        assertThat(node.path("version").asText()).isNotBlank();
        assertThat(node.path("policyVersion").asText()).matches("[0-9a-f]{64}");
        assertThat(node.path("inFlight").asInt()).isZero();

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node("gw-east-1")
                .path("lastHeartbeat").asText()).isEqualTo(START.plus(Duration.ofMinutes(1)).toString()));
        assertThat(node("gw-east-1").path("state").asText()).isEqualTo("running");
    }

    @Test
    void aNodeThatStoppedBeatingIsSilentAndAStoppedGatewayIsStopped() throws Exception {
        start();
        new GatewayNodes(api.gateway.database()).register(new GatewayNodes.Node("gw-west-2", "west", 77, "1.0",
                START.minusSeconds(60), START.minusSeconds(60), Duration.ofSeconds(5), "c".repeat(64), 2, false));

        assertThat(node("gw-west-2").path("state").asText()).as("its last beat 60 s ago, every 5 s")
                .isEqualTo("silent");
        assertThat(node("gw-west-2").path("inFlight").asInt()).isEqualTo(2);

        Path data = api.gateway.dataFolder();
        api.close();
        api = null;
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            GatewayNodes.Node stopped = new GatewayNodes(database).all().stream()
                    .filter(n -> n.id().equals("gw-east-1")).findFirst().orElseThrow();
            assertThat(stopped.state(clock.instant())).isEqualTo(GatewayNodes.State.STOPPED);
        }
    }

    @Test
    void onlyAnAdministratorSeesTheNodes() throws Exception {
        start();

        assertThat(api.get("/api/nodes", "admin").statusCode()).isEqualTo(200);
        assertThat(api.get("/api/nodes", "auditor").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/nodes", "officer").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/nodes", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theHealthCheckToAnOperatorAndTheMetricsNameTheNode() throws Exception {
        start();

        assertThat(JSON.readTree(api.get("/api/health", null).body()).has("node"))
                .as("the node's id holds its host name by default: not for whoever reaches the port").isFalse();
        assertThat(JSON.readTree(api.get("/api/health", "auditor").body()).path("node").asText())
                .isEqualTo("gw-east-1");
        assertThat(api.get("/metrics", "auditor").body()).contains("# TYPE safegate_node_info gauge\n")
                .contains("safegate_node_info{node=\"gw-east-1\"} 1\n");
    }

    @Test
    void aBadNodeIdStopsTheStartNamingTheKey() throws Exception {
        ApiGateway.copyExamples(workspace);

        assertThatThrownBy(() -> Gateway.open(Settings.of(Map.of("safegate.keys", "file:keys-example",
                "safegate.node.id", "gw east")), Map.of(), workspace, clock))
                .isInstanceOf(SafegateException.class).hasMessageContaining("safegate.node.id")
                .hasMessageContaining("'gw east'");
    }
}
