package org.safegate.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.safegate.store.GatewayNodes;

/**
 * {@code GET /api/nodes}: every gateway that ran on this store, from the node registry, with how
 * each stands now: running, silent (more than three heartbeats missed) or stopped cleanly.
 */
final class NodeEndpoints {
    private final AdminServices services;

    record Nodes(List<Node> nodes) {
    }

    /** One node as the registry has it; times are ISO-8601 instants. */
    record Node(String id, String host, long pid, String version, String startedAt, String lastHeartbeat,
                String state, String policyVersion, int inFlight) {
        static Node of(GatewayNodes.Node node, Instant now) {
            return new Node(node.id(), node.host(), node.pid(), node.version(), node.startedAt().toString(),
                    node.lastHeartbeat().toString(), node.state(now).name().toLowerCase(Locale.ROOT),
                    node.policyVersion(), node.inFlight());
        }
    }

    NodeEndpoints(AdminServices services) {
        this.services = services;
    }

    ApiResponse list(ApiRequest request) {
        Instant now = services.clock().instant();
        return Json.ok(new Nodes(services.nodes().all().stream().map(node -> Node.of(node, now)).toList()));
    }
}
