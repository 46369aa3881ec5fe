package org.safegate.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}, open to anyone (load balancers, supervisors): the process answers
 * (liveness) and the store, the keys and every agency's local endpoints are usable (readiness):
 * 200 when all are, 503 otherwise. Ready while the policy files on disk were rejected (an invalid
 * edit; the previous set still decides) is DEGRADED, still 200: the gateway works, with the last
 * good set. Without a login it says UP, DEGRADED or DOWN and nothing else: which agencies the
 * gateway serves is not for whoever can reach the port. An operator who logs in (any role) also
 * sees which check failed, by agency, and the policy files' first error; other paths and error
 * texts go only to the log. The checks come from {@code readiness}: in a running gateway, Camel's
 * health checks over {@link ReadinessProbes}. An operator's answer names the node that gives it
 * ({@code safegate.node.id}), so that behind a load balancer they know which one answered.
 */
final class HealthCheck {
    private final String node;
    private final Supplier<Readiness> readiness;
    private final Supplier<Optional<String>> policyRejected;

    /** {@code policyRejected}: the first error of the policy files on disk while an older set runs. */
    HealthCheck(String node, Supplier<Readiness> readiness, Supplier<Optional<String>> policyRejected) {
        this.node = node;
        this.readiness = readiness;
        this.policyRejected = policyRejected;
    }

    /** {@code node}, {@code live}, {@code checks} and {@code reason} only for an operator who logged in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String node, String live, Checks checks, String reason) {
    }

    /** {@code endpoints}: UP or DOWN by agency, in the agencies' order; {@code policy}: UP or DEGRADED. */
    record Checks(String store, String keys, Map<String, String> endpoints, String policy) {
    }

    ApiResponse check(boolean details) {
        Readiness now = readiness.get();
        boolean ready = now.ready();
        Optional<String> rejected = policyRejected.get();
        String status = !ready ? "DOWN" : rejected.isPresent() ? "DEGRADED" : "UP";
        // the node's id holds its host name by default: for operators, not for whoever reaches the port
        Health health = new Health(status, null, null, null, null);
        if (details) {
            Map<String, String> endpoints = new TreeMap<>();
            now.endpoints().forEach((agency, ok) -> endpoints.put(agency, up(ok)));
            health = new Health(status, node, "UP", new Checks(up(now.store()), up(now.keys()), endpoints,
                    rejected.isPresent() ? "DEGRADED" : "UP"),
                    rejected.map(error -> "the policy files on disk were rejected, the previous set runs: " + error)
                            .orElse(null));
        }
        return ApiResponse.json(ready ? 200 : 503, Json.write(health));
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
