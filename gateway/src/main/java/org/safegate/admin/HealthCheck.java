package org.safegate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * {@code GET /api/health}, open to anyone (load balancers, supervisors): the process answers
 * (liveness) and the store, the keys and every agency's local endpoints are usable (readiness):
 * 200 when all are, 503 otherwise. Without a login it says UP or DOWN and nothing else: which
 * agencies the gateway serves is not for whoever can reach the port. An operator who logs in (any
 * role) also sees which check failed, by agency; paths and error texts go only to the log. The
 * checks come from {@code readiness}: in a running gateway, Camel's health checks over
 * {@link ReadinessProbes}.
 */
final class HealthCheck {
    private final Supplier<Readiness> readiness;

    HealthCheck(Supplier<Readiness> readiness) {
        this.readiness = readiness;
    }

    ApiResponse check(boolean details) {
        Readiness now = readiness.get();
        boolean ready = now.ready();
        ObjectNode root = Json.object().put("status", up(ready));
        if (!details) {
            return ApiResponse.json(ready ? 200 : 503, Json.write(root));
        }
        root.put("live", "UP");
        ObjectNode checks = root.putObject("checks");
        checks.put("store", up(now.store())).put("keys", up(now.keys()));
        ObjectNode endpointStatus = checks.putObject("endpoints");
        new TreeMap<>(now.endpoints()).forEach((agency, ok) -> endpointStatus.put(agency, up(ok)));
        return ApiResponse.json(ready ? 200 : 503, Json.write(root));
    }

    private static String up(boolean ok) {
        return ok ? "UP" : "DOWN";
    }
}
